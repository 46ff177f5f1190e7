package dev.colloquy.repair;

/**
 * A character-level language model, as the lossy repair needs it: given the line it sits in (the
 * sample, for its scripts and languages), how likely is a code point after some preceding text.
 */
interface CharModel {

    /** A scorer for one line; not shared across threads. */
    Scorer scorer(CharSequence sample);

    /**
     * Natural-log probability of {@code run}, a run of Chinese or Japanese letters, as the words it splits into best
     * (the dictionary's words, {@link CjkDictionary#splitCost}); 0 for a model that knows no words. Unlike {@link
     * Scorer#logProb} chained over the run, it counts each char once, in one word: the chain rewards every prefix
     * that is a word of its own (ハッ, ハット before ワーク) where the run is one word (ネットワーク).
     */
    default double wordsLogProb(CharSequence run) {
        return 0;
    }

    interface Scorer {
        /**
         * Natural-log probability of {@code cp} right after {@code preceding}; -infinity if impossible, as a code
         * point that is not assigned (or a surrogate or noncharacter, {@link CharLikelihood#isAssigned}) is after
         * any text: the lossy filler does not ask about those.
         */
        double logProb(CharSequence preceding, int cp);

        /**
         * {@link #logProb} of each of {@code cps[0..n)} right after the same {@code preceding}, into {@code out}: the
         * same doubles, asked together so that a scorer can read what the questions share (the left context, the
         * quote open in it) once. The lossy filler asks this of every filling of a hole, and the joint search of
         * every filling after each hypothesis.
         */
        default void logProbs(CharSequence preceding, int[] cps, int n, double[] out) {
            for (int k = 0; k < n; k++) {
                out[k] = logProb(preceding, cps[k]);
            }
        }
    }
}
