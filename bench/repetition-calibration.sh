#!/usr/bin/env bash
# Clean conversations rejected and degenerate repetition caught by a pipeline's filters, per language
# (issue 11): real text (Debian docs and man pages in English, gettext catalog sentences and translated man
# pages in 28 other languages), 1-4 exchanges per conversation; degenerate variants loop a line, repeat a
# phrase in a row, or loop the last sentence of one assistant turn. See RepetitionCalibration.java.
# Usage: bench/repetition-calibration.sh [--per-source N] [--seed S] [--pipeline FILE] [--dump FILE.tsv]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
source bench/lib.sh
build_bench
bench_java dev.colloquy.bench.RepetitionCalibration "$@"
