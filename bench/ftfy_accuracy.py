#!/usr/bin/env python3
"""Runs Python's ftfy over the repair accuracy cases and prints its rates beside Colloquy's.

Usage: bench/ftfy_accuracy.py [DIR]   (default bench-data; reads DIR/repair-cases.jsonl and
DIR/repair-accuracy.json written by the Java harness, adds an "ftfy" section to the latter).
Two ftfy settings are measured: fix_text with its defaults (what users run; it also uncurls
quotes and folds full-width characters) and fix_encoding alone (the encoding repair only).
"""
import json
import sys
from collections import defaultdict

import ftfy

FAMILIES = ["clean", "single", "double", "partial", "lossy", "c1", "lossy_emoji"]


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else "bench-data"
    cases = [json.loads(line) for line in open(f"{out}/repair-cases.jsonl", encoding="utf-8")]
    with open(f"{out}/repair-accuracy.json", encoding="utf-8") as f:
        ours = json.load(f)
    modes = {"fix_text": ftfy.fix_text, "fix_encoding": ftfy.fix_encoding}
    results = {}
    for mode, fn in modes.items():
        fam = defaultdict(lambda: [0, 0])
        lang = defaultdict(lambda: defaultdict(lambda: [0, 0]))
        kinds = defaultdict(lambda: [0, 0])
        for c in cases:
            try:
                ok = fn(c["corrupted"]) == c["original"]
            except Exception:  # a crash counts as a failure, like ours
                ok = False
            cells = [fam[c["family"]], lang[c["language"]][c["family"]]]
            if "lost" in c:
                cells.append(kinds[c["lost"]])
            for cell in cells:
                cell[0] += 1
                cell[1] += ok
        results[mode] = {
            "families": {f: {"n": n, "exact": e, "rate": round(e / n, 4)} for f, (n, e) in fam.items()},
            "languages": {l: {f: {"n": n, "exact": e, "rate": round(e / n, 4)} for f, (n, e) in m.items()}
                          for l, m in lang.items()},
            "lossyKinds": {k: {"n": n, "exact": e, "rate": round(e / n, 4)} for k, (n, e) in kinds.items()},
        }
    ours["ftfy"] = {"version": ftfy.__version__, **results}
    with open(f"{out}/repair-accuracy.json", "w", encoding="utf-8") as f:
        json.dump(ours, f, ensure_ascii=False, indent=2)

    def pct(cell):
        return "-" if not cell or not cell["n"] else f"{100 * cell['exact'] / cell['n']:.1f}%"

    print(f"\nexact restoration (clean: unchanged), colloquy vs ftfy {ftfy.__version__}"
          " fix_text defaults / fix_encoding only")
    print(f"{'family':8} {'n':>5} {'colloquy':>9} {'ftfy':>8} {'ftfy-enc':>9}")
    for f in FAMILIES:
        o = ours["families"].get(f)
        if not o:
            continue
        print(f"{f:8} {o['n']:5d} {pct(o):>9} {pct(results['fix_text']['families'].get(f)):>8}"
              f" {pct(results['fix_encoding']['families'].get(f)):>9}")
    if ours.get("lossyKinds"):
        print("\nlossy damage by what was lost: colloquy vs ftfy fix_text / fix_encoding")
        print(f"{'lost':26} {'n':>5} {'colloquy':>9} {'ftfy':>8} {'ftfy-enc':>9}")
        for k, o in ours["lossyKinds"].items():
            print(f"{k:26} {o['n']:5d} {pct(o):>9} {pct(results['fix_text']['lossyKinds'].get(k)):>8}"
                  f" {pct(results['fix_encoding']['lossyKinds'].get(k)):>9}")
    print(f"\nper language, colloquy / ftfy fix_text")
    print(f"{'language':8} " + " ".join(f"{f:>15}" for f in FAMILIES))
    for l, m in ours["languages"].items():
        row = []
        for f in FAMILIES:
            fl = results["fix_text"]["languages"].get(l, {}).get(f)
            row.append(f"{pct(m.get(f)):>7}/{pct(fl):<7}")
        print(f"{l:8} " + " ".join(row))


if __name__ == "__main__":
    main()
