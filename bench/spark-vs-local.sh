#!/usr/bin/env bash
# Runs the same pipeline on the same generated corpus with the local engine and with Spark (local[2]), and
# prints wall time, CPU time, MB/s, peak RSS, Spark's read tasks and shuffle bytes (from stats.json) for each,
# then whether kept.jsonl, quarantine.jsonl and stats.json (minus timings) are identical.
# Usage: bench/spark-vs-local.sh [--single] SIZE_MB [light|full|engine]     e.g. bench/spark-vs-local.sh --single 1024 engine
#   --single: one JSON Lines file (the corpus's openai.jsonl and sharegpt.jsonl concatenated) instead of three
#             files, to show Spark cutting one large file into many read tasks (spark.colloquy.splitBytes, 64m)
#   light: repair, turns, training_ready + dedup; full: the steps of examples/pipeline.yaml + dedup;
#   engine: no steps, dedup only
set -euo pipefail
single=0
if [ "${1:-}" = "--single" ]; then single=1; shift; fi
if [ $# -lt 1 ]; then sed -n '2,9p' "$0"; exit 2; fi
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
mb="$1"; kind="${2:-light}"
corpus="bench-data/corpus-${mb}m"
[ -f "$corpus/manifest.json" ] || bench/make-corpus.sh "$mb" "$corpus" >&2
if [ $single -eq 1 ]; then
  [ -f "$corpus/single.jsonl" ] || cat "$corpus/openai.jsonl" "$corpus/sharegpt.jsonl" > "$corpus/single.jsonl"
  inputs=("$corpus/single.jsonl")
else
  inputs=("$corpus/openai.jsonl" "$corpus/sharegpt.jsonl" "$corpus/transcripts.txt")
fi
yaml="bench-data/spark-vs-local-$kind.yaml"
{
  echo "input:"
  echo "  paths: [none]"
  case "$kind" in
    full) sed -n '/^steps:/,/^# Exact and near-duplicate/p' examples/pipeline.yaml | sed '$d' ;;
    light) printf 'steps:\n  - step: repair\n  - step: turns\n    min: 2\n  - step: training_ready\n' ;;
    engine) ;;
    *) echo "unknown pipeline '$kind'" >&2; exit 2 ;;
  esac
  printf 'dedup:\n  mode: both\noutput:\n  dir: out\n'
} > "$yaml"
bytes=$(cat "${inputs[@]}" | wc -c)
./colloquy --version >/dev/null 2>&1 || true
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "input: ${inputs[*]} ($((bytes / 1000000)) MB), pipeline: $kind"
for engine in local spark; do
  out="bench-data/out-$engine-${mb}m"
  rm -rf "$out"
  extra=(); [ "$engine" = spark ] && extra=(--engine spark --master 'local[2]')
  start=$(date +%s.%N)
  COLLOQUY_JAVA_OPTS="-Xmx1g ${COLLOQUY_JAVA_OPTS:-}" /usr/bin/time -f "%U %S %M" -o "$out.time" \
    ./colloquy run "$yaml" --input "${inputs[@]}" --output "$out" --no-progress "${extra[@]}" >/dev/null 2>"$out.log" || true
  end=$(date +%s.%N)
  read -r user sys rss < <(tail -1 "$out.time")  # "Command exited with non-zero status 1": unreadable records
  [ -f "$out/stats.json" ] || { echo "$engine run failed, see $out.log"; tail -5 "$out.log"; continue; }
  python3 - "$engine" "$start" "$end" "$user" "$sys" "$rss" "$bytes" "$out" <<'PY'
import json, sys
engine, start, end, user, sys_, rss, b, out = sys.argv[1:]
wall = float(end) - float(start); cpu = float(user) + float(sys_); mb = int(b) / 1e6
s = json.load(open(out + "/stats.json")); t = s["timings"]
print(f"{engine:<6} wall {wall:7.1f} s  cpu {cpu:7.1f} s  {mb / wall:6.2f} MB/s  peak RSS {int(rss) // 1024:5d} MB  "
      f"kept {s['kept']:,} quarantined {s['quarantined']:,} blank {s.get('blank_lines', 0)}"
      + (f"  read tasks {int(t.get('spark.read_tasks', 0))}  shuffle {t.get('spark.shuffle_write_bytes', 0) / 1e6:.1f} MB"
         if engine == "spark" else ""))
PY
done
for f in kept.jsonl quarantine.jsonl; do
  if cmp -s "bench-data/out-local-${mb}m/$f" "bench-data/out-spark-${mb}m/$f"; then echo "$f: identical"; else echo "$f: DIFFERENT"; fi
done
python3 - "bench-data/out-local-${mb}m/stats.json" "bench-data/out-spark-${mb}m/stats.json" <<'PY'
import json, sys
a, b = (json.load(open(p)) for p in sys.argv[1:])
a.pop("timings"); b.pop("timings")
print("stats.json (minus timings): " + ("identical" if a == b else "DIFFERENT"))
PY
