package dev.colloquy.pipeline;

/** Hears how a run advances, for progress displays. Called from the runner's coordinating thread. */
public interface RunListener {

    RunListener NONE = new RunListener() {
    };

    /** @param totalBytes the size of all inputs as stored, or -1 when unknown */
    default void started(long totalBytes) {
    }

    /** Records finished so far (read, processed and written) and input bytes read so far. */
    default void progress(long records, long bytesRead) {
    }

    /**
     * A line about how the run advances that is not a record count, shown as it comes: the Spark engine's phases
     * and stages (tasks done, records read and kept so far), where records finish in bulk at the end.
     */
    default void note(String line) {
    }

    default void finished(RunSummary summary) {
    }
}
