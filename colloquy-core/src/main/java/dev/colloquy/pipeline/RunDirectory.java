package dev.colloquy.pipeline;

import dev.colloquy.io.OutputPaths;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * A run's hold on its output directory, from start to finish.
 *
 * <ul>
 *   <li><b>Lock.</b> {@code .colloquy.lock} is locked through the operating system (an fcntl lock), so a second
 *   run into the same directory, from this process or another, is refused with the holder's pid (written into
 *   the file) instead of wiping the first run's checkpoints. The OS drops the lock when its process dies, however
 *   it dies, so a lock file left by a killed run (a dead pid) never blocks the next one.</li>
 *   <li><b>Completion marker.</b> {@code .colloquy-complete} is deleted when a run starts and written last, after
 *   every output and the report: an output set without it is incomplete (a run died between renaming its
 *   outputs), whatever its files hold. It lists the files of the set with their sizes.</li>
 *   <li><b>Foreign files.</b> A directory no run has claimed (it has no lock file) that already holds a file a run
 *   writes or removes ({@code kept*}, {@code quarantine.jsonl}, {@code stats.json}, {@code report.html}, the work
 *   directory, the marker) is refused before anything is written: those files are someone else's data, and
 *   {@code -o ~/data} must not replace {@code ~/data/stats.json} or delete {@code ~/data/kept_notes.txt}. A
 *   directory with the lock file was a run's output directory, and its files are that run's outputs.</li>
 *   <li><b>Leftovers.</b> Temporary files of a killed run ({@code .NAME.UUID.tmp}, here and in the work
 *   directory) are deleted when the next run starts; the lock guarantees no live run is writing them.</li>
 * </ul>
 */
public final class RunDirectory implements AutoCloseable {

    /** The lock file's name. */
    public static final String LOCK = ".colloquy.lock";
    /** The completion marker's name. */
    public static final String COMPLETE = ".colloquy-complete";

    // AtomicFile's temporary names: "." + target name + "." + UUID + ".tmp"
    private static final Pattern TEMP = Pattern.compile("\\..+\\.[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-"
            + "[0-9a-f]{12}\\.tmp");

    private final Path dir;
    private final FileChannel channel;
    private final FileLock lock;
    private final int leftoversRemoved;

    private RunDirectory(Path dir, FileChannel channel, FileLock lock, int leftoversRemoved) {
        this.dir = dir;
        this.channel = channel;
        this.lock = lock;
        this.leftoversRemoved = leftoversRemoved;
    }

    /**
     * Creates {@code dir} if needed, locks it, removes a killed run's temporary files and the completion marker.
     *
     * @throws ConfigException when another run holds the directory
     */
    public static RunDirectory claim(Path dir) throws IOException {
        requireNoForeignOutputs(dir);
        Files.createDirectories(dir);
        Path lockFile = dir.resolve(LOCK);
        FileChannel ch = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = ch.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null; // held by this very process
        } catch (IOException e) {
            ch.close();
            throw e;
        }
        if (lock == null) {
            String holder = holder(lockFile);
            ch.close();
            throw new ConfigException("the output directory " + dir + " is in use by another colloquy run"
                    + (holder.isEmpty() ? "" : " (pid " + holder + ")") + "; wait for it to finish or choose another"
                    + " output directory (the lock is " + lockFile + ")");
        }
        ch.truncate(0);
        ch.write(ByteBuffer.wrap((ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.US_ASCII)), 0);
        ch.force(false);
        int removed;
        try {
            Files.deleteIfExists(dir.resolve(COMPLETE));
            removed = removeLeftovers(dir) + removeLeftovers(dir.resolve(WorkDir.NAME));
        } catch (IOException | RuntimeException e) {
            lock.release();
            ch.close();
            throw e;
        }
        return new RunDirectory(dir, ch, lock, removed);
    }

    /**
     * Refuses an output directory that is, or lies inside, an input directory (each rerun would read the last
     * run's outputs as input: 9, then 60, then 112 records), and inputs that lie inside the output directory
     * (the run would overwrite them).
     *
     * @param inputPaths the configured input paths (files, directories, globs, {@code -})
     * @param inputNames the files they expanded to
     * @throws ConfigException naming both paths
     */
    public static void requireApartFromInputs(Path dir, List<String> inputPaths, List<String> inputNames) {
        for (String p : inputPaths) {
            if (!p.equals("-") && Files.isDirectory(Path.of(p)) && OutputPaths.isInside(dir, Path.of(p))) {
                throw new ConfigException("the output directory " + dir + " is inside the input directory " + p
                        + ": every rerun would read the previous run's outputs as input; choose an output directory"
                        + " outside the inputs");
            }
        }
        for (String name : inputNames) {
            if (!name.equals("-") && OutputPaths.isInside(Path.of(name), dir)) {
                throw new ConfigException("the input " + name + " is inside the output directory " + dir
                        + ": the run would overwrite or re-read it; choose an output directory outside the inputs");
            }
        }
    }

    /** The files a run writes or removes besides kept files ({@link OutputAssembler#KEPT_GLOB}). */
    private static final List<String> RUN_FILES = List.of("quarantine.jsonl", "stats.json", "report.html",
            COMPLETE, WorkDir.NAME);

    private static void requireNoForeignOutputs(Path dir) throws IOException {
        if (!Files.isDirectory(dir) || Files.exists(dir.resolve(LOCK), LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        TreeSet<String> found = new TreeSet<>();
        for (String name : RUN_FILES) {
            if (Files.exists(dir.resolve(name), LinkOption.NOFOLLOW_LINKS)) {
                found.add(name);
            }
        }
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, OutputAssembler.KEPT_GLOB)) {
            for (Path p : ds) {
                found.add(p.getFileName().toString());
            }
        }
        if (!found.isEmpty()) {
            throw new ConfigException("the output directory " + dir + " already holds " + String.join(", ", found)
                    + ", which no colloquy run wrote there (it has no " + LOCK + "): the run would replace or delete"
                    + " them; choose a new or empty output directory (--output DIR, or output.dir), or move them away");
        }
    }

    /** How many temporary files of earlier, killed runs {@link #claim} deleted. */
    public int leftoversRemoved() {
        return leftoversRemoved;
    }

    /** Writes the completion marker: call after every output of the run is in place. */
    public void complete(List<String> outputs) throws IOException {
        StringBuilder b = new StringBuilder("{\"complete\": true, \"files\": {");
        String sep = "";
        for (String name : outputs) {
            Path p = dir.resolve(name);
            long size = Files.isRegularFile(p) ? Files.size(p) : -1;
            b.append(sep).append('"').append(name.replace("\\", "\\\\").replace("\"", "\\\"")).append("\": ")
                    .append(size);
            sep = ", ";
        }
        b.append("}}\n");
        AtomicOutput.write(dir.resolve(COMPLETE), b.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** Releases the lock (the lock file stays: deleting it could let two runs lock two different files). */
    @Override
    public void close() throws IOException {
        try {
            lock.release();
        } finally {
            channel.close();
        }
    }

    private static String holder(Path lockFile) {
        try {
            return Files.readString(lockFile, StandardCharsets.US_ASCII).strip();
        } catch (IOException e) {
            return "";
        }
    }

    private static int removeLeftovers(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        int n = 0;
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, p -> TEMP.matcher(
                p.getFileName().toString().toLowerCase(Locale.ROOT)).matches())) {
            for (Path p : ds) {
                if (Files.deleteIfExists(p)) {
                    n++;
                }
            }
        }
        return n;
    }
}
