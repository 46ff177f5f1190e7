package dev.colloquy.pipeline;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * A file that appears complete or not at all: written to a temp file beside the target, renamed over it on
 * {@link #commit}. Closing without committing deletes the temp file.
 */
final class AtomicOutput implements AutoCloseable {

    private final Path target;
    private final Path temp;
    private final OutputStream out;
    private boolean committed;

    AtomicOutput(Path target) throws IOException {
        this.target = target;
        this.temp = target.resolveSibling("." + target.getFileName() + ".tmp");
        this.out = new BufferedOutputStream(Files.newOutputStream(temp), 1 << 16);
    }

    OutputStream stream() {
        return out;
    }

    void commit() throws IOException {
        out.close();
        try {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
        committed = true;
    }

    @Override
    public void close() throws IOException {
        if (!committed) {
            out.close();
            Files.deleteIfExists(temp);
        }
    }

    static void write(Path target, byte[] content) throws IOException {
        try (AtomicOutput o = new AtomicOutput(target)) {
            o.stream().write(content);
            o.commit();
        }
    }
}
