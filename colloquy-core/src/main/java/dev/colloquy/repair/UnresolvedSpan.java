package dev.colloquy.repair;

import dev.colloquy.model.Finding;

import java.util.List;

/**
 * A span the repair engine found damaged but left as it was, because the evidence could not decide what it was:
 * a UTF-8 sequence that lost a byte, where the best filling is not clearly likelier than another char.
 *
 * @param offset     start of the span in the output text, in code points (the span is the input's chars, unchanged)
 * @param length     length of the span, in code points
 * @param text       the span as it stands in the output
 * @param candidates the readings the engine weighed, likeliest first
 * @param reason     why it was left, for a person
 */
public record UnresolvedSpan(int offset, int length, String text, List<String> candidates, String reason)
        implements Finding {

    public UnresolvedSpan {
        candidates = List.copyOf(candidates);
    }

    @Override
    public String type() {
        return "mojibake_unresolved";
    }

    /** This span moved by {@code delta} code points (an edit before it changed the text's length). */
    UnresolvedSpan shifted(int delta) {
        return delta == 0 ? this : new UnresolvedSpan(offset + delta, length, text, candidates, reason);
    }
}
