package dev.colloquy.format;

import dev.colloquy.io.InputStreams;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * An input whose first bytes were read ahead to detect the format. A read error met while peeking is held
 * back and thrown only after the peeked bytes were consumed, so a short damaged archive still yields every
 * line before the damage.
 */
final class Peeked extends InputStream {

    private final InputStream in;
    private final byte[] head;
    private final IOException error;
    private final boolean exhausted;
    private int pos;

    private Peeked(InputStream in, byte[] head, IOException error, boolean exhausted) {
        this.in = in;
        this.head = head;
        this.error = error;
        this.exhausted = exhausted;
    }

    static Peeked of(InputStream in, int size) {
        byte[] buf = new byte[size];
        int n = 0;
        IOException error = null;
        boolean exhausted = false;
        try {
            while (n < size) {
                int r = in.read(buf, n, size - n);
                if (r < 0) {
                    exhausted = true;
                    break;
                }
                n += r;
            }
        } catch (IOException e) {
            error = e;
        }
        return new Peeked(in, Arrays.copyOf(buf, n), error, exhausted);
    }

    /** The bytes read ahead. */
    byte[] head() {
        return head;
    }

    /** Whether the whole input fitted in the head, without error. */
    boolean complete() {
        return exhausted && error == null;
    }

    IOException error() {
        return error;
    }

    @Override
    public int read() throws IOException {
        return InputStreams.readOneByte(this);
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        if (pos < head.length) {
            int n = Math.min(len, head.length - pos);
            System.arraycopy(head, pos, b, off, n);
            pos += n;
            return n;
        }
        if (error != null) {
            throw error;
        }
        return exhausted ? -1 : in.read(b, off, len);
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
