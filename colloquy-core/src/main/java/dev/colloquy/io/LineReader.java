package dev.colloquy.io;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Reads lines as bytes, splitting on {@code \n} only (a {@code \r} before it stays in the line), so that
 * undecodable bytes and NULs reach the caller intact instead of failing inside a decoder.
 *
 * <p>Memory is bounded: a line longer than {@code maxLineBytes} keeps only its first {@code maxLineBytes} bytes,
 * is flagged {@link Line#tooLong()}, and the rest of it is skipped while counting its length. A read error
 * (typically a cut-off archive) ends the lines with one last {@link Line} carrying the error and whatever bytes
 * of the current line arrived before it. Not thread-safe.
 */
public final class LineReader implements Closeable {

    /**
     * One line.
     *
     * @param number     1-based line number
     * @param bytes      the line's bytes without the {@code \n}, at most {@code maxLineBytes} of them
     * @param tooLong    whether the line was longer than the cap (then {@code bytes} is its prefix)
     * @param fullLength the line's real length in bytes
     * @param error      the read error that ended the input here, or null
     */
    public record Line(long number, byte[] bytes, boolean tooLong, long fullLength, IOException error) {
    }

    private final InputStream in;
    private final int maxLineBytes;
    private final byte[] buf = new byte[1 << 16];
    private int pos;
    private int limit;
    private long lineNumber;
    private boolean finished;

    public LineReader(InputStream in, int maxLineBytes) {
        this(in, maxLineBytes, 1);
    }

    /**
     * Lines of a part of an input that starts at a line boundary: the first line read is numbered
     * {@code firstLineNumber} (a distributed engine reading one split of a large file knows how many lines came
     * before it).
     */
    public LineReader(InputStream in, int maxLineBytes, long firstLineNumber) {
        if (firstLineNumber < 1) {
            throw new IllegalArgumentException("firstLineNumber must be >= 1, was " + firstLineNumber);
        }
        this.lineNumber = firstLineNumber - 1;
        if (maxLineBytes < 1) {
            throw new IllegalArgumentException("maxLineBytes must be >= 1, was " + maxLineBytes);
        }
        this.in = in;
        this.maxLineBytes = maxLineBytes;
    }

    /** The next line, or null after the last. */
    public Line next() {
        if (finished) {
            return null;
        }
        byte[] acc = new byte[Math.min(256, maxLineBytes)];
        int n = 0;
        long full = 0;
        while (true) {
            if (pos == limit) {
                try {
                    limit = in.read(buf, 0, buf.length);
                } catch (IOException e) {
                    finished = true;
                    return new Line(++lineNumber, Arrays.copyOf(acc, n), full > n, full, e);
                }
                pos = 0;
                if (limit <= 0) {
                    limit = 0;
                    finished = true;
                    return full == 0 ? null : new Line(++lineNumber, Arrays.copyOf(acc, n), full > n, full, null);
                }
            }
            int end = pos;
            while (end < limit && buf[end] != '\n') {
                end++;
            }
            int chunk = end - pos;
            int keep = (int) Math.min(chunk, Math.max(0, maxLineBytes - n));
            if (keep > 0) {
                if (n + keep > acc.length) {
                    acc = Arrays.copyOf(acc, (int) Math.min(maxLineBytes, Math.max((long) acc.length * 2, n + keep)));
                }
                System.arraycopy(buf, pos, acc, n, keep);
                n += keep;
            }
            full += chunk;
            if (end < limit) {
                pos = end + 1;
                return new Line(++lineNumber, Arrays.copyOf(acc, n), full > n, full, null);
            }
            pos = limit;
        }
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
