package dev.colloquy.spark;

import dev.colloquy.io.InputStreams;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * The bytes of the lines that start in {@code [start, end)} of a file: opened at {@code start - 1}, it skips
 * to the first line start at or after {@code start} (a line that began earlier belongs to the previous range),
 * then passes bytes through up to and including the first {@code \n} at or after {@code end - 1}, which ends
 * the last line starting before {@code end}. Every line of the file is so read by exactly one range.
 */
final class LineAlignedRange extends FilterInputStream {

    private final long end;
    private long pos;
    private boolean done;
    private final boolean skippedPartialLine;

    /**
     * @param raw   the file's bytes from {@code start - 1} (from 0 when {@code start == 0})
     * @param start first byte of the range
     * @param end   end of the range, exclusive
     */
    LineAlignedRange(InputStream raw, long start, long end) throws IOException {
        super(new java.io.BufferedInputStream(raw, 1 << 16));
        this.end = end;
        long p = start;
        boolean skipped = false;
        if (start > 0) {
            int prev = in.read(); // byte start - 1: a line starts at `start` iff it is a newline
            if (prev != '\n') {
                int b;
                do {
                    b = in.read();
                    p++;
                } while (b >= 0 && b != '\n');
                skipped = b >= 0;
                if (b < 0) {
                    p = Long.MAX_VALUE; // no line starts in this range
                }
            }
        }
        this.pos = p;
        this.skippedPartialLine = skipped;
        this.done = p >= end;
    }

    /** Whether the range began inside a line, whose newline then lies in {@code [start, first line start)}. */
    boolean skippedPartialLine() {
        return skippedPartialLine;
    }

    @Override
    public int read() throws IOException {
        return InputStreams.readOneByte(this);
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (done) {
            return -1;
        }
        int n = in.read(b, off, len);
        if (n <= 0) {
            done = n < 0;
            return n;
        }
        // Cut after the first newline at a position >= end - 1: the line it ends is the last one we own.
        for (int i = (int) Math.max(0, Math.min(n, end - 1 - pos)); i < n; i++) {
            if (b[off + i] == '\n') {
                n = i + 1;
                done = true;
                break;
            }
        }
        pos += n;
        return n;
    }

    @Override
    public long skip(long n) {
        throw new UnsupportedOperationException("read line-aligned ranges sequentially");
    }
}
