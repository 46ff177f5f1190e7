package dev.colloquy.step;

/**
 * Something several steps read of a turn's text (its word tokens, say), made by a pure function of the text alone.
 * Steps that share one hold the same instance (a constant), and read it through {@link TurnAnalyses}, which makes
 * it once per text for all the steps of a chain.
 *
 * @param <A> what the analysis gives; immutable, since the steps that read it share it
 */
@FunctionalInterface
public interface TurnAnalysis<A> {

    /** The analysis of {@code text}; the same text always gives an equal answer. */
    A of(String text);
}
