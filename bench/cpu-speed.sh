#!/usr/bin/env bash
# Single-thread throughput in MB per CPU second of the measuring thread (dev.colloquy.bench.CpuThroughput):
# on a machine shared with other work this approximates one idle core, where wall-clock rates fall with load.
# A cross-check for bench/jmh.sh, not a replacement.
# Usage: bench/cpu-speed.sh [--warmup S] [--measure S] [WORKLOAD...]
#   WORKLOAD: repair:INPUT (any bench-data/INPUT.txt, e.g. clean-en, clean-cyrillic-script, broken-greek),
#   signals:seed, signals:corpus (default: repair:clean-en repair:clean-cjk repair:broken-multi and both signals)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
source bench/lib.sh
build_bench
[ -f bench-data/broken-multi.txt ] || bench/make-text.sh
[ -f bench-data/corpus-20m/openai.jsonl ] || bench/make-corpus.sh 20 bench-data/corpus-20m
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(java -version 2>&1 | head -1), load $(cut -d' ' -f1-3 /proc/loadavg)"
BENCH_JAVA_OPTS="-Xmx1g ${BENCH_JAVA_OPTS:-}" bench_java dev.colloquy.bench.CpuThroughput "$@"
