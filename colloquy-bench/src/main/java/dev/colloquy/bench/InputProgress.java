package dev.colloquy.bench;

import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Per-thread position in a benchmark's input and the bytes processed, which JMH reports as a rate (the
 * {@code bytes} counter). The throughput benchmarks (repair, language, signals) cycle through their inputs
 * with it, so they measure and report bytes the same way.
 */
@State(Scope.Thread)
@AuxCounters(AuxCounters.Type.OPERATIONS)
public class InputProgress {
    private int next;
    public long bytes;

    @Setup(Level.Iteration)
    public void reset() {
        bytes = 0;
    }

    /**
     * The index of the next input, cycling through {@code sizes.length} of them, with its size in bytes counted.
     * Package-private: JMH would report a public method returning a number as a counter.
     */
    int advance(int[] sizes) {
        int i = next;
        next = i + 1 == sizes.length ? 0 : i + 1;
        bytes += sizes[i];
        return i;
    }
}
