#!/usr/bin/env bash
# Dedup cost per record (sketch, index check) on real catalog sentences, then the index's retained memory
# per record. Figures are quoted in docs/dedup.md.
# Usage: bench/dedup.sh [--cpu | JMH options]   (run from anywhere; builds if needed)
#   --cpu   thread CPU time per record instead of JMH wall-clock time (steadier on a loaded machine)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
source bench/lib.sh
build_bench
if [ "${1:-}" = "--cpu" ]; then
  bench_java dev.colloquy.bench.DedupBenchmark
else
  bench_java org.openjdk.jmh.Main DedupBenchmark -f 1 -wi 2 -i 3 -w 3s -r 5s "$@"
fi
echo "index memory per record (LocalDeduplicatorTest.reportsIndexMemoryPerRecord):"
mvn -B -q -o -pl colloquy-core test -Dtest='LocalDeduplicatorTest#reportsIndexMemoryPerRecord' \
    -Dsurefire.failIfNoSpecifiedTests=false | grep 'dedup index'
