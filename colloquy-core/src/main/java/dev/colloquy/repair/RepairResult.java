package dev.colloquy.repair;

import java.util.List;

/**
 * The outcome of repairing one text.
 *
 * @param text    the repaired text (the input itself when nothing was changed)
 * @param repairs every change made, in input order; empty when the text was left as it was
 */
public record RepairResult(String text, List<Repair> repairs) {

    public RepairResult {
        repairs = List.copyOf(repairs);
    }

    public boolean changed() {
        return !repairs.isEmpty();
    }
}
