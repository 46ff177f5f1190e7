package dev.colloquy.pipeline;

import dev.colloquy.model.Conversation;
import dev.colloquy.model.Finding;
import dev.colloquy.model.Rejection;
import dev.colloquy.model.Turn;
import java.io.Serializable;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Counts records into {@link RunStats} and samples them into {@link RunExamples}, one record at a time in input
 * order. Engines that finish records in input order per partition (Spark) tally each partition with one of these
 * and merge the tallies in partition order, which gives the same stats and examples as a local run.
 * Not thread-safe.
 */
public final class OutcomeTally implements Serializable {

    private static final long serialVersionUID = 1L;

    private final RunStats stats = new RunStats();
    private final RunExamples examples = new RunExamples();

    /** A record set aside by the reader or a step; {@code line} is its quarantine line. */
    public void quarantined(Rejection r, String line) {
        stats.countIn();
        stats.countQuarantined(r);
        sample(r, line);
    }

    /** A record removed by dedup as a duplicate of the kept record {@code ofId}. */
    public void duplicate(Rejection r, String line, String ofId) {
        stats.countIn();
        stats.countDuplicate(r, ofId);
        sample(r, line);
    }

    /** A kept record; {@code line} is its output line. */
    public void kept(Conversation c, String line) {
        stats.countKept(c);
        keptCounted(findingTypes(c), line);
    }

    /**
     * A kept record whose {@link RunStats#countKept} is already in this tally's stats (the local engine counts on
     * its workers and merges their counts in): counts it in and samples it under its {@link #findingTypes}.
     */
    void keptCounted(Set<String> findingTypes, String line) {
        stats.countIn();
        for (String type : findingTypes) {
            if (examples.wantsFinding(type)) {
                examples.addFinding(type, line);
            }
        }
    }

    public RunStats stats() {
        return stats;
    }

    public RunExamples examples() {
        return examples;
    }

    /** Adds a tally of LATER records (examples keep the earliest). */
    public void merge(OutcomeTally later) {
        stats.merge(later.stats);
        examples.merge(later.examples);
    }

    private void sample(Rejection r, String line) {
        String key = r.step() + "/" + r.why().code();
        if (examples.wantsQuarantined(key)) {
            examples.addQuarantined(key, line);
        }
    }

    /** The types of {@code c}'s findings, its own and its turns'. */
    static Set<String> findingTypes(Conversation c) {
        Set<String> types = new LinkedHashSet<>();
        for (Finding f : c.findings()) {
            types.add(f.type());
        }
        for (Turn t : c.turns()) {
            for (Finding f : t.findings()) {
                types.add(f.type());
            }
        }
        return types;
    }
}
