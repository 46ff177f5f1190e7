package dev.colloquy.format;

import java.io.Closeable;
import java.io.Flushable;
import java.io.IOException;
import java.io.Writer;

/**
 * What the kept and the quarantine writers share: a character stream taking one record per line, and the count
 * of records written. Not thread-safe; {@link #close()} closes the stream.
 */
abstract sealed class LineWriter implements Closeable, Flushable permits ConversationWriter, QuarantineWriter {

    final Writer out;
    private long written;

    LineWriter(Writer out) {
        this.out = out;
    }

    /** Writes one record and a newline, and counts it. */
    final void writeLine(String record) throws IOException {
        out.write(record);
        out.write('\n');
        written++;
    }

    /** How many records were written. */
    public final long written() {
        return written;
    }

    @Override
    public final void flush() throws IOException {
        out.flush();
    }

    @Override
    public final void close() throws IOException {
        out.close();
    }
}
