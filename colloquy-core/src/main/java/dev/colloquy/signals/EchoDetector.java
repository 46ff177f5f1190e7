package dev.colloquy.signals;

import dev.colloquy.model.Conversation;
import dev.colloquy.model.Turn;
import dev.colloquy.step.Step;
import dev.colloquy.step.StepFactory;
import dev.colloquy.step.StepParameters;
import dev.colloquy.step.StepResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Finds turns that echo the previous turn: when at least {@code threshold} of a turn's word n-grams also occur in
 * the turn before, the turn gets an {@link Echo}. Turns shorter than {@code minNgrams} n-grams are skipped: a
 * three-word "thank you so much" says nothing about copying. Thread-safe.
 */
public final class EchoDetector implements Step {

    public static final String NAME = "echo";

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
        this(3, 0.5, 6);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public StepResult apply(Conversation c) {
        List<Turn> turns = c.turns();
        List<Turn> out = null;
        Tokens previous = null;
        for (int i = 0; i < turns.size(); i++) {
            Tokens current = Tokens.of(turns.get(i).text());
            if (previous != null) {
                double share = share(current, previous);
                if (share >= threshold) {
                    if (out == null) {
                        out = new ArrayList<>(turns);
                    }
                    Echo e = new Echo(i, i - 1, Math.round(share * 1000) / 1000.0, n, threshold);
                    out.set(i, turns.get(i).withFindings(List.of(e)));
                }
            }
            previous = current;
        }
        return StepResult.kept(out == null ? c : c.withTurns(out));
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
    public static final class Factory implements StepFactory {
        @Override
        public String name() {
            return NAME;
        }

        @Override
        public String description() {
            return "Flags turns whose word n-grams are mostly copied from the previous turn.";
        }

        @Override
        public Set<String> parameters() {
            return Set.of("n", "threshold", "min_ngrams");
        }

        @Override
        public Step create(StepParameters p) {
            int n = p.getInt("n", 3);
            double threshold = p.getDouble("threshold", 0.5);
            int min = p.getInt("min_ngrams", 6);
            p.requireAllConsumed(parameters());
            return new EchoDetector(n, threshold, min);
        }
    }
}
