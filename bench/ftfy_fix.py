#!/usr/bin/env python3
"""What `ftfy FILE` does, from stdin to stdout: ftfy.fix_text with its defaults on each line.
Lines are split on b"\\n" only, as `colloquy fix` does. ftfy has no `python3 -m ftfy`; this is the
comparison process for bench/fix-speed.sh.

With --exact ORIG, writes nothing but "ok/n = p%": how many fixed lines equal the same line of ORIG.
(Compared per input line, since ftfy's fix_line_breaks turns U+0085 and U+2028 inside a line into
line breaks, which would shift a line-by-line diff of the output.)"""
import sys

import ftfy


def lines(stream):
    for raw in stream:
        yield raw.decode("utf-8", "surrogateescape")


if len(sys.argv) == 3 and sys.argv[1] == "--exact":
    ok = n = 0
    with open(sys.argv[2], "rb") as orig:
        for line, want in zip(lines(sys.stdin.buffer), lines(orig)):
            n += 1
            ok += ftfy.fix_text(line).rstrip("\n") == want.rstrip("\n")
    print(f"{ok}/{n} = {100 * ok / max(n, 1):.1f}%")
else:
    out = sys.stdout.buffer
    for line in lines(sys.stdin.buffer):
        out.write(ftfy.fix_text(line).encode("utf-8", "surrogateescape"))
    out.flush()
