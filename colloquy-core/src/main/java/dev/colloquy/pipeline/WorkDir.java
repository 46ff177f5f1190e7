package dev.colloquy.pipeline;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The checkpoint directory {@code OUT/.colloquy-work/}: the kept and quarantine lines of all chunks, each output
 * in one {@link LineJournal} ({@code kept.lines}, {@code quarantine.lines}); one set of files per completed chunk
 * of input ({@code chunk-NNNNNN.dedup}, {@code .json}, the latter with where the journals ended after it) and a
 * {@code .done} marker written last, so a chunk counts only when all its files are complete. A {@code fingerprint} file ties the
 * checkpoints to the config and inputs that made them; {@code --resume} refuses checkpoints of another run.
 */
final class WorkDir {

    static final String NAME = ".colloquy-work";

    private final Path dir;

    WorkDir(Path outputDir) {
        this.dir = outputDir.resolve(NAME);
    }

    Path dir() {
        return dir;
    }

    /**
     * Readies the directory and returns how many chunks are already complete: 0 unless resuming a run with
     * the same fingerprint.
     */
    int open(String fingerprint, boolean resume) throws IOException {
        Path fp = dir.resolve("fingerprint");
        if (resume && Files.isRegularFile(fp)) {
            String saved = Files.readString(fp, StandardCharsets.UTF_8);
            if (!saved.equals(fingerprint)) {
                throw new ConfigException("cannot --resume: the config or the inputs changed since the interrupted"
                        + " run (checkpoints in " + dir + "); run again without --resume to start over");
            }
            int done = 0;
            while (Files.exists(file(done, "done"))) {
                done++;
            }
            return done;
        }
        delete();
        Files.createDirectories(dir);
        AtomicOutput.write(fp, fingerprint.getBytes(StandardCharsets.UTF_8));
        return 0;
    }

    Path file(int chunk, String kind) {
        return dir.resolve(String.format(java.util.Locale.ROOT, "chunk-%06d.%s", chunk, kind));
    }

    /** The journal of one output's lines, {@code kind} {@code kept} or {@code quarantine}. */
    Path journal(String kind) {
        return dir.resolve(kind + ".lines");
    }

    void markDone(int chunk) throws IOException {
        AtomicOutput.write(file(chunk, "done"), new byte[0]);
    }

    void delete() throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
