#!/usr/bin/env python3
"""Builds the multilingual labelled hole-detection set from real translated documentation on this machine.

Sources, where the markup shows what the author emphasized:
  - translated manual pages under /usr/share/man/LANG/ (roff): every \\fI...\\fR / \\fB...\\fR (also \\fP,
    \\f[I], \\f[B]) span;
  - gettext catalogs /usr/share/locale/LANG/LC_MESSAGES/*.mo: msgstr spans in <emphasis>, <b>, <i>, *x*, **x**.
Every such span is removed WITH its content, as a lossy exporter drops italics and bold, and the place where it
was is labelled a hole (offset in code points, as HoleDetector reports it). Roff source lines of one paragraph
are joined as a renderer would: with a space, except between two characters of a script written without spaces
(Han, kana), so "また \\fB-o\\fR オプション" becomes "また  オプション". Other roff escapes become their text;
request lines (.PP, .TP, ...) end a paragraph and are dropped. Blocks of mostly non-letters (option lists,
synopses) are skipped, as are blocks where emphasis is more than a third of the text (nothing readable would
be left). Paragraphs without emphasis are kept as negatives.

Per language at most MAX_WITH_HOLES blocks with holes and MAX_NEGATIVES without, drawn in a seeded order over
files sorted by path; split by file (hash of the path) into 'dev' and 'test' like the English set.
Deterministic: same machine, same output.

Usage: bench/holes-labelled-multilingual.py [OUT.jsonl]
  (default colloquy-core/src/test/resources/holes/labelled-multilingual.jsonl)
       bench/holes-labelled-multilingual.py --extra-dev OUT.jsonl
  a larger tuning set (up to EXTRA_WITH_HOLES blocks with holes per language) drawn only from 'dev' files and
  leaving out the blocks already in the committed set: more misses to learn from without looking at 'test'.
  Judge a detector on it with -Dholes.extra=OUT.jsonl (HoleEvaluationTest prints, asserts nothing).
"""
import gettext
import glob
import gzip
import hashlib
import json
import random
import re
import sys
import unicodedata

LANGUAGES = ["de", "fr", "es", "it", "pt", "nl", "sv", "pl", "cs", "ru", "uk", "tr", "ja", "zh_CN", "zh_TW", "ko"]
MAX_WITH_HOLES = 40
MAX_NEGATIVES = 15
EXTRA_WITH_HOLES = 150
EXTRA_NEGATIVES = 50
MAX_BLOCK_CHARS = 600
SEED = 20261206

FONT = re.compile(r"\\f(\[[A-Z]*\]|\([A-Z]{2}|[A-Z1-4P])")
CAT_SPAN = re.compile(r"<emphasis[^>]*>.+?</emphasis>|<b>.+?</b>|<i>.+?</i>"
                      r"|(?<![\w*])\*\*(?=\S).+?(?<=\S)\*\*(?![\w*])"
                      r"|(?<![\w*\\])\*(?=[^\s*])[^*\n]+?(?<=[^\s*])\*(?![\w*])")
TAG = re.compile(r"</?(?!(?:b|i|emphasis)\b)[A-Za-z][^>]*>")


def unspaced(ch):
    if not ch:
        return False
    name = unicodedata.name(ch, "")
    return name.startswith(("CJK", "HIRAGANA", "KATAKANA", "IDEOGRAPHIC", "FULLWIDTH")) or ch in "。、「」（）：，！？"


GLYPHS = {":a": "ä", ":o": "ö", ":u": "ü", ":A": "Ä", ":O": "Ö", ":U": "Ü", "ss": "ß", "'e": "é", "`e": "è",
          "'a": "á", "`a": "à", "^e": "ê", "^a": "â", "^o": "ô", ",c": "ç", "'o": "ó", "'i": "í", "'u": "ú",
          "~n": "ñ", "~a": "ã", "~o": "õ", "co": "©", "rg": "®", "Fo": "«", "Fc": "»", "aq": "'", "dq": '"',
          "em": "—", "en": "–", "bu": "•", "lq": "“", "rq": "”", "oq": "‘", "cq": "’", "mi": "-", "hy": "-",
          "ga": "`", "ti": "~", "rs": "\\", "at": "@", "sh": "#", "Do": "$", "lh": "☜", "rh": "☞", "de": "°"}
for _v, _marks in (("a", "'`^:~"), ("e", "'`^:"), ("i", "'`^:"), ("o", "'`^:~"), ("u", "'`^:")):
    for _m, _c in zip("'`^:~", "\u0301\u0300\u0302\u0308\u0303"):
        if _m in _marks:
            for _x in (_v, _v.upper()):
                GLYPHS.setdefault(_m + _x, unicodedata.normalize("NFC", _x + _c))
STRINGS = {"Aq": "'", "lq": "“", "rq": "”", "R": "®", "Tm": "™", "(C": "©"}


def unescape(s):
    """Roff escapes other than fonts, as their text; unknown glyph escapes are dropped."""
    s = re.sub(r"\\s[-+]?\d", "", s)
    s = re.sub(r"\\[mM]\[[^]]*\]|\\[udc/,]", "", s)
    s = re.sub(r"\\\*(?:\((..)|\[([^]]*)\]|(.))", lambda m: STRINGS.get(m.group(1) or m.group(2) or m.group(3), ""), s)
    s = re.sub(r"\\(?:\((..)|\[([^]]*)\])", lambda m: GLYPHS.get(m.group(1) or m.group(2), ""), s)
    for a, b in (("\\(em", "—"), ("\\(en", "–"), ("\\(aq", "'"), ("\\(dq", '"'), ("\\(bu", "•"), ("\\(lq", "“"),
                 ("\\(rq", "”"), ("\\(oq", "‘"), ("\\(cq", "’"), ("\\*(lq", "“"), ("\\*(rq", "”"), ("\\-", "-"),
                 ("\\&", ""), ("\\e", "\\"), ("\\ ", " "), ("\\|", ""), ("\\^", ""), ("\\~", " "), ("\\c", "")):
        s = s.replace(a, b)
    return s


def roff_spans(line):
    """(text, [(start, end) of emphasized spans]) of one roff line after unescaping."""
    out = []
    spans = []
    font = "R"
    pos = 0
    start = None
    for m in FONT.finditer(line):
        piece = unescape(line[pos:m.start()])
        out.append(piece)
        pos = m.end()
        f = m.group(1).strip("[]()")
        new = "R" if f in ("R", "P", "1", "") else f
        cur = sum(len(p) for p in out)
        if font == "R" and new != "R":
            start = cur
        elif font != "R" and new == "R" and start is not None:
            if cur > start:
                spans.append((start, cur))
            start = None
        font = new
    out.append(unescape(line[pos:]))
    text = "".join(out)
    if font != "R" and start is not None and len(text) > start:
        spans.append((start, len(text)))
    return text, spans


def man_blocks(path):
    data = gzip.open(path, "rb").read() if path.endswith(".gz") else open(path, "rb").read()
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        return
    para = []
    first = 0
    for n, line in enumerate(text.split("\n") + ["."]):
        if line.startswith((".", "'")):
            if para:
                yield first, para
            para = []
            continue
        if not para:
            first = n + 1
        para.append(line)


def join_man(lines):
    """One paragraph: its text and emphasized spans, lines joined as a renderer would."""
    text = ""
    spans = []
    for line in lines:
        t, sp = roff_spans(line.strip())
        if not t:
            continue
        if text:
            sep = "" if unspaced(text[-1]) and unspaced(t[0]) else " "
            text += sep
        spans += [(a + len(text), b + len(text)) for a, b in sp]
        text += t
    return text, spans


def cut(text, spans):
    """The text with every span removed and the code-point offsets where they were."""
    out = []
    holes = []
    pos = 0
    length = 0
    for a, b in sorted(spans):
        if a < pos:
            continue
        out.append(text[pos:a])
        length += a - pos
        if not holes or holes[-1] != length:
            holes.append(length)
        pos = b
    out.append(text[pos:])
    return "".join(out), holes


def readable(text, emphasized):
    letters = sum(1 for c in text if c.isalpha())
    return (len(text) >= 40 and len(text) <= MAX_BLOCK_CHARS and letters * 10 >= len(text) * 6
            and emphasized * 3 <= len(text))


ENGLISH = re.compile(r"\b(the|and|of|to|is|are|which|this|with|will|be|for|that)\b", re.I)
SCRIPTS = {"ru": "CYRILLIC", "uk": "CYRILLIC", "ja": ("HIRAGANA", "KATAKANA"), "zh_CN": "CJK", "zh_TW": "CJK",
           "ko": "HANGUL"}


def in_language(lang, text):
    """Translated pages keep some paragraphs in English; those are not this language's text."""
    if len(ENGLISH.findall(text)) > 2:
        return False
    script = SCRIPTS.get(lang)
    if script is None:
        return True
    letters = [c for c in text if c.isalpha()]
    ours = sum(1 for c in letters if unicodedata.name(c, "").startswith(script))
    return ours * 3 >= len(letters) if lang != "ja" else ours >= 3


def split_of(path):
    return "test" if int(hashlib.sha1(path.encode()).hexdigest(), 16) % 3 == 0 else "dev"


def candidates(lang):
    """(source, text, spans) from the language's man pages and catalogs."""
    dirs = [lang] + (["pt_BR"] if lang == "pt" else [])
    for d in dirs:
        for path in sorted(glob.glob(f"/usr/share/man/{d}/man*/*")):
            for first, lines in man_blocks(path):
                text, spans = join_man(lines)
                yield f"{path[len('/usr/share/man/'):]}:{first}", path, text, spans
    for d in dirs:
        for path in sorted(glob.glob(f"/usr/share/locale/{d}/LC_MESSAGES/*.mo")):
            try:
                catalog = gettext.GNUTranslations(open(path, "rb"))._catalog
            except Exception:
                continue
            for key in sorted(k for k in catalog if isinstance(k, str) and k):
                value = catalog[key]
                if not isinstance(value, str) or "\n\n" in value:
                    continue
                # other tags are flattened away; a "span" without a letter (a glob such as *.txt) is not emphasis
                flat = TAG.sub("", value)
                spans = [(m.start(), m.end()) for m in CAT_SPAN.finditer(flat)]
                if any(not any(c.isalpha() for c in flat[a:b]) for a, b in spans) or "%" in flat:
                    continue
                yield f"{path[len('/usr/share/locale/'):]}:{key[:40]}", path, flat, spans


def main():
    extra = len(sys.argv) > 2 and sys.argv[1] == "--extra-dev"
    default_path = "colloquy-core/src/test/resources/holes/labelled-multilingual.jsonl"
    out_path = sys.argv[2] if extra else sys.argv[1] if len(sys.argv) > 1 else default_path
    max_with_holes, max_negatives = (EXTRA_WITH_HOLES, EXTRA_NEGATIVES) if extra else (MAX_WITH_HOLES, MAX_NEGATIVES)
    taken = set()
    if extra:
        with open(default_path, encoding="utf-8") as f:
            taken = {json.loads(line)["source"] for line in f}
    records = []
    for lang in LANGUAGES:
        pool = list(candidates(lang))
        random.Random(f"{SEED}-{lang}").shuffle(pool)
        with_holes = 0
        negatives = 0
        per_file = {}
        for source, path, text, spans in pool:
            if per_file.get(path, 0) >= 4 or extra and (split_of(path) != "dev" or source in taken):
                continue
            emphasized = sum(b - a for a, b in spans)
            if not readable(text, emphasized) or not in_language(lang, text):
                continue
            cut_text, holes = cut(text, spans)
            cut_text_stripped = cut_text.rstrip()
            holes = [h for h in holes if h < len(cut_text_stripped)]
            if holes and with_holes < max_with_holes:
                with_holes += 1
            elif not holes and not spans and negatives < max_negatives:
                negatives += 1
            else:
                continue
            per_file[path] = per_file.get(path, 0) + 1
            records.append({"source": source, "language": lang, "split": "dev-extra" if extra else split_of(path), "kind": "prose",
                            "text": cut_text_stripped, "holes": holes})
            if with_holes >= max_with_holes and negatives >= max_negatives:
                break
    with open(out_path, "w", encoding="utf-8") as f:
        for r in records:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    by = {}
    for r in records:
        s = by.setdefault(r["language"], [0, 0, 0])
        s[0] += 1
        s[1] += len(r["holes"])
        s[2] += r["split"] == "test"
    for lang, (blocks, holes, test) in by.items():
        print(f"{lang}: {blocks} blocks ({test} test), {holes} holes")


if __name__ == "__main__":
    main()
