#!/usr/bin/env bash
# Times the full pipeline (`colloquy run`, default: examples/pipeline.yaml) on generated corpora of the given
# sizes, with the heap capped (-Xmx1g by default: issue 5's bound), and prints MB/s, peak RSS and the record
# accounting for each size, to show how time grows with input (it should be linear).
# Usage: bench/run-scale.sh [--config PIPELINE.yaml] [--xmx 1g] [--threads N] SIZE_MB...   e.g. bench/run-scale.sh 100 1024
# Corpora are made by bench/make-corpus.sh into bench-data/corpus-SIZEm when missing; outputs go to bench-data/run-SIZEm.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
config=examples/pipeline.yaml
xmx=1g
threads=()
sizes=()
while [ $# -gt 0 ]; do
  case "$1" in
    --config) config="$2"; shift 2 ;;
    --xmx) xmx="$2"; shift 2 ;;
    --threads) threads=(--threads "$2"); shift 2 ;;
    -h|--help) sed -n '2,6p' "$0"; exit 0 ;;
    *) sizes+=("$1"); shift ;;
  esac
done
[ ${#sizes[@]} -gt 0 ] || { sed -n '2,6p' "$0"; exit 2; }
./colloquy run --help > /dev/null   # builds on first use, outside the timing

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(java -version 2>&1 | head -1), load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "config: $config, heap -Xmx$xmx"
printf '%8s %10s %9s %8s %10s %10s %10s %12s\n' size_mb input_MB seconds MB/s peak_rss_MB records kept quarantined
for size in "${sizes[@]}"; do
  corpus="bench-data/corpus-${size}m"
  [ -f "$corpus/manifest.json" ] || bench/make-corpus.sh "$size" "$corpus" > /dev/null
  out="bench-data/run-${size}m"
  rm -rf "$out"
  bytes=$(cat "$corpus/openai.jsonl" "$corpus/sharegpt.jsonl" "$corpus/transcripts.txt" | wc -c)
  metrics="$(mktemp)"
  start=$(date +%s%N)
  status=0
  if [ -x /usr/bin/time ]; then
    COLLOQUY_JAVA_OPTS="-Xmx$xmx ${COLLOQUY_JAVA_OPTS:-}" /usr/bin/time -o "$metrics" -f '%M' \
      ./colloquy run "$config" --no-progress "${threads[@]}" --output "$out" \
      --input "$corpus/openai.jsonl" "$corpus/sharegpt.jsonl" "$corpus/transcripts.txt" > "$out.log" 2>&1 || status=$?
  else
    COLLOQUY_JAVA_OPTS="-Xmx$xmx ${COLLOQUY_JAVA_OPTS:-}" ./colloquy run "$config" --no-progress "${threads[@]}" --output "$out" \
      --input "$corpus/openai.jsonl" "$corpus/sharegpt.jsonl" "$corpus/transcripts.txt" > "$out.log" 2>&1 || status=$?
    echo 0 > "$metrics"
  fi
  end=$(date +%s%N)
  rss_kb=$(tail -1 "$metrics"); rm -f "$metrics"
  secs=$(awk -v a="$start" -v b="$end" 'BEGIN {printf "%.1f", (b - a) / 1e9}')
  counts="- - -"
  if [ -f "$out/stats.json" ] && command -v jq > /dev/null; then
    counts="$(jq -r '[.records_in // .recordsIn // .records.in // "-", .kept // .records.kept // "-", .quarantined // .records.quarantined // "-"] | map(tostring) | join(" ")' "$out/stats.json" 2>/dev/null || echo '- - -')"
  fi
  printf '%8s %10.1f %9s %8.2f %10d %10s %10s %12s\n' "$size" "$(awk -v b="$bytes" 'BEGIN {print b / 1e6}')" "$secs" \
    "$(awk -v b="$bytes" -v s="$secs" 'BEGIN {print b / 1e6 / s}')" "$(( rss_kb / 1024 ))" $counts
  case "$status" in 0) ;; 1) echo "  exit 1: input problems reported (expected: the corpus plants malformed lines); see $out.log" ;; *) echo "  colloquy run exited $status; see $out.log" >&2 ;; esac
done
