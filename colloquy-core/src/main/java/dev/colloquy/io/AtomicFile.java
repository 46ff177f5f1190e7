package dev.colloquy.io;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.UUID;

/**
 * An output file that appears only when complete: bytes go to a temporary file beside the target, and
 * {@link #commit()} renames it into place (atomically where the file system can). {@link #close()} without a
 * commit deletes the temporary file, so an interrupted or failed run never leaves a file that looks finished.
 * Not thread-safe.
 */
public final class AtomicFile implements Closeable {

    private final Path target;
    private final Path temp;
    private final OutputStream stream;
    private Writer writer;
    private boolean done;

    private AtomicFile(Path target) throws IOException {
        this.target = target;
        // Not Files.createTempFile: that makes the file owner-only (0600), and the rename would keep it so;
        // an ordinary create gives the output the permissions the user's umask asks for.
        Path dir = target.toAbsolutePath().getParent();
        this.temp = dir.resolve("." + target.getFileName() + "." + UUID.randomUUID() + ".tmp");
        OutputStream raw;
        try {
            raw = Files.newOutputStream(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        } catch (FileSystemException e) {
            // the JDK names the temporary file; the user knows the target
            throw new FileSystemException(target.toString(), null, reason(e));
        }
        this.stream = new RenamingOutputStream(raw, e -> named(e, target));
    }

    private static String reason(FileSystemException e) {
        if (e instanceof java.nio.file.NoSuchFileException) {
            return "its directory does not exist";
        }
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied";
        }
        return e.getReason() != null ? e.getReason() : e.getClass().getSimpleName();
    }

    /** A write error (a full disk) named by the file it hit rather than the temporary file. */
    private static IOException named(IOException e, Path target) {
        return e instanceof FileSystemException ? e
                : new FileSystemException(target.toString(), null, String.valueOf(e.getMessage()));
    }

    /** Starts writing {@code target}; fails when its directory does not exist or is not writable. */
    public static AtomicFile create(Path target) throws IOException {
        return new AtomicFile(target);
    }

    /** The file this will become. */
    public Path target() {
        return target;
    }

    /** The temporary file being written (for tests and diagnostics). */
    public Path temp() {
        return temp;
    }

    /** The raw byte stream. Use either this or {@link #writer()}, not both. */
    public OutputStream stream() {
        return stream;
    }

    /** A buffered UTF-8 writer over the stream. */
    public Writer writer() {
        if (writer == null) {
            writer = new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), 1 << 16);
        }
        return writer;
    }

    /** Flushes, closes and moves the temporary file onto the target, replacing any existing file. */
    public void commit() throws IOException {
        if (done) {
            throw new IllegalStateException("already committed or closed: " + target);
        }
        if (writer != null) {
            writer.close();
        } else {
            stream.close();
        }
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
        done = true;
    }

    /** Discards the output unless it was committed. */
    @Override
    public void close() throws IOException {
        if (done) {
            return;
        }
        done = true;
        try {
            stream.close();
        } catch (IOException ignored) {
            // the temporary file is deleted below whatever state the stream is in
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
