package dev.colloquy.repair;

import java.util.List;

/**
 * The outcome of repairing one text.
 *
 * @param text       the repaired text (the input itself when nothing was changed)
 * @param repairs    every change made, in input order; empty when the text was left as it was
 * @param unresolved damaged spans left as they were because the evidence could not decide them, in output order
 */
public record RepairResult(String text, List<Repair> repairs, List<UnresolvedSpan> unresolved) {

    public RepairResult {
        repairs = List.copyOf(repairs);
        unresolved = List.copyOf(unresolved);
    }

    /** A result with no unresolved spans. */
    public RepairResult(String text, List<Repair> repairs) {
        this(text, repairs, List.of());
    }

    public boolean changed() {
        return !repairs.isEmpty();
    }

    /** Whether there is anything to report: a repair made or a span left undecided. */
    public boolean hasFindings() {
        return !repairs.isEmpty() || !unresolved.isEmpty();
    }
}
