#!/usr/bin/env bash
# Repair accuracy on real multilingual text (Debian's translation catalogs) damaged in each family of
# issue 3. Prints exact-restoration rates per family and language and writes bench-data/repair-accuracy.json;
# when Python's ftfy is installed, runs the same cases through it and prints its rates beside ours.
# Usage: bench/repair-accuracy.sh [--per-cell N] [--seed S] [--families lossy,lossy_emoji,...]
#        (run from anywhere; builds if needed). Lossy cases are also split by what was lost.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
source bench/lib.sh
build_bench
out="$root/bench-data"
mkdir -p "$out"
bench_java dev.colloquy.bench.AccuracyHarness --out "$out" "$@"
py="$(ftfy_python)"
if [ -n "$py" ]; then
  "$py" bench/ftfy_accuracy.py "$out"
else
  echo "ftfy is not installed (apt-get install python3-ftfy, or pip install ftfy): colloquy's rates only."
fi
echo "wrote $out/repair-accuracy.json (each case with our output: $out/repair-accuracy-results.jsonl)"
