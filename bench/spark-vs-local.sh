#!/usr/bin/env bash
# Runs the same pipeline on the same generated corpus with the local engine and with Spark (local[2]), and
# prints wall time, CPU time, MB/s, peak RSS, Spark's read tasks and shuffle bytes (from stats.json) for each,
# Spark's tasks per phase from its event log (how many ran at once, their CPU), then whether kept.jsonl,
# quarantine.jsonl and stats.json (minus timings) are identical.
# Usage: bench/spark-vs-local.sh [--single] SIZE_MB [light|full|engine]     e.g. bench/spark-vs-local.sh --single 1200 full
#   --single: one JSON Lines file (the corpus's openai.jsonl and sharegpt.jsonl concatenated: 1,039 MB for SIZE_MB
#             1200) instead of three files, to show Spark cutting one large file into many read tasks
#             (spark.colloquy.splitBytes, 64m)
#   light: repair, turns, training_ready + dedup; full: the README pipeline (the steps of examples/pipeline.yaml
#   + dedup); engine: no steps, dedup only
# Environment: ENGINES="local spark" (which to run; "" only compares earlier outputs, so the two can run as two
#   processes at once), HEAP_LOCAL=1g, HEAP_SPARK=4g (-Xmx of each: Spark's driver and executors share one JVM;
#   the README pipeline on 1 GB ran out of memory at 2g: docs/spark.md).
set -euo pipefail
single=0
if [ "${1:-}" = "--single" ]; then single=1; shift; fi
if [ $# -lt 1 ]; then sed -n '2,15p' "$0"; exit 2; fi
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
mb="$1"; kind="${2:-light}"
corpus="bench-data/corpus-${mb}m"
[ -f "$corpus/manifest.json" ] || bench/make-corpus.sh "$mb" "$corpus" >&2
if [ $single -eq 1 ]; then
  [ -f "$corpus/single.jsonl" ] || { cat "$corpus/openai.jsonl" "$corpus/sharegpt.jsonl" > "$corpus/single.jsonl.tmp" &&
                                     mv "$corpus/single.jsonl.tmp" "$corpus/single.jsonl"; }
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
for engine in ${ENGINES-local spark}; do
  out="bench-data/out-$engine-${mb}m"
  rm -rf "$out"
  extra=(); opts="-Xmx${HEAP_LOCAL:-1g}"
  if [ "$engine" = spark ]; then
    extra=(--engine spark --master 'local[2]')
    # Spark's event log (uncompressed JSON lines): every task's stage, start, end and CPU, read back below.
    events="$root/bench-data/spark-events-${mb}m"
    rm -rf "$events"; mkdir -p "$events"
    opts="-Xmx${HEAP_SPARK:-4g} -Dspark.eventLog.enabled=true -Dspark.eventLog.dir=file://$events -Dspark.eventLog.compress=false"
  fi
  start=$(date +%s.%N)
  COLLOQUY_JAVA_OPTS="$opts ${COLLOQUY_JAVA_OPTS:-}" /usr/bin/time -f "%U %S %M" -o "$out.time" \
    ./colloquy run "$yaml" --input "${inputs[@]}" --output "$out" --no-progress "${extra[@]}" >/dev/null 2>"$out.log" || true
  end=$(date +%s.%N)
  read -r user sys rss < <(tail -1 "$out.time")  # "Command exited with non-zero status 1": unreadable records
  [ -f "$out/stats.json" ] || { echo "$engine run failed, see $out.log"; tail -5 "$out.log"; continue; }
  echo "$engine ran $(date -u -d "@${start%.*}" +%H:%M)-$(date -u -d "@${end%.*}" +%H:%M) UTC, load now $(cut -d' ' -f1-3 /proc/loadavg)"
  python3 - "$engine" "$start" "$end" "$user" "$sys" "$rss" "$bytes" "$out" <<'PY'
import json, sys
engine, start, end, user, sys_, rss, b, out = sys.argv[1:]
wall = float(end) - float(start); cpu = float(user) + float(sys_); mb = int(b) / 1e6
s = json.load(open(out + "/stats.json")); t = s["timings"]
print(f"{engine:<6} wall {wall:7.1f} s  cpu {cpu:7.1f} s  {mb / wall:6.2f} MB/s  {mb / cpu:5.2f} MB per CPU-s  "
      f"peak RSS {int(rss) // 1024:5d} MB  "
      f"kept {s['kept']:,} quarantined {s['quarantined']:,} blank {s.get('blank_lines', 0)}"
      + (f"  read tasks {int(t.get('spark.read_tasks', 0))}  shuffle {t.get('spark.shuffle_write_bytes', 0) / 1e6:.1f} MB"
         if engine == "spark" else ""))
PY
  if [ "$engine" = spark ]; then
    python3 - "$events" <<'PY'
import glob, json, sys
# Per phase (the job descriptions SparkPipeline sets): tasks, how many ran at once, their CPU and run time.
stage_phase, tasks = {}, {}
# Spark 4 writes a directory of rolled event files (events_N_APP) beside an empty appstatus marker.
for path in sorted(glob.glob(sys.argv[1] + "/**/events_*", recursive=True)):
    for line in open(path):
        e = json.loads(line)
        kind = e["Event"]
        if kind == "SparkListenerJobStart":
            phase = (e.get("Properties") or {}).get("spark.job.description") or "(no description)"
            for sid in e["Stage IDs"]:
                stage_phase.setdefault(sid, phase)
        elif kind == "SparkListenerTaskEnd":
            info, m = e["Task Info"], e.get("Task Metrics") or {}
            # A task holds its core from launch through deserialization and run; "Finish Time" is later (when
            # the driver has fetched the result), by when the next task may already hold the core.
            busy = m.get("Executor Deserialize Time", 0) + m.get("Executor Run Time", 0)
            tasks.setdefault(e["Stage ID"], []).append(
                (info["Launch Time"], info["Launch Time"] + busy, m.get("Executor CPU Time", 0) / 1e9,
                 m.get("Executor Run Time", 0) / 1e3))
phases = {}
for sid, ts in sorted(tasks.items()):
    phases.setdefault(stage_phase.get(sid, "(unknown job)"), []).append((sid, ts))
for phase, stages in phases.items():
    ts = [t for _, s in stages for t in s]
    # most tasks running at one moment: sweep over launch (+1) and finish (-1) times
    edges = sorted([(t[0], 1) for t in ts] + [(t[1], -1) for t in ts], key=lambda x: (x[0], x[1]))
    now = most = 0
    for _, d in edges:
        now += d; most = max(most, now)
    span = (max(t[1] for t in ts) - min(t[0] for t in ts)) / 1e3
    run = sum(t[3] for t in ts)
    print(f"  spark {phase}: stages {','.join(str(s) for s, _ in stages)}, {len(ts)} tasks, at most {most} at once, "
          f"task run time {run:.1f} s over {span:.1f} s (x{run / span if span else 0:.2f} in parallel), "
          f"task CPU {sum(t[2] for t in ts):.1f} s")
PY
  fi
done
[ -f "bench-data/out-local-${mb}m/stats.json" ] && [ -f "bench-data/out-spark-${mb}m/stats.json" ] || exit 0
for f in kept.jsonl quarantine.jsonl; do
  if cmp -s "bench-data/out-local-${mb}m/$f" "bench-data/out-spark-${mb}m/$f"; then echo "$f: identical"; else echo "$f: DIFFERENT"; fi
done
python3 - "bench-data/out-local-${mb}m/stats.json" "bench-data/out-spark-${mb}m/stats.json" <<'PY'
import json, sys
a, b = (json.load(open(p)) for p in sys.argv[1:])
a.pop("timings"); b.pop("timings")
print("stats.json (minus timings): " + ("identical" if a == b else "DIFFERENT"))
PY
