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

    default void finished(RunSummary summary) {
    }
}
