#!/usr/bin/env bash
# Runs the JMH benchmarks of colloquy-bench (building it, and the inputs, when missing).
# Usage: bench/jmh.sh [JMH ARGS...]   e.g. bench/jmh.sh RepairBenchmark -t 1
# Each benchmark's Javadoc names its input and what its counters mean. JMH prints "ops/s" for the
# byte counters: those rows are bytes per second. JMH refuses to start while another JMH run holds
# /tmp/jmh.lock; on a shared machine BENCH_JAVA_OPTS=-Djmh.ignoreLock=true runs anyway (results then compete).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
source bench/lib.sh
build_bench
[ -f bench-data/clean-chat.txt ] || bench/make-text.sh
[ -f bench-data/corpus-20m/openai.jsonl ] || bench/make-corpus.sh 20 bench-data/corpus-20m
exec java ${BENCH_JAVA_OPTS:-} -jar "$bench_jar" "$@"
