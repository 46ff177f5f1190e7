#!/usr/bin/env bash
# Regenerates the bundled example corpus examples/corpus/ (openai.jsonl, sharegpt.jsonl, transcripts.txt) and
# its ground truth examples/corpus-truth.jsonl from real text on this Debian machine, with planted defects
# (see dev.colloquy.bench.ExampleCorpus). Deterministic for one machine; the committed files are its output.
# Usage: bench/make-examples.sh
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
source bench/lib.sh
build_bench
bench_java dev.colloquy.bench.ExampleCorpus examples/corpus examples/seed.txt
