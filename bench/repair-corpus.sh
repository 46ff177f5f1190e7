#!/usr/bin/env bash
# Never worse on a whole corpus: builds a corpus of clean multilingual conversations from the translated
# sentences of every gettext catalog Debian installs (every locale under /usr/share/locale: Latin, Cyrillic,
# Greek, Hebrew, Arabic, CJK, Korean, Thai, Indic scripts...; turns of 1-8 sentences, a quarter with emoji
# and chat punctuation), runs it through `colloquy run` with a pipeline whose only step is `repair`, and
# prints how many clean turns changed. Must be 0; exits 3 otherwise.
# Usage: bench/repair-corpus.sh [CONVERSATIONS] [SEED]   (default 20000 conversations; data in bench-data/repair-corpus)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
source bench/lib.sh
build_bench
dir=bench-data/repair-corpus
rm -rf "$dir"
echo "machine: $(nproc) cores, $(java -version 2>&1 | head -1), load $(cut -d' ' -f1-3 /proc/loadavg)"
bench_java dev.colloquy.bench.RepairCorpus write "$dir" "${1:-20000}" "${2:-20261206}"
./colloquy run "$dir/repair-only.yaml" > "$dir/run.log" 2>&1 || { cat "$dir/run.log" >&2; exit 1; }
grep -i "records\|kept\|MB" "$dir/run.log" | head -5 || true
bench_java dev.colloquy.bench.RepairCorpus compare "$dir/clean.jsonl" "$dir/out/kept.jsonl"
