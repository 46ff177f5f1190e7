package dev.colloquy.pipeline;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;

/**
 * The outcome of a finished run, handed to the report and the command's final summary.
 *
 * @param stats       the counts over the whole input
 * @param examples    sample records for the report
 * @param timings     seconds spent per phase and per step in this process (a resumed run times only its part)
 * @param outputs     the files written, relative to the output directory
 * @param inputBytes  bytes of (decompressed) input read by this process
 * @param seconds     wall-clock seconds of this process's run
 */
public record RunSummary(RunStats stats, RunExamples examples, Map<String, Double> timings, List<String> outputs,
                         long inputBytes, double seconds) {

    public RunSummary {
        timings = Map.copyOf(timings);
        outputs = List.copyOf(outputs);
    }

    /** {@code stats.json}: the stats plus a {@code timings} object (the only part that varies between runs). */
    public ObjectNode toJson() {
        ObjectNode root = stats.toJson();
        ObjectNode t = root.putObject("timings");
        new java.util.TreeMap<>(timings).forEach(t::put);
        return root;
    }
}
