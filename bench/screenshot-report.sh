#!/usr/bin/env bash
# Renders a run's report.html in headless Chromium (no network) and saves a full-page screenshot, to look at.
# Usage: bench/screenshot-report.sh [OUT_DIR [PNG]]
#   OUT_DIR  a `colloquy run` output directory holding report.html; default: runs examples/pipeline.yaml into
#            out/ first (the bundled example corpus)
#   PNG      where to write the screenshot; default OUT_DIR/report.png
# Needs chromium (apt-get install -y chromium).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
if [ $# -ge 1 ]; then
  out="$(cd "$1" && pwd)"
else
  out="$root/out"
  (cd "$root" && ./colloquy run examples/pipeline.yaml --no-progress || [ $? -eq 1 ])  # 1: planted unreadable lines
fi
png="${2:-$out/report.png}"
[ -f "$out/report.html" ] || { echo "no report.html in $out" >&2; exit 1; }
browser="$(command -v chromium || command -v chromium-browser || command -v google-chrome || true)"
[ -n "$browser" ] || { echo "chromium not found: apt-get install -y chromium" >&2; exit 1; }
profile="$(mktemp -d)"
trap 'rm -rf "$profile"' EXIT
"$browser" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking \
  --disable-component-update --disable-sync --user-data-dir="$profile" --hide-scrollbars \
  --screenshot="$png" --window-size="${WINDOW_SIZE:-1280,3000}" "file://$out/report.html" 2>/dev/null
echo "screenshot: $png"
