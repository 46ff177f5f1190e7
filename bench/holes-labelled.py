#!/usr/bin/env python3
"""Builds the labelled hole-detection set from real Markdown shipped in Debian packages.

Every emphasized span (*x*, _x_, **x**, __x__) is removed WITH its content, as a lossy exporter would, and
the place where it was is labelled a hole (offset in code points). The rest of the Markdown is flattened
to prose (headings, list and quote markers, links, HTML tags and hard line wraps go; inline `code` stays),
so the detector sees text like a chat turn's. Fenced and indented code blocks and tables are kept verbatim
as negatives, as are paragraphs without emphasis and markdown line breaks (two trailing spaces).

Split by file (a hash of the path), so no document has blocks in both: about one file in three is 'test',
the held-out split the detector is never tuned on. Deterministic: same /usr/share/doc, same output.

Usage: bench/holes-labelled.py [OUT.jsonl]   (default colloquy-core/src/test/resources/holes/labelled-debian-docs.jsonl)
Sources: every *.md / *.md.gz / *.markdown under /usr/share/doc except nodejs/changelogs (commit lists);
on the build machine these come from the packages nodejs, python3-pip, systemd, zstd, openssl, git, polkitd,
man-db, iso-codes, libxmlsec1, libcrypt-dev, python3-yaml and a few more (named in each record's source);
git-lfs and python3-rich were apt-get installed for their Markdown docs. No package gives more than
MAX_BLOCKS_PER_PACKAGE blocks, so Node.js's API reference does not drown the rest.
"""
import gzip
import hashlib
import json
import os
import re
import sys

DOC = "/usr/share/doc"
MAX_BLOCKS_PER_FILE = 15
MAX_NEGATIVES_PER_FILE = 5
MAX_BLOCK_CHARS = 900
MAX_BLOCKS_PER_PACKAGE = 500

EMPHASIS = re.compile(
    r"(?<![\w*\\])\*\*(?=\S)(.+?)(?<=\S)\*\*(?![\w*])"
    r"|(?<![\w_\\])__(?=\S)(.+?)(?<=\S)__(?![\w_])"
    r"|(?<![\w*\\])\*(?=[^\s*])(.+?)(?<=[^\s*\\])\*(?![\w*])"
    r"|(?<![\w_\\])_(?=[^\s_])(.+?)(?<=[^\s_\\])_(?![\w_])")
LINK = re.compile(r"!?\[([^\]]*)\](?:\([^)]*\)|\[[^\]]*\])")
AUTOLINK = re.compile(r"<((?:https?|ftp|mailto):[^>\s]+|[^\s<>@]+@[^\s<>]+)>")
TAG = re.compile(r"<!--.*?-->|</?[A-Za-z][^>]*>", re.S)
LIST_MARKER = re.compile(r"^\s{0,3}(?:[-*+]|\d+[.)])\s+")
HEADING = re.compile(r"^\s{0,3}#{1,6}\s+")
QUOTE = re.compile(r"^\s{0,3}>\s?")
CODE = re.compile(r"`+[^`]*`+")


def sources():
    for root, dirs, files in os.walk(DOC):
        dirs.sort()
        if "nodejs/changelogs" in root:
            continue
        for f in sorted(files):
            if re.search(r"\.(md|markdown)(\.gz)?$", f):
                yield os.path.join(root, f)


def read(path):
    data = gzip.open(path, "rb").read() if path.endswith(".gz") else open(path, "rb").read()
    return data.decode("utf-8", errors="replace")


def blocks(text):
    """(first line number, kind, lines) per block: 'fence', 'indented', 'table' or 'prose'."""
    lines = text.split("\n")
    i = 0
    while i < len(lines):
        line = lines[i]
        if not line.strip():
            i += 1
            continue
        start = i
        if line.lstrip().startswith(("```", "~~~")):
            fence = line.lstrip()[:3]
            i += 1
            while i < len(lines) and not lines[i].lstrip().startswith(fence):
                i += 1
            i += 1
            yield start + 1, "fence", lines[start:i]
            continue
        kind = "indented" if line.startswith(("    ", "\t")) else "table" if line.lstrip().startswith("|") else "prose"
        i += 1
        while i < len(lines) and lines[i].strip() and not lines[i].lstrip().startswith(("```", "~~~")):
            if kind == "prose" and (LIST_MARKER.match(lines[i]) or HEADING.match(lines[i])):
                break
            i += 1
        yield start + 1, kind, lines[start:i]


def flatten(lines):
    """Prose text with emphasis stripped, and the hole offsets (code points)."""
    parts = []
    for n, line in enumerate(lines):
        hard_break = line.endswith("  ")
        line = HEADING.sub("", QUOTE.sub("", LIST_MARKER.sub("", line))).strip()
        if n > 0 and parts:
            parts.append("  \n" if parts[-1] == "<BR>" else " ")
            if parts[-2:-1] == ["<BR>"]:
                parts.pop(-2)
        parts.append(line)
        if hard_break:
            parts.append("<BR>")
    text = "".join(p for p in parts if p != "<BR>")
    text = TAG.sub("", AUTOLINK.sub(r"\1", LINK.sub(r"\1", text)))
    out, holes, pos = [], [], 0
    # emphasis inside inline code is literal: protect code spans while stripping
    for m in re.finditer(r"`+[^`]*`+|[^`]+|`", text):
        chunk = m.group()
        if chunk.startswith("`") and len(chunk) > 1:
            out.append(chunk)
            continue
        last = 0
        for e in EMPHASIS.finditer(chunk):
            out.append(chunk[last:e.start()])
            holes.append(len("".join(out)))
            last = e.end()
        out.append(chunk[last:])
    result = "".join(out).replace("\\*", "*").replace("\\_", "_")
    # code point offsets: Python str indices are code points already; escapes shift them, so recount
    merged = []
    for h in holes:
        if not merged or h - merged[-1] > 1:
            merged.append(h)
    return result, merged


def main():
    out_path = sys.argv[1] if len(sys.argv) > 1 else "colloquy-core/src/test/resources/holes/labelled-debian-docs.jsonl"
    records = []
    per_package = {}
    for path in sources():
        rel = os.path.relpath(path, DOC)
        package = rel.split("/")[0]
        split = "test" if int(hashlib.sha256(rel.encode()).hexdigest(), 16) % 3 == 0 else "dev"
        taken = negatives = 0
        for line_no, kind, lines in blocks(read(path)):
            if taken >= MAX_BLOCKS_PER_FILE or per_package.get(package, 0) >= MAX_BLOCKS_PER_PACKAGE:
                break
            if kind == "prose":
                raw = "\n".join(lines)
                if "\\*" in raw or "\\_" in raw:
                    continue
                text, holes = flatten(lines)
                if len(re.sub(r"[\W\d_]", "", text)) < 20:
                    continue
            else:
                text, holes = "\n".join(lines), []
            if len(text) > MAX_BLOCK_CHARS:
                continue
            if not holes:
                if negatives >= MAX_NEGATIVES_PER_FILE:
                    continue
                negatives += 1
            taken += 1
            per_package[package] = per_package.get(package, 0) + 1
            records.append({"source": f"{rel}:{line_no}", "split": split, "kind": kind, "text": text, "holes": holes})
    with open(out_path, "w", encoding="utf-8") as f:
        for r in records:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    pos = sum(len(r["holes"]) for r in records)
    by = {}
    for r in records:
        s = by.setdefault(r["split"], [0, 0])
        s[0] += 1
        s[1] += len(r["holes"])
    print(f"{out_path}: {len(records)} blocks, {pos} holes, by split {by}", file=sys.stderr)


if __name__ == "__main__":
    main()
