#!/usr/bin/env bash
# Runs the same pipeline on the same generated corpus with the local engine and with Spark (local[2]), and
# prints wall time, CPU time, MB/s and Spark's shuffle bytes (from stats.json) for each.
# Usage: bench/spark-vs-local.sh SIZE_MB [light|full]     e.g. bench/spark-vs-local.sh 100
set -euo pipefail
if [ $# -lt 1 ]; then sed -n '2,4p' "$0"; exit 2; fi
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
mb="$1"; kind="${2:-light}"
corpus="bench-data/corpus-$mb"
[ -f "$corpus/openai.jsonl" ] || bench/make-corpus.sh "$mb" "$corpus" >&2
yaml="bench-data/spark-vs-local-$kind-$mb.yaml"
{
  echo "input:"
  echo "  paths: [corpus-$mb/openai.jsonl, corpus-$mb/sharegpt.jsonl, corpus-$mb/transcripts.txt]"
  if [ "$kind" = full ]; then
    sed -n '/^steps:/,/^# Exact and near-duplicate/p' examples/pipeline.yaml | sed '$d'
  else
    printf 'steps:\n  - step: repair\n  - step: turns\n    min: 2\n  - step: training_ready\n'
  fi
  printf 'dedup:\n  mode: both\noutput:\n  dir: out\n'
} > "$yaml"
bytes=$(cat "$corpus"/openai.jsonl "$corpus"/sharegpt.jsonl "$corpus"/transcripts.txt | wc -c)
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "input: $corpus ($((bytes / 1000000)) MB), pipeline: $kind"
for engine in local spark; do
  out="bench-data/out-$engine-$mb"
  rm -rf "$out"
  extra=""; [ "$engine" = spark ] && extra="--engine spark --master local[2]"
  ./colloquy --version >/dev/null 2>&1 || true
  start=$(date +%s.%N)
  /usr/bin/time -f "%U %S %M" -o "$out.time" ./colloquy run "$yaml" --output "$out" --no-progress $extra \
    >/dev/null 2>"$out.log" || true
  end=$(date +%s.%N)
  read -r user sys rss < <(tail -1 "$out.time")  # "Command exited with non-zero status 1": unreadable records
  wall=$(echo "$end - $start" | bc)
  kept=$(python3 -c "import json;s=json.load(open('$out/stats.json'));print(s['kept'],s['quarantined'],int(s['timings'].get('spark.shuffle_write_bytes',0)))")
  printf '%-6s wall %7.1f s  cpu %7.1f s  %6.2f MB/s  peak RSS %5d MB  kept/quarantined/shuffle-bytes: %s\n' \
    "$engine" "$wall" "$(echo "$user + $sys" | bc)" "$(echo "$bytes / 1000000 / $wall" | bc -l)" "$((rss / 1024))" "$kept"
done
if cmp -s "bench-data/out-local-$mb/kept.jsonl" "bench-data/out-spark-$mb/kept.jsonl"; then
  echo "kept.jsonl: identical"; else echo "kept.jsonl: DIFFERENT"; fi
