package dev.colloquy.step;

import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * The analyses of one conversation's turn texts that its steps share, handed down the chain with the
 * conversation: the first step that asks for an analysis of a text makes it, the steps after read it. A step that
 * changes a turn's text (a repair, a redaction) makes the new text a new entry, so no step ever reads the analysis
 * of a text that is no longer there. The pipeline's step chain makes one per conversation it runs; a
 * step applied alone makes its own. Not thread-safe: one conversation, one thread.
 */
public final class TurnAnalyses {

    private Map<TurnAnalysis<?>, Map<String, Object>> made;

    /** {@code analysis} of {@code text}, made now if no step of this conversation asked for it before. */
    @SuppressWarnings("unchecked")
    public <A> A of(TurnAnalysis<A> analysis, String text) {
        if (made == null) {
            made = new IdentityHashMap<>(4);
        }
        Map<String, Object> byText = made.computeIfAbsent(analysis, k -> new HashMap<>());
        Object a = byText.get(text);
        if (a == null) {
            a = analysis.of(text);
            byText.put(text, a);
        }
        return (A) a;
    }
}
