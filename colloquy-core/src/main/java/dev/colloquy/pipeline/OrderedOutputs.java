package dev.colloquy.pipeline;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes a run's outputs from lines that arrive already in input order, for engines other than
 * {@link LocalRunner} (Spark streams its sorted result to the driver through this). The lines go through the
 * same work directory and {@link OutputAssembler} as a local run, so sharding, compression, atomic renames and
 * the bytes written are identical. Not thread-safe: one writer, lines in order.
 */
public final class OrderedOutputs implements AutoCloseable {

    private final Path out;
    private final PipelineConfig.OutputSpec spec;
    private final WorkDir work;
    private final LineJournal kept;
    private final LineJournal quarantine;
    private long keptLines;

    public OrderedOutputs(Path out, PipelineConfig.OutputSpec spec) throws IOException {
        this.out = out;
        this.spec = spec;
        Files.createDirectories(out);
        this.work = new WorkDir(out);
        work.open("ordered-outputs", false);
        this.kept = LineJournal.open(work.journal("kept"), 0, 0);
        this.quarantine = LineJournal.open(work.journal("quarantine"), 0, 0);
    }

    public void kept(String line) throws IOException {
        kept.write(line);
        keptLines++;
    }

    public void quarantined(String line) throws IOException {
        quarantine.write(line);
    }

    /** Commits the lines and assembles {@code kept*} and {@code quarantine.jsonl}; returns the files written. */
    public List<String> finish() throws IOException {
        return new OutputAssembler(out, spec).assemble(kept, quarantine);
    }

    /** Kept records written (lines for JSON formats). */
    public long keptRecords() {
        return keptLines;
    }

    /** Writes {@code stats.json}; every engine writes it here, so its bytes do not depend on the engine. */
    public static void writeStats(Path out, RunSummary summary) throws IOException {
        AtomicOutput.write(out.resolve("stats.json"), (new com.fasterxml.jackson.databind.ObjectMapper()
                .writerWithDefaultPrettyPrinter().writeValueAsString(summary.toJson()) + "\n")
                .getBytes(StandardCharsets.UTF_8));
    }

    /** Runs every {@link RunReport} on the classpath; every engine's reports are written here. */
    public static void writeReports(Path out, RunSummary summary) throws IOException {
        for (RunReport report : java.util.ServiceLoader.load(RunReport.class)) {
            report.write(out, summary);
        }
    }

    @Override
    public void close() throws IOException {
        kept.close();
        quarantine.close();
        work.delete();
    }
}
