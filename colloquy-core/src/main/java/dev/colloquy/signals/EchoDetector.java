package dev.colloquy.signals;

import dev.colloquy.model.Conversation;
import dev.colloquy.step.Step;
import dev.colloquy.step.AbstractStepFactory;
import dev.colloquy.step.StepParameters;
import dev.colloquy.step.StepResult;
import dev.colloquy.step.TurnAnalyses;
import java.util.List;

/**
 * Finds turns that echo the previous turn: when at least {@code threshold} of a turn's word n-grams also occur in
 * the turn before, the turn gets an {@link Echo}. Turns shorter than {@code minNgrams} n-grams are skipped: a
 * three-word "thank you so much" says nothing about copying. Thread-safe.
 */
public final class EchoDetector implements Step {

    public static final String NAME = "echo";

    static final int DEFAULT_N = 3;
    static final double DEFAULT_THRESHOLD = 0.5;
    static final int DEFAULT_MIN_NGRAMS = 6;

    private final int n;
    private final double threshold;
    private final int minNgrams;

    public EchoDetector(int n, double threshold, int minNgrams) {
        if (n < 1 || n > 8) {
            throw new IllegalArgumentException("Step '" + NAME + "': parameter 'n' must be in 1..8, was " + n);
        }
        if (!(threshold > 0 && threshold <= 1)) {
            throw new IllegalArgumentException("Step '" + NAME + "': parameter 'threshold' must be in (0, 1], was "
                    + threshold);
        }
        if (minNgrams < 1) {
            throw new IllegalArgumentException("Step '" + NAME + "': parameter 'min_ngrams' must be >= 1, was "
                    + minNgrams);
        }
        this.n = n;
        this.threshold = threshold;
        this.minNgrams = minNgrams;
    }

    public EchoDetector() {
        this(DEFAULT_N, DEFAULT_THRESHOLD, DEFAULT_MIN_NGRAMS);
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
        Tokens[] tokens = new Tokens[c.turns().size()];
        return StepResult.kept(c.withTurnFindings(i -> {
            tokens[i] = analyses.of(Tokens.WORDS, c.turns().get(i).text());
            return i == 0 ? List.of() : echo(i, tokens[i], tokens[i - 1]);
        }));
    }

    /** The echo of turn {@code i} of the turn before, if it copies enough of it. */
    private List<Echo> echo(int i, Tokens current, Tokens previous) {
        double share = share(current, previous);
        if (share < threshold) {
            return List.of();
        }
        return List.of(new Echo(i, i - 1, Math.round(share * 1000) / 1000.0, n, threshold));
    }

    /** Share of {@code turn}'s n-grams found in {@code source}; 0 when the turn is too short to tell. */
    double share(Tokens turn, Tokens source) {
        int grams = turn.size() - n + 1;
        if (grams < minNgrams || source.size() < n) {
            return 0;
        }
        LongCounts seen = new LongCounts(source.size());
        for (int i = 0; i + n <= source.size(); i++) {
            seen.add(source.ngram(i, n));
        }
        int copied = 0;
        for (int i = 0; i < grams; i++) {
            if (seen.contains(turn.ngram(i, n))) {
                copied++;
            }
        }
        return (double) copied / grams;
    }

    /** Builds {@link EchoDetector} from {@code n}, {@code threshold} and {@code min_ngrams}. */
    public static final class Factory extends AbstractStepFactory {
        public Factory() {
            super(NAME, "Flags turns whose word n-grams are mostly copied from the previous turn.",
                    "n", "threshold", "min_ngrams");
        }

        @Override
        protected Step build(StepParameters p) {
            return new EchoDetector(p.getInt("n", DEFAULT_N), p.getDouble("threshold", DEFAULT_THRESHOLD),
                    p.getInt("min_ngrams", DEFAULT_MIN_NGRAMS));
        }
    }
}
