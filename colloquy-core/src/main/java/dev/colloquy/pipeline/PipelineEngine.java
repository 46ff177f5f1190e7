package dev.colloquy.pipeline;

import java.io.IOException;
import java.util.Map;

/**
 * An engine that runs a whole pipeline somewhere other than this process's threads (Apache Spark). Found with
 * {@link java.util.ServiceLoader} by {@link #name()}, so the command line needs no compile-time dependency on
 * the engine: {@code colloquy run PIPELINE.yaml --engine spark} works when the engine's jar is on the classpath.
 * An engine must produce the same kept set, quarantine and stats as {@link LocalRunner} for the same input.
 */
public interface PipelineEngine {

    /** The name given to {@code --engine}. */
    String name();

    /**
     * Runs the pipeline and writes the outputs into {@code config.output().dir()}.
     *
     * @param options engine options from the command line, e.g. {@code master=local[2]}
     */
    RunSummary run(PipelineConfig config, Map<String, String> options) throws IOException;
}
