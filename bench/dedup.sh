#!/usr/bin/env bash
# Dedup figures quoted in docs/dedup.md.
# Usage: bench/dedup.sh [JMH options]       JMH wall-clock time per record of sketch and check
#        bench/dedup.sh --cpu               the same in thread CPU time (steadier on a loaded machine)
#        bench/dedup.sh --accuracy [MB]     dedup alone against the planted truth of a generated corpus
#                                           (default 10 MB, made by bench/make-corpus.sh when missing)
#        bench/dedup.sh --memory            the index's retained heap per record (a core unit test)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
source bench/lib.sh
build_bench
case "${1:-}" in
  --cpu)
    bench_java dev.colloquy.bench.DedupBenchmark ;;
  --accuracy)
    size="${2:-10}"
    corpus="bench-data/corpus-${size}m"
    [ -f "$corpus/truth.jsonl" ] || bench/make-corpus.sh "$size" "$corpus" > /dev/null
    bench_java dev.colloquy.bench.DedupAccuracy "$corpus" ;;
  --memory)
    mvn -B -q -o -pl colloquy-core test -Dtest='LocalDeduplicatorTest#reportsIndexMemoryPerRecord' \
        -Dsurefire.failIfNoSpecifiedTests=false | grep 'dedup index' ;;
  *)
    bench_java org.openjdk.jmh.Main DedupBenchmark -f 1 -wi 2 -i 3 -w 3s -r 5s "$@" ;;
esac
