package dev.colloquy.io;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * An output stream that rethrows every write, flush or close failure through {@code rename}: a full disk says only
 * "No space left on device", and the user needs to hear which output it hit. Writes go through in one call (not
 * byte by byte, as {@link FilterOutputStream} would). Not thread-safe.
 */
public class RenamingOutputStream extends FilterOutputStream {

    private final UnaryOperator<IOException> rename;

    public RenamingOutputStream(OutputStream out, UnaryOperator<IOException> rename) {
        super(out);
        this.rename = Objects.requireNonNull(rename, "rename");
    }

    @Override
    public void write(int b) throws IOException {
        try {
            out.write(b);
        } catch (IOException e) {
            throw rename.apply(e);
        }
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        try {
            out.write(b, off, len);
        } catch (IOException e) {
            throw rename.apply(e);
        }
        afterWrite();
    }

    @Override
    public void flush() throws IOException {
        try {
            out.flush();
        } catch (IOException e) {
            throw rename.apply(e);
        }
        afterWrite();
    }

    @Override
    public void close() throws IOException {
        try {
            out.close();
        } catch (IOException e) {
            throw rename.apply(e);
        }
    }

    /**
     * Called after each block write and flush; a subclass over a stream that records errors instead of throwing
     * them (a {@link java.io.PrintStream}) checks it here.
     */
    protected void afterWrite() throws IOException {
    }
}
