package dev.colloquy.signals;

import dev.colloquy.model.Conversation;
import dev.colloquy.model.Turn;
import dev.colloquy.step.Step;
import dev.colloquy.step.StepFactory;
import dev.colloquy.step.StepParameters;
import dev.colloquy.step.StepResult;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Finds degenerate repetition inside a turn with the Gopher rules and attaches a {@link Repetition} to each turn
 * that breaks at least one. Thread-safe.
 */
public final class RepetitionDetector implements Step {

    /*
     * Gopher (Rae et al. 2021, "Scaling Language Models", table A1) removes a document when
     *   duplicate lines / lines > 0.30, characters in duplicate lines > 0.20,
     *   duplicate paragraphs / paragraphs > 0.30, characters in duplicate paragraphs > 0.20,
     *   the most frequent 2/3/4-gram covers > 0.20/0.18/0.16 of word characters,
     *   characters inside repeated 5..10-grams > 0.15, 0.14, 0.13, 0.12, 0.11, 0.10.
     * We apply the same thresholds per turn, scaled by `scale` (1.0 = Gopher). The n-gram rules are noisy on
     * short text (in a ten-word turn one repeated bigram is 20%), so they apply only from minWords words, and the
     * line and paragraph rules only from three lines or paragraphs. Tokens are those of Tokens (one per CJK
     * character), so the rules work without a word segmenter.
     */

    public static final String NAME = "repetition";

    private static final java.util.regex.Pattern PARAGRAPH_BREAK = java.util.regex.Pattern.compile("\n\\s*\n");
    private static final double[] TOP = {0.20, 0.18, 0.16};
    private static final double[] DUP = {0.15, 0.14, 0.13, 0.12, 0.11, 0.10};

    private final int minWords;
    private final double scale;

    public RepetitionDetector(int minWords, double scale) {
        if (minWords < 10) {
            throw new IllegalArgumentException("Step '" + NAME + "': parameter 'min_words' must be >= 10, was "
                    + minWords);
        }
        if (!(scale > 0 && scale <= 5)) {
            throw new IllegalArgumentException("Step '" + NAME + "': parameter 'threshold_scale' must be in (0, 5], was "
                    + scale);
        }
        this.minWords = minWords;
        this.scale = scale;
    }

    public RepetitionDetector() {
        this(50, 1.0);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public StepResult apply(Conversation c) {
        List<Turn> turns = c.turns();
        List<Turn> out = null;
        for (int i = 0; i < turns.size(); i++) {
            Repetition r = measure(i, turns.get(i).text());
            if (r != null) {
                if (out == null) {
                    out = new ArrayList<>(turns);
                }
                out.set(i, turns.get(i).withFindings(List.of(r)));
            }
        }
        return StepResult.kept(out == null ? c : c.withTurns(out));
    }

    /** The measures of one text, or null when no rule is broken. */
    Repetition measure(int turn, String text) {
        Repetition r = evaluate(turn, text, false);
        // The quick pass may put upper bounds in place of measures it could skip; a turn that breaks a rule
        // is measured again in full, so reported figures are always exact.
        return r == null ? null : evaluate(turn, text, true);
    }

    /*
     * Skipping, when not exact: characters inside repeated (n+1)-grams are inside repeated n-grams too, so the
     * duplicate fractions fall as n grows, and the most frequent (n+1)-gram occurs at most as often as the most
     * frequent n-gram; an upper bound below every remaining threshold ends the counting.
     */
    private Repetition evaluate(int turn, String text, boolean exact) {
        List<String> exceeded = new ArrayList<>();
        double[] lines = duplicates(text.split("\n"));
        double[] paragraphs = duplicates(PARAGRAPH_BREAK.split(text));
        check(exceeded, "dup_line_frac", lines[0], 0.30, lines[2] >= 3);
        check(exceeded, "dup_line_char_frac", lines[1], 0.20, lines[2] >= 3);
        check(exceeded, "dup_para_frac", paragraphs[0], 0.30, paragraphs[2] >= 3);
        check(exceeded, "dup_para_char_frac", paragraphs[1], 0.20, paragraphs[2] >= 3);

        Tokens t = Tokens.of(text);
        int total = t.chars(0, t.size());
        boolean enough = t.size() >= minWords && total > 0;
        Grams g = enough ? new Grams(t) : null;
        List<Double> top = new ArrayList<>(3);
        List<Double> dup = new ArrayList<>(6);
        int bestCount = Integer.MAX_VALUE;
        for (int n = 2; n <= 4; n++) {
            double f = 0;
            if (enough) {
                double bound = bestCount == Integer.MAX_VALUE ? 1.0
                        : Math.min(1.0, (double) bestCount * longest(t, n) / total);
                if (exact || bound > Math.min(1.0, TOP[n - 2] * scale)) {
                    f = topNgramFraction(g, n, total);
                    bestCount = g.best;
                } else {
                    f = bound;
                }
            }
            top.add(round(f));
            check(exceeded, "top_" + n + "gram_char_frac", f, TOP[n - 2], enough);
        }
        double floor = Math.min(1.0, DUP[DUP.length - 1] * scale);
        double f = enough ? duplicateNgramFraction(g, 5, total) : 0;
        for (int n = 5; n <= 10; n++) {
            if (n > 5 && enough && (exact || f > floor)) {
                f = duplicateNgramFraction(g, n, total);
            }
            dup.add(round(f));
            check(exceeded, "dup_" + n + "gram_char_frac", f, DUP[n - 5], enough);
        }
        if (exceeded.isEmpty()) {
            return null;
        }
        return new Repetition(turn, round(lines[0]), round(lines[1]), round(paragraphs[0]), round(paragraphs[1]),
                top, dup, exceeded);
    }

    /** Characters of the longest run of n tokens. */
    private static int longest(Tokens t, int n) {
        int best = 0;
        int window = 0;
        for (int i = 0; i < t.size(); i++) {
            window += t.length(i);
            if (i >= n) {
                window -= t.length(i - n);
            }
            best = Math.max(best, window);
        }
        return best;
    }

    private void check(List<String> exceeded, String rule, double value, double threshold, boolean applies) {
        double limit = Math.min(1.0, threshold * scale);
        if (applies && value > limit) {
            exceeded.add(rule + ">" + String.format(Locale.ROOT, "%.2f", limit));
        }
    }

    /** {duplicate fraction, duplicate char fraction, number of non-blank parts}. */
    private static double[] duplicates(String[] parts) {
        Set<String> seen = new HashSet<>();
        int count = 0;
        int dup = 0;
        long chars = 0;
        long dupChars = 0;
        for (String raw : parts) {
            String p = raw.strip();
            if (p.isEmpty()) {
                continue;
            }
            count++;
            chars += p.length();
            if (!seen.add(p)) {
                dup++;
                dupChars += p.length();
            }
        }
        return count == 0 ? new double[] {0, 0, 0}
                : new double[] {(double) dup / count, (double) dupChars / chars, count};
    }

    /** Per-text working state: the n-gram hashes of the current n and one reusable counter. */
    private static final class Grams {
        final Tokens t;
        final long[] hashes;
        final LongCounts counts;
        int n;
        int best;

        Grams(Tokens t) {
            this.t = t;
            this.hashes = new long[t.size()];
            this.counts = new LongCounts(t.size());
        }

        /** Moves on to n-grams of length {@code target}; n only grows. */
        int advance(int target) {
            while (n < target) {
                n++;
                t.extendNgrams(hashes, n);
            }
            counts.clear();
            int grams = t.size() - n + 1;
            for (int i = 0; i < grams; i++) {
                counts.add(hashes[i]);
            }
            return grams;
        }
    }

    private static double topNgramFraction(Grams g, int n, int total) {
        int grams = g.advance(n);
        int best = 0;
        int bestAt = 0;
        for (int i = 0; i < grams; i++) {
            int k = g.counts.get(g.hashes[i]);
            if (k > best) {
                best = k;
                bestAt = i;
            }
        }
        g.best = best;
        return best < 2 ? 0 : Math.min(1.0, (double) best * g.t.chars(bestAt, n) / total);
    }

    private static double duplicateNgramFraction(Grams g, int n, int total) {
        int grams = g.advance(n);
        if (grams < 2) {
            return 0;
        }
        Tokens t = g.t;
        int chars = 0;
        int coveredUpTo = 0;
        for (int i = 0; i < grams; i++) {
            if (g.counts.get(g.hashes[i]) > 1) {
                for (int k = Math.max(i, coveredUpTo); k < i + n; k++) {
                    chars += t.length(k);
                }
                coveredUpTo = Math.max(coveredUpTo, i + n);
            }
        }
        return (double) chars / total;
    }

    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }

    /** Builds {@link RepetitionDetector} from {@code min_words} and {@code threshold_scale}. */
    public static final class Factory implements StepFactory {
        @Override
        public String name() {
            return NAME;
        }

        @Override
        public String description() {
            return "Flags turns that repeat lines, paragraphs or n-grams beyond the Gopher thresholds.";
        }

        @Override
        public Set<String> parameters() {
            return Set.of("min_words", "threshold_scale");
        }

        @Override
        public Step create(StepParameters p) {
            int minWords = p.getInt("min_words", 50);
            double scale = p.getDouble("threshold_scale", 1.0);
            p.requireAllConsumed(parameters());
            return new RepetitionDetector(minWords, scale);
        }
    }
}
