#!/usr/bin/env bash
# Start-up cost of the command line, whole process: `--version` and `fix` of one line (clean, and with
# mojibake, which loads the repair's character model), each RUNS times through ./colloquy (which uses the CDS
# archive it made after the build). Prints wall and CPU seconds per run; quoted in docs/benchmarks.md. On a
# loaded machine wall time is mostly waiting for a core: compare CPU seconds, and say what the load was.
# Usage: bench/startup.sh [RUNS]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
runs="${1:-5}"
cd "$root"
./colloquy --version >/dev/null    # builds on first use and makes the CDS archive, outside the timing
measure() {  # label, stdin text, args...
  local label="$1" input="$2"; shift 2
  for _ in $(seq "$runs"); do
    printf '%b' "$input" | /usr/bin/time -f "%e %U %S" -o /tmp/colloquy-startup.$$ ./colloquy "$@" >/dev/null 2>&1 || true
    read -r wall usr sys < /tmp/colloquy-startup.$$
    printf '%-24s %5.2f s wall  %5.2f s CPU\n' "$label" "$wall" "$(echo "$usr + $sys" | bc)"
  done
  rm -f /tmp/colloquy-startup.$$
}
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
measure "--version" "" --version
measure "fix (clean line)" 'plain line\n' fix
measure "fix (mojibake line)" 'caf\xc3\x83\xc2\xa9\n' fix
