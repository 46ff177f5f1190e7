package dev.colloquy.pipeline;

import java.io.IOException;
import java.util.Map;

/**
 * Runs a whole pipeline: {@code local} on this process's threads, {@code spark} on Apache Spark. Engines are
 * chosen by {@link #name()} through {@link PipelineEngines}; all but {@code local} are found with
 * {@link java.util.ServiceLoader}, so neither core nor the command line depends on an engine at compile time:
 * {@code --engine spark} works when the engine's jar is on the classpath. An engine must produce the same kept
 * set, quarantine and stats as {@code local} for the same input.
 */
public interface PipelineEngine {

    /** The name given to {@code --engine}. */
    String name();

    /**
     * Runs the pipeline and writes the outputs into {@code config.output().dir()}. Throws {@link ConfigException}
     * for an unusable setup and {@link IOException} when the outputs cannot be written.
     */
    RunSummary run(PipelineConfig config, RunOptions options) throws IOException;

    /** Runs afresh, without a listener, with these engine options (e.g. {@code master=local[2]}). */
    default RunSummary run(PipelineConfig config, Map<String, String> engineOptions) throws IOException {
        return run(config, new RunOptions(false, RunListener.NONE, engineOptions));
    }
}
