package dev.colloquy.signals;

import dev.colloquy.model.Finding;

/**
 * One value replaced by {@link PiiRedactor}. The span is that of the placeholder in the redacted text; the
 * value itself is not kept.
 *
 * @param turn        the turn (0-based)
 * @param kind        what was replaced
 * @param start       start of the placeholder in the redacted text, in code points
 * @param end         end of the placeholder (exclusive), in code points
 * @param placeholder the placeholder, e.g. {@code <EMAIL_1>}; the same value gets the same one in every turn
 */
public record PiiRedaction(int turn, PiiKind kind, int start, int end, String placeholder) implements Finding {

    @Override
    public String type() {
        return "pii_redacted";
    }
}
