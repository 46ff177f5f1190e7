import gettext, glob, os, re, random, unicodedata, sys
langs = "zh_CN zh_TW ja ko ru uk bg el tr cs pl hu ro vi es pt_BR fr de it nl sv ar he th fa hi sr hr sk lt et fi da".split()
random.seed(20261125)
out = []
for l in langs:
    cands = set()
    for mo in sorted(glob.glob(f"/usr/share/locale/{l}/LC_MESSAGES/*.mo")):
        try:
            with open(mo, "rb") as f:
                t = gettext.GNUTranslations(f)
        except Exception:
            continue
        for k, v in t._catalog.items():
            if not isinstance(v, str) or not isinstance(k, str) or not k: continue
            v = v.strip()
            if not (25 <= len(v) <= 110): continue
            if re.search(r"[%$\\{}<>\[\]_=|@#/\t\n\r&~`^*]", v): continue
            if v == k: continue
            letters = sum(1 for c in v if c.isalpha())
            if letters < 0.6 * len(v): continue
            if sum(1 for c in v if ord(c) > 127) < 3: continue
            if any(unicodedata.category(c) in ("Cc","Cf","Co","Cn") for c in v): continue
            cands.add((v, os.path.basename(mo)))
    cands = sorted(cands)
    random.shuffle(cands)
    for v, src in cands[:24]:
        out.append(f"{l}\t{src}\t{v}")
    print(l, len(cands), file=sys.stderr)
open(sys.argv[1], "w", encoding="utf-8").write("\n".join(out) + "\n")
