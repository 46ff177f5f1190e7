#!/usr/bin/env python3
"""What `ftfy FILE` does, from stdin to stdout: fix_file with ftfy's defaults, line by line.
(ftfy has no `python3 -m ftfy`; this is the comparison process for bench/fix-speed.sh.)"""
import io
import sys

import ftfy

stdin = io.TextIOWrapper(sys.stdin.buffer, encoding="utf-8", errors="surrogateescape", newline="")
stdout = io.TextIOWrapper(sys.stdout.buffer, encoding="utf-8", errors="surrogateescape", newline="")
for line in ftfy.fix_file(stdin):
    stdout.write(line)
stdout.flush()
