#!/usr/bin/env bash
# Streaming check for `colloquy convert`: converts a generated corpus (bench/make-corpus.sh) in each input
# format to OpenAI JSONL with a deliberately small heap, and prints wall and CPU time (JVM start included) and
# peak RSS. Memory must stay flat whatever SIZE_MB is. Figures are quoted in docs/formats.md.
# Usage: bench/formats.sh [SIZE_MB] [HEAP]      e.g. bench/formats.sh 200 64m
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
size="${1:-200}"
heap="${2:-64m}"
data="$root/bench-data/formats-${size}m"
cd "$root"
[ -f "$data/openai.jsonl" ] || bench/make-corpus.sh "$size" "$data"
./colloquy --version >/dev/null
for f in openai.jsonl sharegpt.jsonl transcripts.txt; do
  in="$data/$f"
  out="$data/out-$f.jsonl"
  mb=$(( $(stat -c %s "$in") / 1048576 ))
  start=$(date +%s.%N)
  COLLOQUY_JAVA_OPTS="-Xmx$heap" /usr/bin/time -f "%M %U %S" -o "$data/rss" ./colloquy convert "$in" --to openai \
      -o "$out" --quarantine "$data/q-$f.jsonl" 2>"$data/summary" || true
  end=$(date +%s.%N)
  secs=$(echo "$end - $start" | bc)
  recs=$(grep -o 'read [0-9]* records' "$data/summary" | grep -o '[0-9]*')
  read -r rss usr sys < <(tail -1 "$data/rss")
  cpu=$(echo "$usr + $sys" | bc)
  printf '%-16s %5d MB  %8d records  %6.1f s wall  %6.1f s CPU  %6.1f MB per CPU s  heap %s  peak RSS %d MB\n' \
      "$f" "$mb" "$recs" "$secs" "$cpu" "$(echo "$mb / $cpu" | bc -l)" "$heap" "$(( rss / 1024 ))"
  sed 's/^/    /' "$data/summary"
done
