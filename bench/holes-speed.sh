#!/usr/bin/env bash
# Single-thread throughput of the hole detector (with and without the POS check): dev.colloquy.bench.HoleDetectorThroughput.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
source bench/lib.sh
build_bench
BENCH_JAVA_OPTS="-Xmx256m ${BENCH_JAVA_OPTS:-}" bench_java dev.colloquy.bench.HoleDetectorThroughput 2>&1 | grep -v '^SLF4J'
