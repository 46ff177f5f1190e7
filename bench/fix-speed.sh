#!/usr/bin/env bash
# Times `colloquy fix` as a whole process (JVM start included) on the three benchmark inputs, several
# runs each, and prints MB/s; where Python's ftfy is installed, times it on the same inputs in the same
# run and prints the ratio, then the peak RSS of each. Uses hyperfine when installed, else a bash loop with date +%s%N.
# Usage: bench/fix-speed.sh [--runs N] [--no-ftfy] [--check] [INPUT...]   (default inputs: bench-data/{clean-en,clean-cjk,broken-multi}.txt,
# made by bench/make-text.sh when missing). Targets (issue 3): >= 30x ftfy on clean text, >= 10x on broken text.
# --check: one more untimed run per input checks one output line per input line, and where INPUT has a
# sibling INPUT-without-.txt.orig.txt (broken-multi.orig.txt) prints how many lines came back exactly.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
source bench/lib.sh
runs=3
use_ftfy=1
check=0
inputs=()
while [ $# -gt 0 ]; do
  case "$1" in
    --runs) runs="$2"; shift 2 ;;
    --no-ftfy) use_ftfy=0; shift ;;
    --check) check=1; shift ;;
    -h|--help) sed -n '2,9p' "$0"; exit 0 ;;
    *) inputs+=("$1"); shift ;;
  esac
done
if [ ${#inputs[@]} -eq 0 ]; then
  inputs=(bench-data/clean-en.txt bench-data/clean-cjk.txt bench-data/broken-multi.txt)
  for f in "${inputs[@]}"; do [ -f "$f" ] || { bench/make-text.sh; break; }; done
fi
py=""
[ "$use_ftfy" = 1 ] && py="$(ftfy_python)"

# Builds on first use, so the build is not timed.
./colloquy fix < /dev/null > /dev/null || { echo "colloquy fix failed on empty input; is it implemented on this branch?" >&2; exit 1; }

# Prints the median wall time in seconds of running "$1" (a shell command) $runs times, then the mean CPU
# seconds (user + system, all threads; hyperfine only, else "-"). On a loaded machine the CPU figure is the fairer one.
median_seconds() {
  local cmd="$1"
  if command -v hyperfine >/dev/null 2>&1; then
    local csv; csv="$(mktemp)"
    hyperfine --style none --runs "$runs" --export-csv "$csv" "$cmd" >/dev/null 2>&1
    awk -F, 'NR==2 {printf "%.3f %.3f\n", $4, $5 + $6}' "$csv"
    rm -f "$csv"
  else
    local times=() i start end
    for ((i = 0; i < runs; i++)); do
      start=$(date +%s%N)
      bash -c "$cmd" || { echo "failed: $cmd" >&2; return 1; }
      end=$(date +%s%N)
      times+=("$(( end - start ))")
    done
    printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {m = (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2; printf "%.3f -\n", m / 1e9}'
  fi
}

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(java -version 2>&1 | head -1), load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "timer: $(command -v hyperfine >/dev/null && echo hyperfine || echo 'bash loop'), median of $runs runs, whole process"
[ -n "$py" ] && echo "ftfy: $("$py" -c 'import ftfy; print(ftfy.__version__)') ($py bench/ftfy_fix.py)" || echo "ftfy: not installed (apt-get install python3-ftfy, or pip install ftfy); colloquy only"
printf '%-28s %6s %8s %7s %7s %8s %8s %7s %7s %7s\n' input MB colloquy-s cpu-s MB/s ftfy-s cpu-s MB/s wall-x cpu-x
for f in "${inputs[@]}"; do
  bytes=$(stat -L -c %s "$f")
  read -r ours ours_cpu < <(median_seconds "./colloquy fix < '$f' > /dev/null")
  theirs="-"; theirs_cpu="-"; theirs_rate="-"; ratio="-"; cpu_ratio="-"
  if [ -n "$py" ]; then
    read -r theirs theirs_cpu < <(median_seconds "'$py' bench/ftfy_fix.py < '$f' > /dev/null")
    theirs_rate=$(awk -v b="$bytes" -v s="$theirs" 'BEGIN {printf "%.2f", b / 1e6 / s}')
    ratio=$(awk -v a="$ours" -v b="$theirs" 'BEGIN {printf "%.1fx", b / a}')
    [ "$ours_cpu" != "-" ] && cpu_ratio=$(awk -v a="$ours_cpu" -v b="$theirs_cpu" 'BEGIN {printf "%.1fx", b / a}')
  fi
  printf '%-28s %6.1f %8.2f %7s %7.2f %8s %8s %7s %7s %7s\n' "$f" "$(awk -v b="$bytes" 'BEGIN {print b / 1e6}')" "$ours" "$ours_cpu" \
    "$(awk -v b="$bytes" -v s="$ours" 'BEGIN {print b / 1e6 / s}')" "$theirs" "$theirs_cpu" "$theirs_rate" "$ratio" "$cpu_ratio"
done
if [ -x /usr/bin/time ]; then
  echo "peak RSS (one more untimed run each, /usr/bin/time -f %M; target issue 10: colloquy fix <= 256 MB)"
  for f in "${inputs[@]}"; do
    ours_rss=$( { /usr/bin/time -f %M ./colloquy fix < "$f" > /dev/null; } 2>&1 | tail -1)
    theirs_rss="-"
    [ -n "$py" ] && theirs_rss=$( { /usr/bin/time -f %M "$py" bench/ftfy_fix.py < "$f" > /dev/null; } 2>&1 | tail -1)
    printf '%-28s colloquy %8s KB   ftfy %8s KB\n' "$f" "$ours_rss" "$theirs_rss"
  done
fi
if [ "$check" = 1 ]; then
  echo "check (untimed): lines out == lines in; exact restoration where an .orig.txt exists"
  for f in "${inputs[@]}"; do
    fixed="$(mktemp)"
    ./colloquy fix < "$f" > "$fixed"
    in_lines=$(wc -l < "$f"); out_lines=$(wc -l < "$fixed")
    orig="${f%.txt}.orig.txt"
    restored="-"
    if [ -f "$orig" ]; then
      restored=$(paste -d '\n' "$fixed" "$orig" | awk 'NR % 2 == 1 {a = $0; next} {n++; if (a == $0) ok++} END {printf "%d/%d = %.1f%%", ok, n, 100 * ok / n}')
    fi
    printf '%-28s lines in %9d out %9d %s  exact: %s\n' "$f" "$in_lines" "$out_lines" \
      "$([ "$in_lines" = "$out_lines" ] && echo ok || echo MISMATCH)" "$restored"
    if [ -n "$py" ] && [ -f "$orig" ]; then
      printf '%-28s ftfy exact: %s\n' "$f" "$("$py" bench/ftfy_fix.py --exact "$orig" < "$f")"
    fi
    rm -f "$fixed"
  done
fi
