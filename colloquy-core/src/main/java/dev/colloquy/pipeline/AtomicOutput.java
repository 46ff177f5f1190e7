package dev.colloquy.pipeline;

import dev.colloquy.io.AtomicFile;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;

/**
 * {@link AtomicFile} with a buffered stream, for the runner's many small writes: the file appears complete on
 * {@link #commit} or not at all; closing without committing deletes the temp file.
 */
final class AtomicOutput implements AutoCloseable {

    private final AtomicFile file;
    private final OutputStream out;

    AtomicOutput(Path target) throws IOException {
        this.file = AtomicFile.create(target);
        this.out = new BufferedOutputStream(file.stream(), 1 << 16);
    }

    OutputStream stream() {
        return out;
    }

    void commit() throws IOException {
        out.flush();
        file.commit();
    }

    @Override
    public void close() throws IOException {
        file.close();
    }

    static void write(Path target, byte[] content) throws IOException {
        try (AtomicOutput o = new AtomicOutput(target)) {
            o.stream().write(content);
            o.commit();
        }
    }
}
