package dev.colloquy.signals;

import dev.colloquy.model.Finding;

/**
 * Personal data found in a turn by {@link PiiDetector}. Carries where it is, never the value itself, so findings
 * can be logged and shipped without leaking it.
 *
 * @param turn  the turn (0-based)
 * @param kind  what it is
 * @param start start offset in the turn's text, in code points
 * @param end   end offset (exclusive), in code points
 */
public record Pii(int turn, PiiKind kind, int start, int end) implements Finding {

    @Override
    public String type() {
        return "pii";
    }
}
