#!/usr/bin/env bash
# Times `./colloquy run` end to end (the launcher's JVM options, -Xmx1g added; COLLOQUY_JAVA_OPTS adds more), one JVM
# per corpus size, JVM start included, and prints for each:
# input MB, records, wall and CPU seconds, MB/s, MB per CPU second, peak RSS, peak Java heap (from the GC log),
# the machine load, and where the CPU went: per step and per runner phase (stats.json `cpu.*` timings).
# Usage: bench/pipeline-speed.sh [--pipeline example|light|engine] [--threads N] SIZE_MB...
#        e.g. bench/pipeline-speed.sh 46 1024
#   example: examples/pipeline.yaml exactly as shipped (the README pipeline), inputs and output overridden
#   light:   repair, turn/length filters, training_ready, exact + near dedup
#   engine:  no steps, exact + near dedup: read, parse, dedup, render, checkpoint, write
# Corpora come from bench/make-corpus.sh (built once into bench-data/corpus-SIZEm). Runs are sequential.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
kind=example
threads=()
sizes=()
while [ $# -gt 0 ]; do
  case "$1" in
    --pipeline) kind="$2"; shift 2 ;;
    --threads) threads=(--threads "$2"); shift 2 ;;
    -h|--help) sed -n '2,11p' "$0"; exit 0 ;;
    *) sizes+=("$1"); shift ;;
  esac
done
[ ${#sizes[@]} -gt 0 ] || { sed -n '2,11p' "$0"; exit 2; }
./colloquy --version >/dev/null   # builds the command line if needed, outside the timing
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(java -version 2>&1 | head -1)"
for mb in "${sizes[@]}"; do
  corpus="bench-data/corpus-${mb}m"
  [ -f "$corpus/manifest.json" ] || bench/make-corpus.sh "$mb" "$corpus" >&2
  out="bench-data/speed-$kind-${mb}m"
  rm -rf "$out"; mkdir -p "$out"
  inputs=("$corpus/openai.jsonl" "$corpus/sharegpt.jsonl" "$corpus/transcripts.txt")
  case "$kind" in
    example) yaml=examples/pipeline.yaml ;;
    light|engine)
      yaml="bench-data/pipeline-$kind.yaml"
      {
        echo "input:"
        echo "  paths: [none]"
        if [ "$kind" = light ]; then
          printf 'steps:\n  - step: repair\n  - step: turns\n    min: 2\n  - step: conversation_chars\n    min: 20\n  - step: training_ready\n'
        fi
        printf 'dedup:\n  mode: both\noutput:\n  dir: none\n'
      } > "$yaml" ;;
    *) echo "unknown pipeline '$kind' (example, light, engine)" >&2; exit 2 ;;
  esac
  load_before="$(cut -d' ' -f1-3 /proc/loadavg)"
  # through the launcher, as a user runs it (its JVM options for `run`), with the heap capped at 1 GB
  COLLOQUY_JAVA_OPTS="-Xmx1g -Xlog:gc:file=$out.gc.log ${COLLOQUY_JAVA_OPTS:-}" \
    /usr/bin/time -f '%e %U %S %M' -o "$out.time" ./colloquy run "$yaml" --input "${inputs[@]}" --output "$out" \
    --no-progress "${threads[@]}" >/dev/null 2>"$out.log" || true
  load_after="$(cut -d' ' -f1-3 /proc/loadavg)"
  [ -f "$out/stats.json" ] || { echo "run failed, see $out.log" >&2; tail -5 "$out.log" >&2; continue; }
  python3 - "$mb" "$kind" "$out" "$corpus" "$load_before" "$load_after" <<'PY'
import json, re, sys
mb, kind, out, corpus, load_before, load_after = sys.argv[1:]
wall, user, sys_, rss = open(out + ".time").read().split("\n")[-2].split()
wall, cpu = float(wall), float(user) + float(sys_)
mbytes = json.load(open(corpus + "/manifest.json"))["bytes"] / 1e6
stats = json.load(open(out + "/stats.json"))
heap = 0
for line in open(out + ".gc.log"):
    for before in re.findall(r"(\d+)M->\d+M\(\d+M\)", line):
        heap = max(heap, int(before))
print(f"\n{kind} pipeline, {mbytes:.1f} MB ({corpus}), {stats['records_in']:,} records "
      f"({stats['kept']:,} kept, {stats['quarantined']:,} quarantined, {stats.get('blank_lines', 0)} blank lines)")
print(f"  wall {wall:.1f} s, CPU {cpu:.1f} s (user {float(user):.1f} + sys {float(sys_):.1f}); "
      f"{mbytes / wall:.2f} MB/s wall, {mbytes / cpu:.2f} MB per CPU s; peak RSS {int(rss) / 1024:.0f} MB, "
      f"peak heap {heap} MB (-Xmx1g)")
print(f"  load average before {load_before}, after {load_after}")
t = stats["timings"]
cpu_parts = {k[4:]: v for k, v in t.items() if k.startswith("cpu.") and k != "cpu.process"}
process = t.get("cpu.process", cpu)
rest = process - sum(cpu_parts.values())
print(f"  CPU seconds by part (workers' CPU split by each step's share of their time; jvm.jit = compiler threads,"
      f" jvm.gc = collector and VM threads; {process:.1f} s in the process):")
for name, v in sorted(cpu_parts.items(), key=lambda kv: -kv[1]):
    print(f"    {name:<28} {v:8.2f}  {100 * v / process:5.1f} %")
print(f"    {'JVM start, class loading, rest':<28} {rest:8.2f}  {100 * rest / process:5.1f} %")
PY
done
