#!/usr/bin/env bash
# Generates a conversation corpus of about SIZE_MB megabytes in OUT_DIR, in all three input formats
# (openai.jsonl, sharegpt.jsonl, transcripts.txt), from real text on this Debian machine, with planted
# defects (exact and near duplicates, look-alikes, mojibake, malformed lines, structural defects,
# language mismatches); truth.jsonl says what was planted in each record, manifest.json counts them.
# Usage: bench/make-corpus.sh SIZE_MB OUT_DIR [--seed S]    e.g. bench/make-corpus.sh 1024 bench-data/corpus-1g
set -euo pipefail
if [ $# -lt 2 ]; then sed -n '2,7p' "$0"; exit 2; fi
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
out="$(mkdir -p "$2" && cd "$2" && pwd)"
size="$1"; shift 2
cd "$root"
source bench/lib.sh
build_bench
bench_java dev.colloquy.bench.CorpusGenerator "$size" "$out" "$@"
