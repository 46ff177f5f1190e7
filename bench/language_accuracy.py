#!/usr/bin/env python3
"""Scores language identification cases written by dev.colloquy.bench.LanguageCases: colloquy's answer
(column 3) and Python langdetect's (run here, seeded) per language, for long turns (share right) and for
2-8-word cuts (share wrong, share abstained). Writes OUT.json and prints a Markdown table.
Usage: language_accuracy.py CASES.tsv OUT.json"""
import json
import sys
from collections import defaultdict

try:
    from langdetect import DetectorFactory, detect
    from langdetect.lang_detect_exception import LangDetectException
    DetectorFactory.seed = 0
except ImportError:  # the comparison is optional: colloquy's figures alone
    detect = None

# langdetect's codes that name our ISO 639-1 codes differently
LD_CODES = {"zh-cn": "zh", "zh-tw": "zh", "no": "nb"}


def langdetect(text):
    if detect is None:
        return None
    try:
        code = detect(text)
    except LangDetectException:
        return "und"
    return LD_CODES.get(code, code)


def main(cases_path, out_path):
    stats = defaultdict(lambda: defaultdict(int))
    for line in open(cases_path, encoding="utf-8"):
        lang, kind, ours, _confidence, text = line.rstrip("\n").split("\t", 4)
        theirs = langdetect(text)
        s = stats[(lang, kind)]
        s["n"] += 1
        for who, answer in (("ours", ours), ("langdetect", theirs)):
            if answer is None:
                continue
            if answer == "und":
                s[who + "_und"] += 1
            elif answer == lang:
                s[who + "_right"] += 1
            else:
                s[who + "_wrong"] += 1
    langs = sorted({l for l, _ in stats})
    result = {"languages": {}, "overall": {}}
    rows = []
    tot = defaultdict(int)
    for lang in langs:
        lo = stats[(lang, "long")]
        sh = stats[(lang, "short")]
        entry = {}
        for kind, s in (("long", lo), ("short", sh)):
            n = s["n"] or 1
            entry[kind] = {"cases": s["n"]}
            for who in ("ours", "langdetect"):
                entry[kind][who] = {k: round(s[who + "_" + k] / n, 4) for k in ("right", "wrong", "und")}
                for k in ("right", "wrong", "und"):
                    tot[(kind, who, k)] += s[who + "_" + k]
            tot[(kind, "n")] += s["n"]
        result["languages"][lang] = entry
        rows.append("| %s | %d | %.3f | %.3f | %d | %.3f | %.3f | %.3f |" % (
            lang, lo["n"], entry["long"]["ours"]["right"], entry["long"]["langdetect"]["right"], sh["n"],
            entry["short"]["ours"]["wrong"], entry["short"]["ours"]["und"], entry["short"]["langdetect"]["wrong"]))
    for kind in ("long", "short"):
        n = tot[(kind, "n")] or 1
        result["overall"][kind] = {"cases": tot[(kind, "n")]}
        for who in ("ours", "langdetect"):
            result["overall"][kind][who] = {k: round(tot[(kind, who, k)] / n, 4) for k in ("right", "wrong", "und")}
    o = result["overall"]
    print("| language | long turns | colloquy right | langdetect right | short cuts | colloquy wrong | colloquy und"
          " | langdetect wrong |")
    print("| --- | --- | --- | --- | --- | --- | --- | --- |")
    print("\n".join(rows))
    print("| **all** | %d | **%.3f** | %.3f | %d | **%.3f** | %.3f | %.3f |" % (
        o["long"]["cases"], o["long"]["ours"]["right"], o["long"]["langdetect"]["right"], o["short"]["cases"],
        o["short"]["ours"]["wrong"], o["short"]["ours"]["und"], o["short"]["langdetect"]["wrong"]))
    if detect is None:
        print("(langdetect is not installed: pip install langdetect, or apt-get install python3-langdetect)")
    with open(out_path, "w", encoding="utf-8") as f:
        json.dump(result, f, indent=1, sort_keys=True)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
