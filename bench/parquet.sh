#!/usr/bin/env bash
# Streaming check for Parquet: converts the OpenAI file of a generated corpus (bench/make-corpus.sh) to Parquet
# and back with a deliberately small heap, printing CPU time (JVM start included) and peak RSS. Memory must stay
# flat whatever SIZE_MB is (the writer holds one row group of 16 MB, the reader one row group). Figures are
# quoted in docs/formats.md. With pyarrow/duckdb/datasets installed, also checks what they read.
# Usage: bench/parquet.sh [SIZE_MB] [HEAP]      e.g. bench/parquet.sh 200 64m
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
size="${1:-200}"
heap="${2:-64m}"
data="$root/bench-data/formats-${size}m"
cd "$root"
[ -f "$data/openai.jsonl" ] || bench/make-corpus.sh "$size" "$data"
./colloquy --version >/dev/null
run() {  # label, then the convert arguments
  local label="$1"; shift
  COLLOQUY_JAVA_OPTS="-Xmx$heap" /usr/bin/time -f "%M %U %S" -o "$data/rss" ./colloquy convert "$@" 2>"$data/summary" || true
  read -r rss usr sys < <(tail -1 "$data/rss")
  printf '%-22s %8.1f s CPU  heap %s  peak RSS %d MB\n' "$label" "$(echo "$usr + $sys" | bc)" "$heap" "$(( rss / 1024 ))"
  sed 's/^/    /' "$data/summary"
}
in="$data/openai.jsonl"
printf 'input %s: %d MB\n' "$in" "$(( $(stat -c %s "$in") / 1048576 ))"
run "jsonl -> parquet" "$in" --to parquet -o "$data/openai.parquet" --quarantine "$data/q-parquet.jsonl"
printf 'parquet file: %d MB\n' "$(( $(stat -c %s "$data/openai.parquet") / 1048576 ))"
run "parquet -> jsonl" "$data/openai.parquet" --to openai -o "$data/back.jsonl" --quarantine "$data/q-back.jsonl"
if python3 -c 'import pyarrow, duckdb, datasets' 2>/dev/null; then
  python3 bench/parquet-check.py "$data/openai.parquet" 2>&1 | grep -v -e Generating -e '%|'
fi
