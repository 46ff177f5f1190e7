package dev.colloquy.pipeline;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A pipeline ready to run: a loaded {@link PipelineConfig} plus what a caller changes about it (inputs, output
 * directory, threads) and how to run it (engine, resume, listener). Immutable: each setter returns a new run, so
 * one loaded pipeline can be run on several inputs.
 *
 * <pre>{@code
 * RunSummary summary = Colloquy.pipeline(Path.of("pipeline.yaml"))
 *         .inputs("data/")
 *         .output(Path.of("out"))
 *         .run();
 * }</pre>
 */
public final class PipelineRun {

    private final PipelineConfig config;
    private final String engine;
    private final boolean resume;
    private final RunListener listener;
    private final Map<String, String> engineOptions;

    private PipelineRun(PipelineConfig config, String engine, boolean resume, RunListener listener,
                        Map<String, String> engineOptions) {
        this.config = config;
        this.engine = engine;
        this.resume = resume;
        this.listener = listener;
        this.engineOptions = Map.copyOf(engineOptions);
    }

    /** Runs {@code config} as written, on the {@code local} engine. */
    public static PipelineRun of(PipelineConfig config) {
        Objects.requireNonNull(config, "config");
        return new PipelineRun(config, LocalEngine.NAME, false, RunListener.NONE, Map.of());
    }

    /** Reads these files, directories or globs instead of the config's {@code input.paths}. */
    public PipelineRun inputs(String... paths) {
        return inputs(List.of(paths));
    }

    /** Reads these files, directories or globs instead of the config's {@code input.paths}. */
    public PipelineRun inputs(List<String> paths) {
        return with(config.withInputs(paths));
    }

    /** Writes into {@code dir} instead of the config's {@code output.dir}. */
    public PipelineRun output(Path dir) {
        return with(config.withOutputDir(dir.toString()));
    }

    /** Uses {@code threads} worker threads on the local engine; 0 uses every core. */
    public PipelineRun threads(int threads) {
        if (threads < 0) {
            throw new IllegalArgumentException("threads must be >= 0, was " + threads);
        }
        return with(config.withThreads(threads));
    }

    /** Runs on the engine called {@code name} ({@code local} by default, {@code spark} with colloquy-spark). */
    public PipelineRun engine(String name) {
        return new PipelineRun(config, Objects.requireNonNull(name, "engine"), resume, listener, engineOptions);
    }

    /** An option only some engine understands, e.g. Spark's {@code master}; other engines ignore it. */
    public PipelineRun engineOption(String key, String value) {
        Map<String, String> options = new LinkedHashMap<>(engineOptions);
        options.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
        return new PipelineRun(config, engine, resume, listener, options);
    }

    /** Continues an interrupted run from its checkpoints instead of starting afresh. */
    public PipelineRun resume(boolean on) {
        return new PipelineRun(config, engine, on, listener, engineOptions);
    }

    /** Tells {@code l} how the run advances. */
    public PipelineRun listener(RunListener l) {
        return new PipelineRun(config, engine, resume, Objects.requireNonNull(l, "listener"), engineOptions);
    }

    /** The configuration this run will use, with the changes made here. */
    public PipelineConfig config() {
        return config;
    }

    /**
     * Runs the pipeline and returns its summary; the outputs are in the output directory. Throws
     * {@link ConfigException} for an unusable setup (no inputs, no output directory),
     * {@link IllegalArgumentException} for an engine that is not on the classpath, and {@link IOException} when
     * the outputs cannot be written.
     */
    public RunSummary run() throws IOException {
        return PipelineEngines.named(engine).run(config, new RunOptions(resume, listener, engineOptions));
    }

    private PipelineRun with(PipelineConfig changed) {
        return new PipelineRun(changed, engine, resume, listener, engineOptions);
    }
}
