package dev.colloquy.cli;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

/**
 * Standard output for the commands, with write errors surfaced. A {@link PrintWriter} (what picocli hands out)
 * swallows {@link IOException}s, so a full disk or a closed pipe would pass for success: this one remembers the
 * first failure, and {@link #checked} gives a writer that throws it, naming the stream and the cause.
 */
final class StdoutWriter extends PrintWriter {

    private final Memo memo;

    StdoutWriter(OutputStream out) {
        this(new Memo(out));
    }

    private StdoutWriter(Memo memo) {
        super(new OutputStreamWriter(memo, StandardCharsets.UTF_8), true);
        this.memo = memo;
    }

    /** The first write error's message, or null. */
    String failure() {
        return memo.failure == null ? null : memo.failure.getMessage();
    }

    /**
     * A writer over {@code out} that throws an {@link IOException} naming {@code what} as soon as a write
     * failed (checked every 64 KiB and on flush). Closing it flushes but leaves {@code out} open.
     */
    static Writer checked(PrintWriter out, String what) {
        return new Writer() {
            private long unchecked;

            @Override
            public void write(char[] c, int off, int len) throws IOException {
                out.write(c, off, len);
                unchecked += len;
                if (unchecked >= 1 << 16) {
                    unchecked = 0;
                    check();
                }
            }

            @Override
            public void write(String s, int off, int len) throws IOException {
                out.write(s, off, len);
                unchecked += len;
                if (unchecked >= 1 << 16) {
                    unchecked = 0;
                    check();
                }
            }

            @Override
            public void flush() throws IOException {
                check();
            }

            @Override
            public void close() throws IOException {
                check();
            }

            private void check() throws IOException {
                // checkError flushes first, so this also catches what was still buffered
                if (out.checkError()) {
                    String cause = out instanceof StdoutWriter s && s.failure() != null ? s.failure()
                            : "the stream reported an error";
                    throw new IOException("cannot write " + what + ": " + cause);
                }
            }
        };
    }

    /** Remembers the first IOException passing through. */
    private static final class Memo extends FilterOutputStream {
        private IOException failure;

        Memo(OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) throws IOException {
            try {
                out.write(b);
            } catch (IOException e) {
                throw remember(e);
            }
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            try {
                out.write(b, off, len);
            } catch (IOException e) {
                throw remember(e);
            }
        }

        @Override
        public void flush() throws IOException {
            try {
                out.flush();
            } catch (IOException e) {
                throw remember(e);
            }
        }

        private IOException remember(IOException e) {
            if (failure == null) {
                failure = e;
            }
            return e;
        }
    }
}
