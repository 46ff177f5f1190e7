#!/usr/bin/env bash
# Language identification per turn on real text held out from the models (Debian's translation catalogs):
# per language, share right on long turns and share wrong / undetermined on 2-8-word cuts, with Python's
# langdetect on the same cases beside it when it is installed. Writes bench-data/language-accuracy.json.
# Usage: bench/language-accuracy.sh [--split test|dev] [--long N] [--short N] [--seed S]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
source bench/lib.sh
build_bench
out="$root/bench-data"
mkdir -p "$out"
bench_java dev.colloquy.bench.LanguageCases "$out/language-cases.tsv" "$@"
py=python3
for p in python3 /usr/bin/python3; do
  if command -v "$p" >/dev/null 2>&1 && "$p" -c 'import langdetect' 2>/dev/null; then py="$p"; break; fi
done
"$py" bench/language_accuracy.py "$out/language-cases.tsv" "$out/language-accuracy.json"
echo "wrote $out/language-accuracy.json (cases and our answers: $out/language-cases.tsv)"
