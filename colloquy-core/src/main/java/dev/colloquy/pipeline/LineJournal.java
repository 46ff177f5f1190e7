package dev.colloquy.pipeline;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.UUID;

/*
 * Why one file for all chunks: each chunk's kept lines used to be a file of its own, copied into kept.jsonl at the
 * end. On the README pipeline's 1 GB input that copy was 2.1 GB read and written again on one thread after every
 * worker had finished (6 CPU-s and 6 s of wall time with the other core idle). Now the chunks append to one
 * journal, each chunk's checkpoint records where the journal ended after it (bytes and lines), and the output is
 * the journal itself, given its final name by a hard link and a rename, with no byte copied.
 *
 * Resume: the journal is cut back to the end the last completed chunk recorded, which drops the lines of a chunk
 * that was being written when the run died (its .done marker was never written). A journal shorter than that end
 * is refused: checkpoints that do not match their lines cannot be finished.
 *
 * The journal keeps its name in the work directory after publish (a link, not a move), so a run that dies after
 * publishing kept.jsonl but before its completion marker still has every checkpoint for --resume.
 */

/**
 * The lines of one output (kept records or the quarantine) in input order across the chunks of a run, appended
 * to one file of the work directory, counted as they are written. Not thread-safe: the runner's ordered finish
 * is its one writer.
 */
final class LineJournal implements AutoCloseable {

    private final Path file;
    private final FileChannel channel;
    private final OutputStream out;
    private long bytes;
    private long lines;

    private LineJournal(Path file, FileChannel channel, long bytes, long lines) {
        this.file = file;
        this.channel = channel;
        this.out = new BufferedOutputStream(Channels.newOutputStream(channel), 1 << 16);
        this.bytes = bytes;
        this.lines = lines;
    }

    /**
     * Opens {@code file} to append after its first {@code bytes} bytes, which hold {@code lines} lines (0 and 0 for
     * a new journal); whatever follows them is cut off.
     *
     * @throws ConfigException when the file is shorter than {@code bytes} (checkpoints and journal disagree)
     */
    static LineJournal open(Path file, long bytes, long lines) throws IOException {
        FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        try {
            long size = ch.size();
            if (size < bytes) {
                throw new ConfigException("cannot --resume: " + file + " holds " + size + " bytes where the"
                        + " checkpoints say " + bytes + "; run again without --resume to start over");
            }
            ch.truncate(bytes);
            ch.position(bytes);
            return new LineJournal(file, ch, bytes, lines);
        } catch (IOException | RuntimeException e) {
            ch.close();
            throw e;
        }
    }

    /** Appends {@code line} and a newline. */
    void write(String line) throws IOException {
        byte[] b = line.getBytes(StandardCharsets.UTF_8);
        try {
            out.write(b);
            out.write('\n');
        } catch (IOException e) {
            throw named(e);
        }
        bytes += b.length + 1L;
        lines++;
        for (int i = line.indexOf('\n'); i >= 0; i = line.indexOf('\n', i + 1)) {
            lines++; // a transcript record spans lines; a JSON line never holds a raw newline
        }
    }

    /** Writes out what is buffered, so {@link #bytes()} are in the file (call before checkpointing them). */
    void flush() throws IOException {
        try {
            out.flush();
        } catch (IOException e) {
            throw named(e);
        }
    }

    /** A write error (a full disk) named by the journal's file. */
    private IOException named(IOException e) {
        return e instanceof FileSystemException ? e
                : new FileSystemException(file.toString(), null, String.valueOf(e.getMessage()));
    }

    /** Bytes appended so far, resumed ones included. */
    long bytes() {
        return bytes;
    }

    /** Newlines appended so far, resumed ones included. */
    long lines() {
        return lines;
    }

    /** The journal's file in the work directory. */
    Path file() {
        return file;
    }

    /**
     * Closes the journal and makes {@code target} hold its lines, replacing any file there at once (a hard link
     * under a temporary name, renamed; a copy where the file system has no hard links). The journal keeps its name.
     */
    void publish(Path target) throws IOException {
        close();
        Path temp = target.toAbsolutePath().getParent()
                .resolve("." + target.getFileName() + "." + UUID.randomUUID() + ".tmp");
        try {
            try {
                Files.createLink(temp, file);
            } catch (UnsupportedOperationException | FileSystemException e) {
                Files.copy(file, temp);
            }
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    @Override
    public void close() throws IOException {
        if (channel.isOpen()) {
            try {
                flush();
            } finally {
                channel.close();
            }
        }
    }
}
