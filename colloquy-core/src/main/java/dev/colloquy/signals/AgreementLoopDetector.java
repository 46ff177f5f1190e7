package dev.colloquy.signals;

import dev.colloquy.model.Conversation;
import dev.colloquy.model.Turn;
import dev.colloquy.step.Step;
import dev.colloquy.step.AbstractStepFactory;
import dev.colloquy.step.StepParameters;
import dev.colloquy.step.StepResult;
import dev.colloquy.step.TurnAnalyses;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Finds agreement loops: runs of at least {@code minTurns} consecutive turns that each add little new content
 * and agree, praise, toast or thank. Each run becomes one {@link AgreementLoop} on the conversation. Thread-safe.
 */
public final class AgreementLoopDetector implements Step {

    /*
     * Novelty of a turn = share of its distinct content tokens not seen in any earlier turn. Content tokens are
     * words of at least four code points, or, in scripts written without spaces, character bigrams; the length
     * rule drops most function words in any alphabetic language without a stop list. Novelty falls naturally as
     * a conversation goes on (its vocabulary saturates), so novelty alone cannot find a loop; the cue lexicon
     * (AgreementCues) alone cannot either, since ordinary replies open with "Absolutely." A turn is loop-like
     * when its agreement strength is at least minAgreement AND its novelty is below maxNovelty; a loop is a run
     * of at least minTurns loop-like turns. The score is the mean of strength * (1 - novelty) over the run.
     * On the seed, turns 14..19 are loop-like (novelty 0.17-0.34 with "well said", "here's to", "amen"), while
     * turn 6 opens with "Absolutely" at novelty 0.38 and stands alone.
     */

    public static final String NAME = "agreement_loop";

    static final int DEFAULT_MIN_TURNS = 3;
    static final double DEFAULT_MAX_NOVELTY = 0.36;
    static final double DEFAULT_MIN_AGREEMENT = 0.5;

    private final int minTurns;
    private final double maxNovelty;
    private final double minAgreement;
    private static final AgreementCues CUES = new AgreementCues();

    public AgreementLoopDetector(int minTurns, double maxNovelty, double minAgreement) {
        if (minTurns < 2) {
            throw new IllegalArgumentException("Step '" + NAME + "': parameter 'min_turns' must be >= 2, was "
                    + minTurns);
        }
        if (!(maxNovelty > 0 && maxNovelty <= 1)) {
            throw new IllegalArgumentException("Step '" + NAME + "': parameter 'max_novelty' must be in (0, 1], was "
                    + maxNovelty);
        }
        if (!(minAgreement > 0 && minAgreement <= 1)) {
            throw new IllegalArgumentException("Step '" + NAME
                    + "': parameter 'min_agreement' must be in (0, 1], was " + minAgreement);
        }
        this.minTurns = minTurns;
        this.maxNovelty = maxNovelty;
        this.minAgreement = minAgreement;
    }

    public AgreementLoopDetector() {
        this(DEFAULT_MIN_TURNS, DEFAULT_MAX_NOVELTY, DEFAULT_MIN_AGREEMENT);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public StepResult apply(Conversation c) {
        return apply(c, new TurnAnalyses());
    }

    @Override
    public StepResult apply(Conversation c, TurnAnalyses analyses) {
        List<Turn> turns = c.turns();
        // grows as needed: a fixed 1,024 made 24 kB per conversation, the largest allocation of the README pipeline
        LongCounts seen = new LongCounts(64);
        double[] novelty = new double[turns.size()];
        double[] strength = new double[turns.size()];
        List<List<String>> found = new ArrayList<>();
        for (int i = 0; i < turns.size(); i++) {
            Tokens t = analyses.of(Tokens.WORDS, turns.get(i).text());
            List<String> cueList = new ArrayList<>();
            strength[i] = CUES.strength(t, cueList);
            found.add(cueList);
            long[] keys = contentKeys(turns.get(i).text(), t);
            // a turn that agrees too little is never loop-like, whatever its novelty: only its words are remembered
            novelty[i] = strength[i] >= minAgreement ? unseenShare(keys, seen) : Double.NaN;
            for (long key : keys) {
                seen.add(key);
            }
        }
        List<AgreementLoop> loops = new ArrayList<>();
        int runStart = -1;
        for (int i = 0; i <= turns.size(); i++) {
            boolean loopLike = i < turns.size() && strength[i] >= minAgreement && novelty[i] < maxNovelty;
            if (loopLike && runStart < 0) {
                runStart = i;
            } else if (!loopLike && runStart >= 0) {
                if (i - runStart >= minTurns) {
                    loops.add(loop(runStart, i, novelty, strength, found));
                }
                runStart = -1;
            }
        }
        return StepResult.kept(c.withFindings(loops));
    }

    private static AgreementLoop loop(int from, int to, double[] novelty, double[] strength,
                                      List<List<String>> found) {
        List<Integer> idx = new ArrayList<>();
        List<Double> nov = new ArrayList<>();
        List<List<String>> cueLists = new ArrayList<>();
        double sum = 0;
        for (int i = from; i < to; i++) {
            idx.add(i);
            nov.add(Math.round(novelty[i] * 1000) / 1000.0);
            cueLists.add(found.get(i));
            sum += strength[i] * (1 - novelty[i]);
        }
        return new AgreementLoop(idx, Math.round(sum / (to - from) * 1000) / 1000.0, nov, cueLists);
    }

    /**
     * The turn's content tokens, in order and with repeats, as keys: a word of at least four code points is its
     * hash; a character of a script written without spaces is the bigram it starts with the next token, when that
     * is one too (a lone character, or one before a word or a symbol, counts for nothing).
     */
    private static long[] contentKeys(String text, Tokens t) {
        long[] keys = new long[t.size()];
        int count = 0;
        for (int i = 0; i < t.size(); i++) {
            // such a character is a token of its own, one code point
            if (Tokens.isSingleCharScript(text.codePointAt(t.start(i)))) {
                if (i + 1 < t.size() && Tokens.isSingleCharScript(text.codePointAt(t.start(i + 1)))) {
                    keys[count++] = t.ngram(i, 2);
                }
            } else if (isContentWord(text, t, i)) {
                keys[count++] = t.hash(i);
            }
        }
        return Arrays.copyOf(keys, count);
    }

    /** Share of the turn's distinct content tokens ({@code keys}) not in {@code seen}; 1 when it has none. */
    private static double unseenShare(long[] keys, LongCounts seen) {
        LongCounts mine = new LongCounts(keys.length);
        int distinct = 0;
        int fresh = 0;
        for (long key : keys) {
            if (mine.add(key) == 1) {
                distinct++;
                if (!seen.contains(key)) {
                    fresh++;
                }
            }
        }
        return distinct == 0 ? 1.0 : (double) fresh / distinct;
    }

    /**
     * Whether token {@code i} is a word of at least four code points: certain from eight UTF-16 units (a code
     * point takes at most two), impossible below four, and only in between are the code points counted.
     */
    private static boolean isContentWord(String text, Tokens t, int i) {
        int length = t.length(i);
        return length >= 8 || length >= 4 && text.codePointCount(t.start(i), t.start(i) + length) >= 4;
    }

    /** Builds {@link AgreementLoopDetector} from {@code min_turns}, {@code max_novelty}, {@code min_agreement}. */
    public static final class Factory extends AbstractStepFactory {
        public Factory() {
            super(NAME, "Finds runs of turns that add little new content and mostly agree, praise, toast or thank.",
                    "min_turns", "max_novelty", "min_agreement");
        }

        @Override
        protected Step build(StepParameters p) {
            return new AgreementLoopDetector(p.getInt("min_turns", DEFAULT_MIN_TURNS),
                    p.getDouble("max_novelty", DEFAULT_MAX_NOVELTY), p.getDouble("min_agreement", DEFAULT_MIN_AGREEMENT));
        }
    }
}
