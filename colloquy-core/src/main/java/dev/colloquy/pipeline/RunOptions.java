package dev.colloquy.pipeline;

import java.util.Map;
import java.util.Objects;

/**
 * How to run a pipeline, beside what {@link PipelineConfig} says: resume from checkpoints, who hears progress,
 * and options only one engine understands (Spark's {@code master}, {@code parquet}).
 *
 * @param resume   continue an interrupted run from its checkpoints in the output directory
 * @param listener hears how the run advances; {@link RunListener#NONE} for nobody
 * @param engine   engine-specific options by name; an engine ignores the ones it does not know
 */
public record RunOptions(boolean resume, RunListener listener, Map<String, String> engine) {

    public RunOptions {
        Objects.requireNonNull(listener, "listener");
        engine = Map.copyOf(engine);
    }

    /** A fresh run, no listener, no engine options. */
    public static RunOptions defaults() {
        return new RunOptions(false, RunListener.NONE, Map.of());
    }
}
