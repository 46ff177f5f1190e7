#!/usr/bin/env bash
# Builds the speed benchmark inputs in bench-data/ from real text on this Debian machine (nothing is
# downloaded): clean-en.txt (20 MB of /usr/share/doc and man pages), clean-cjk.txt (5 MB of zh/ja/ko
# translation catalogs), broken-multi.txt (5 MB of catalog sentences in every installed language, each
# damaged by one issue-3 family) and broken-multi.orig.txt (the correct line for each broken one).
# Also per script (issue 10): clean-SCRIPT-script.txt, broken-SCRIPT.txt and clean-chat.txt (multilingual chat
# turns with emoji), --script-mb each.
# Usage: bench/make-text.sh [--en-mb 20] [--cjk-mb 5] [--broken-mb 5] [--script-mb 2] [--seed S]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
source bench/lib.sh
build_bench
mkdir -p bench-data
bench_java dev.colloquy.bench.TextCorpora --out bench-data "$@"
