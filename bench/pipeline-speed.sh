#!/usr/bin/env bash
# Times `colloquy run` end to end (one JVM, -Xmx1g) on generated corpora of several sizes, to show throughput
# and that time grows linearly. Corpora come from bench/make-corpus.sh (built once into bench-data/).
# Usage: bench/pipeline-speed.sh [--pipeline light|full] SIZE_MB...      e.g. bench/pipeline-speed.sh 100 250 500 1000
#   light: repair, turn/length filters, training_ready, dedup (the engine plus repair and dedup)
#   full:  the steps of examples/pipeline.yaml (every signal, PII redaction, filters) plus dedup
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
kind=light
if [ "${1:-}" = "--pipeline" ]; then kind="$2"; shift 2; fi
if [ $# -lt 1 ]; then sed -n '2,7p' "$0"; exit 2; fi
./colloquy --version >/dev/null   # builds the command line if needed
printf '%-8s %-6s %10s %10s %10s %10s %12s %10s\n' MB kind records wall_s cpu_s MB/s MB/cpu_s peak_rss_MB
for mb in "$@"; do
  corpus="bench-data/corpus-$mb"
  [ -f "$corpus/manifest.json" ] || bench/make-corpus.sh "$mb" "$corpus" >&2
  out="bench-data/pipeline-out-$kind-$mb"
  yaml="bench-data/pipeline-$kind-$mb.yaml"
  {
    echo "input:"
    echo "  paths: [corpus-$mb/openai.jsonl, corpus-$mb/sharegpt.jsonl, corpus-$mb/transcripts.txt]"
    if [ "$kind" = full ]; then
      sed -n '/^steps:/,/^# Exact and near-duplicate/p' examples/pipeline.yaml | sed '$d'
    else
      printf 'steps:\n  - step: repair\n  - step: turns\n    min: 2\n  - step: conversation_chars\n    min: 20\n  - step: training_ready\n'
    fi
    printf 'dedup:\n  mode: both\noutput:\n  dir: pipeline-out-%s-%s\n' "$kind" "$mb"
  } > "$yaml"
  log="$out.time"
  mkdir -p "$out"
  /usr/bin/time -f '%e %U %S %M' -o "$log" java -Xmx1g -Dfile.encoding=UTF-8 -jar colloquy-cli/target/colloquy-cli.jar \
    run "$yaml" --no-progress >/dev/null 2>"$out.log" || true
  read -r wall user sys rss < <(tail -n 1 "$log")
  bytes=$(python3 -c "import json;print(json.load(open('$corpus/manifest.json'))['bytes'])")
  records=$(python3 -c "import json;print(json.load(open('$out/stats.json'))['records_in'])")
  python3 - "$mb" "$kind" "$records" "$wall" "$user" "$sys" "$rss" "$bytes" <<'PY'
import sys
mb, kind, rec, wall, user, sys_, rss, b = sys.argv[1:]
wall, cpu, mbytes = float(wall), float(user) + float(sys_), int(b) / 1e6
print(f"{mb:<8} {kind:<6} {int(rec):>10} {wall:>10.1f} {cpu:>10.1f} {mbytes / wall:>10.2f} {mbytes / cpu:>12.2f} {int(rss) / 1024:>10.0f}")
PY
done
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), load before: $(cut -d' ' -f1-3 /proc/loadavg)"
