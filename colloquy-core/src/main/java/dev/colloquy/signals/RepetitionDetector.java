package dev.colloquy.signals;

import dev.colloquy.model.Conversation;
import dev.colloquy.step.Step;
import dev.colloquy.step.AbstractStepFactory;
import dev.colloquy.step.StepParameters;
import dev.colloquy.step.StepResult;
import dev.colloquy.step.TurnAnalyses;
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
     * Those thresholds were made for web documents of hundreds of words. A chat turn is mostly 10-60 words,
     * and there one phrase said twice is a fifth of the text: on clean turns of real documentation prose in
     * 29 languages (bench/repetition-calibration.sh) 13% of 50-100-word turns exceed 0.15 for 5-grams, from
     * parallel sentences ("Use FILE as the copy for passwd. Use FILE as the copy for group."), and in
     * Han/kana text, where every character is a token, more. So, per turn:
     *   - the n-gram rules apply only from minWords (200) tokens, where chance repeats are a small share;
     *   - the line and paragraph rules count only parts with a letter or digit (not ``` or "}"), apply from
     *     three such parts, and need two duplicates, so one line said twice in three is not a loop;
     *   - a rule made for turns of any length catches what a looping generator writes in a short turn: the
     *     same text of 1..MAX_PERIOD tokens (or longer, see longestRun) four or more times back to back,
     *     covering at least minRunTokens (12) tokens ("is specified or is specified or is specified or ...").
     *     Prose does not do this; lists repeat a frame with a different slot each time, which breaks the run.
     * scale multiplies the Gopher thresholds (1.0 = Gopher). Tokens are those of Tokens (one per CJK
     * character), so the rules work without a word segmenter.
     */

    public static final String NAME = "repetition";

    private static final double[] TOP = {0.20, 0.18, 0.16};
    private static final double[] DUP = {0.15, 0.14, 0.13, 0.12, 0.11, 0.10};
    private static final String[] TOP_RULES = {"top_2gram_char_frac", "top_3gram_char_frac", "top_4gram_char_frac"};
    private static final String[] DUP_RULES = {"dup_5gram_char_frac", "dup_6gram_char_frac", "dup_7gram_char_frac",
        "dup_8gram_char_frac", "dup_9gram_char_frac", "dup_10gram_char_frac"};
    /** The measures of lines or paragraphs where there are too few to count: no rule applies. */
    private static final double[] TOO_FEW_PARTS = {0, 0, 0, 0};
    /** Longest phrase, in tokens, whose back-to-back copies count as a run; longer loops are whole lines or sentences. */
    static final int MAX_PERIOD = 40;
    /** Copies in a row that make a loop: three can be emphasis or a list ("(WARN) A tree contains ..."), four are not. */
    static final int MIN_COPIES = 4;
    /** Longer periods tried per turn, taken from the distances between repeated 10-grams. */
    private static final int LONG_PERIODS = 16;
    static final int DEFAULT_MIN_WORDS = 200;
    static final int DEFAULT_MIN_RUN_TOKENS = 12;
    static final double DEFAULT_THRESHOLD_SCALE = 1.0;

    private final int minWords;
    private final double scale;
    private final int minRunTokens;

    public RepetitionDetector(int minWords, double scale) {
        this(minWords, scale, DEFAULT_MIN_RUN_TOKENS);
    }

    /**
     * @param minWords     tokens from which the Gopher n-gram rules apply
     * @param scale        multiplies every Gopher threshold
     * @param minRunTokens tokens a run of four or more back-to-back copies must cover to count
     */
    public RepetitionDetector(int minWords, double scale, int minRunTokens) {
        if (minWords < 10) {
            throw new IllegalArgumentException("Step '" + NAME + "': parameter 'min_words' must be >= 10, was "
                    + minWords);
        }
        if (minRunTokens < 3) {
            throw new IllegalArgumentException("Step '" + NAME + "': parameter 'min_run_tokens' must be >= 3, was "
                    + minRunTokens);
        }
        if (!(scale > 0 && scale <= 5)) {
            throw new IllegalArgumentException("Step '" + NAME + "': parameter 'threshold_scale' must be in (0, 5], was "
                    + scale);
        }
        this.minWords = minWords;
        this.scale = scale;
        this.minRunTokens = minRunTokens;
    }

    public RepetitionDetector() {
        this(DEFAULT_MIN_WORDS, 1.0, DEFAULT_MIN_RUN_TOKENS);
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
        return StepResult.kept(c.withTurnFindings(i -> {
            String text = c.turns().get(i).text();
            Repetition r = evaluate(i, text, analyses.of(Tokens.WORDS, text), false);
            return r == null ? List.of() : List.of(r);
        }));
    }

    /*
     * Skipping, when not exact: characters inside repeated (n+1)-grams are inside repeated n-grams too, so the
     * duplicate fractions fall as n grows, and the most frequent (n+1)-gram occurs at most as often as the most
     * frequent n-gram; an upper bound below every remaining threshold ends the counting. The line and paragraph
     * rules need three parts, so a text with fewer than two line breaks (four for two paragraph breaks) is not
     * split at all. The quick pass may so put upper bounds or nothing in place of measures; a turn that breaks a
     * rule is measured again in full, so reported figures are always exact.
     */
    private Repetition evaluate(int turn, String text, Tokens t, boolean exact) {
        List<String> exceeded = new ArrayList<>();
        int breaks = exact ? Integer.MAX_VALUE : lineBreaks(text, 4);
        double[] lines = breaks >= 2 ? duplicates(text.split("\n")) : TOO_FEW_PARTS;
        double[] paragraphs = breaks >= 4 ? duplicates(paragraphs(text)) : TOO_FEW_PARTS;
        boolean lineRules = lines[2] >= 3 && lines[3] >= 2;
        boolean paragraphRules = paragraphs[2] >= 3 && paragraphs[3] >= 2;
        check(exceeded, "dup_line_frac", lines[0], 0.30, lineRules);
        check(exceeded, "dup_line_char_frac", lines[1], 0.20, lineRules);
        check(exceeded, "dup_para_frac", paragraphs[0], 0.30, paragraphRules);
        check(exceeded, "dup_para_char_frac", paragraphs[1], 0.20, paragraphRules);

        int[] run = longestRun(text, t);
        if (run[0] >= MIN_COPIES && run[1] >= minRunTokens) {
            exceeded.add("repeated_run>=" + minRunTokens + "_tokens");
        }
        int total = t.chars(0, t.size());
        // In Han/kana/Thai text every character is a token, so a character 5-gram is a word or two, and
        // Gopher's word n-gram thresholds do not carry over; such turns rely on the line, paragraph and run rules.
        boolean enough = t.size() >= minWords && total > 0 && t.singleCharTokens() * 2 <= t.size();
        Grams g = enough ? new Grams(t) : null;
        double[] top = new double[3];
        double[] dup = new double[6];
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
            top[n - 2] = round(f);
            check(exceeded, TOP_RULES[n - 2], f, TOP[n - 2], enough);
        }
        double floor = Math.min(1.0, DUP[DUP.length - 1] * scale);
        double f = enough ? duplicateNgramFraction(g, 5, total) : 0;
        for (int n = 5; n <= 10; n++) {
            if (n > 5 && enough && (exact || f > floor)) {
                f = duplicateNgramFraction(g, n, total);
            }
            dup[n - 5] = round(f);
            check(exceeded, DUP_RULES[n - 5], f, DUP[n - 5], enough);
        }
        if (exceeded.isEmpty()) {
            return null;
        }
        if (!exact) {
            return evaluate(turn, text, t, true);
        }
        return new Repetition(turn, round(lines[0]), round(lines[1]), round(paragraphs[0]), round(paragraphs[1]),
                boxed(top), boxed(dup), run[0], run[1], exceeded);
    }

    private static List<Double> boxed(double[] values) {
        List<Double> out = new ArrayList<>(values.length);
        for (double v : values) {
            out.add(v);
        }
        return out;
    }

    /** The line breaks in {@code text}, counted up to {@code enough}. */
    private static int lineBreaks(String text, int enough) {
        int n = 0;
        for (int i = text.indexOf('\n'); i >= 0 && n < enough; i = text.indexOf('\n', i + 1)) {
            n++;
        }
        return n;
    }

    /**
     * {@code text} split at paragraph breaks as {@code Pattern.compile("\n\\s*\n").split(text)} splits it (a break
     * is a line break, then {@code \s} characters up to and including the last line break among them), without a
     * regular expression: the pattern was a quarter of this step's time.
     */
    static String[] paragraphs(String text) {
        List<String> parts = new ArrayList<>();
        int from = 0;
        int i = text.indexOf('\n');
        while (i >= 0) {
            int lastBreak = -1;
            int j = i + 1;
            while (j < text.length() && isRegexSpace(text.charAt(j))) {
                if (text.charAt(j) == '\n') {
                    lastBreak = j;
                }
                j++;
            }
            if (lastBreak < 0) {
                i = text.indexOf('\n', j);
                continue;
            }
            parts.add(text.substring(from, i));
            from = lastBreak + 1;
            i = text.indexOf('\n', from);
        }
        if (from == 0) {
            return new String[] {text};
        }
        parts.add(text.substring(from));
        int size = parts.size();
        while (size > 0 && parts.get(size - 1).isEmpty()) {
            size--;
        }
        return parts.subList(0, size).toArray(String[]::new);
    }

    /** Java's {@code \s}: space, tab, line feed, vertical tab, form feed, carriage return. */
    private static boolean isRegexSpace(char c) {
        return c == ' ' || (c >= '\t' && c <= '\r');
    }

    /**
     * The longest run of back-to-back copies of one phrase, as {copies, tokens covered}; {0, 0} when no
     * phrase is repeated MIN_COPIES times in a row. A run of period p is a stretch where every token equals the
     * one p before; r such tokens in a row mean (r + p) / p copies. Every period up to MAX_PERIOD is tried
     * (O(n * MAX_PERIOD) comparisons); a longer loop (a whole answer said again and again) repeats its
     * 10-grams at the loop's period, so in a turn long enough for MIN_COPIES such copies the distances between
     * repeated 10-grams are tried as periods too (at most LONG_PERIODS of them).
     */
    static int[] longestRun(String text, Tokens t) {
        int n = t.size();
        int[] best = {0, 0};
        for (int p = 1; p <= MAX_PERIOD && MIN_COPIES * p <= n; p++) {
            runAtPeriod(text, t, p, best);
        }
        if (n >= MIN_COPIES * (MAX_PERIOD + 1)) {
            int g = 10;
            long[] hashes = new long[n];
            for (int k = 1; k <= g; k++) {
                t.extendNgrams(hashes, k);
            }
            LongCounts last = new LongCounts(n);
            LongCounts tried = new LongCounts(LONG_PERIODS * 2);
            int budget = LONG_PERIODS;
            for (int i = 0; i + g <= n && budget > 0; i++) {
                int seen = last.get(hashes[i]);
                last.put(hashes[i], i + 1);
                int d = seen == 0 ? 0 : i - (seen - 1);
                if (d > MAX_PERIOD && MIN_COPIES * d <= n && !tried.contains(d)) {
                    tried.add(d);
                    budget--;
                    runAtPeriod(text, t, d, best);
                }
            }
        }
        return best;
    }

    /**
     * Copies must be the same text, not only the same words: "(x) > (y)" and "(x) < (y)" share their tokens
     * but are different sentences, so the text between two tokens must equal the text p tokens before.
     */
    private static void runAtPeriod(String text, Tokens t, int p, int[] best) {
        int r = 0;
        for (int i = p; i < t.size(); i++) {
            // the text before a run's first token is outside the run, so only gaps inside it must match
            if (t.hash(i) == t.hash(i - p) && (r == 0 || sameGapBefore(text, t, i, i - p))) {
                r++;
                if (r >= (MIN_COPIES - 1) * p && r + p > best[1]) {
                    best[1] = r + p;
                    best[0] = (r + p) / p;
                }
            } else {
                r = 0;
            }
        }
    }

    private static boolean sameGapBefore(String text, Tokens t, int i, int j) {
        int gapI = t.start(i - 1) + t.length(i - 1);
        int gapJ = t.start(j - 1) + t.length(j - 1);
        int len = t.start(i) - gapI;
        return len == t.start(j) - gapJ && text.regionMatches(gapI, text, gapJ, len);
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

    /**
     * {duplicate fraction, duplicate char fraction, number of parts, number of duplicates}, over the parts
     * with a letter or digit: a repeated code fence, brace or rule line is layout, not a loop.
     */
    private static double[] duplicates(String[] parts) {
        Set<String> seen = new HashSet<>();
        int count = 0;
        int dup = 0;
        long chars = 0;
        long dupChars = 0;
        for (String raw : parts) {
            String p = raw.strip();
            if (!hasLetterOrDigit(p)) {
                continue;
            }
            count++;
            chars += p.length();
            if (!seen.add(p)) {
                dup++;
                dupChars += p.length();
            }
        }
        return count == 0 ? new double[] {0, 0, 0, 0}
                : new double[] {(double) dup / count, (double) dupChars / chars, count, dup};
    }

    private static boolean hasLetterOrDigit(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (Character.isLetterOrDigit(s.charAt(i))) {
                return true;
            }
        }
        return false;
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

    /** Builds {@link RepetitionDetector} from {@code min_words}, {@code threshold_scale} and {@code min_run_tokens}. */
    public static final class Factory extends AbstractStepFactory {
        public Factory() {
            super(NAME, "Flags turns that loop: lines or paragraphs repeated, a phrase repeated back to back, or (from"
                    + " min_words tokens) n-grams beyond the Gopher thresholds.",
                    "min_words", "threshold_scale", "min_run_tokens");
        }

        @Override
        protected Step build(StepParameters p) {
            return new RepetitionDetector(p.getInt("min_words", DEFAULT_MIN_WORDS),
                    p.getDouble("threshold_scale", DEFAULT_THRESHOLD_SCALE),
                    p.getInt("min_run_tokens", DEFAULT_MIN_RUN_TOKENS));
        }
    }
}
