package dev.colloquy.cli;

import dev.colloquy.model.Reason;
import dev.colloquy.model.Rejection;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** Counts of one run, and the one-paragraph summary printed to stderr. Not thread-safe. */
final class RunSummary {

    private long inputs;
    private long read;
    private long written;
    private final Map<Reason, Long> quarantined = new TreeMap<>();

    void input() {
        inputs++;
    }

    void read() {
        read++;
    }

    void written() {
        written++;
    }

    void quarantined(Rejection r) {
        quarantined.merge(r.why(), 1L, Long::sum);
    }

    long quarantinedTotal() {
        return quarantined.values().stream().mapToLong(Long::longValue).sum();
    }

    long writtenTotal() {
        return written;
    }

    long readTotal() {
        return read;
    }

    /** E.g. "read 12 records from 3 inputs; wrote 10 to out.jsonl; quarantined 2 (malformed_json 1, ...) to q.jsonl." */
    String paragraph(String command, String outputName, String quarantineName) {
        StringBuilder b = new StringBuilder();
        b.append(command).append(": read ").append(read).append(read == 1 ? " record" : " records")
                .append(" from ").append(inputs).append(inputs == 1 ? " input" : " inputs")
                .append("; wrote ").append(written).append(" to ").append(outputName);
        long q = quarantinedTotal();
        if (q == 0) {
            b.append("; quarantined none.");
        } else {
            b.append("; quarantined ").append(q).append(" (")
                    .append(quarantined.entrySet().stream().map(e -> e.getKey().code() + " " + e.getValue())
                            .collect(Collectors.joining(", ")))
                    .append(") to ").append(quarantineName).append('.');
        }
        return b.toString();
    }
}
