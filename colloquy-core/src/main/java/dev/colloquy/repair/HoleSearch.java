package dev.colloquy.repair;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.IntUnaryOperator;

/*
 * A joint search over the fillings of a run of holes (cut-short sequences near each other in one line).
 *
 * The sweeps of LayerDecoder choose each hole's filling by its neighbours as they stand: the first sweep with only
 * the holes to its left filled, the second with both sides filled by the first. Where holes follow each other
 * closely (Russian "ться" under windows-1255 is D1 82 D1 [8C] D1 [8F], two holes one letter apart) a wrong first
 * choice makes the next one wrong too: "тс" is a likelier start than "ть", and then "сс" than "ся", and the second
 * sweep, changing one hole at a time, cannot leave "тссс".
 *
 * Here every assignment of the holes' fillings is scored as a whole: the character model's log-probability of
 * every char from the first hole to a common end after the last (the next char and up to RightWord letters of
 * the word it starts), plus each filling's Plausibility cost and its prior (bytes guessed, soft hyphens, the
 * session's byte evidence: LossyFiller.choose's terms). A beam keeps the best hypotheses after each hole;
 * hypotheses that have read to the same place and end in the same few chars (all the model looks at) are one
 * state, and only the best is kept (Viterbi). The result only seeds the line's fillings: the second sweep still
 * chooses each hole again with both neighbours in place, and it alone decides margins and leaves undecided spans.
 */
final class HoleSearch {

    /** Hypotheses kept after each hole. */
    static final int BEAM = 16;
    /** Fillings of each hole taken into the search: the best by the first sweep's own ranking. */
    static final int OPTIONS = 12;
    /**
     * Fillings taken into the search for a hole whose best filling is an emoji of the supplementary planes: the
     * emoji a few lost bytes leave open are many (π³ under windows-1253 is 😳 🍳 🌳 🐳 🏳 ...), and the one the
     * sequence around it needs (🏳 before U+FE0F and a ZWJ, 🌈 after them) may rank far down alone.
     */
    static final int EMOJI_OPTIONS = 48;

    private HoleSearch() {
    }

    /**
     * The fillings of one hole starting at {@code start}: code point, end (exclusive) and prior of each, the
     * first sweep's best first.
     */
    record Hole(int start, int[] cp, int[] end, double[] prior) {

        static Hole of(int start, Integer[] order, IntUnaryOperator cpOf, IntUnaryOperator endOf, double[] scores,
                       double[] priors) {
            int n = 0;
            int options = order.length > 0 && cpOf.applyAsInt(order[0]) > 0xFFFF
                    && SymbolPrior.isEmoji(cpOf.applyAsInt(order[0])) ? EMOJI_OPTIONS : OPTIONS;
            while (n < order.length && n < options && scores[order[n]] != Double.NEGATIVE_INFINITY) {
                n++;
            }
            int[] cp = new int[n];
            int[] end = new int[n];
            double[] prior = new double[n];
            for (int r = 0; r < n; r++) {
                cp[r] = cpOf.applyAsInt(order[r]);
                end[r] = endOf.applyAsInt(order[r]);
                prior[r] = priors[order[r]];
            }
            return new Hole(start, cp, end, prior);
        }
    }

    /** One partial assignment: the text read so far (left context first), its score, and where reading goes on. */
    private record Hypothesis(String text, double score, int pos, int[] choice) {
    }

    /**
     * Chooses the fillings of {@code holes} (in line order, each recorded by the first sweep) jointly and puts
     * them in place in {@code line}: each hole's filled span, or none where an earlier filling took its chars.
     */
    static void fill(LossyFiller.Line line, List<Hole> holes, CharModel.Scorer scorer) {
        for (Hole h : holes) {
            line.unfill(h.start());
        }
        int first = holes.get(0).start();
        List<Hypothesis> beam = List.of(new Hypothesis(line.leftOf(first).toString(), 0, first, new int[holes.size()]));
        int[] cps = line.cps;
        for (int j = 0; j < holes.size(); j++) {
            Hole h = holes.get(j);
            int limit = j + 1 < holes.size() ? holes.get(j + 1).start() : cps.length;
            // the fillings that end before the next hole, asked together after each hypothesis
            int[] option = new int[h.cp().length];
            int[] asked = new int[h.cp().length];
            int count = 0;
            for (int o = 0; o < h.cp().length; o++) {
                if (h.end()[o] <= limit) {
                    option[count] = o;
                    asked[count++] = h.cp()[o];
                }
            }
            double[] lps = new double[count];
            // each hypothesis read up to the hole
            String[] befores = new String[beam.size()];
            double[] scores = new double[beam.size()];
            for (int y = 0; y < beam.size(); y++) {
                Hypothesis hyp = beam.get(y);
                if (hyp.pos() <= h.start()) {
                    StringBuilder text = new StringBuilder(hyp.text());
                    scores[y] = hyp.score() + read(line, text, hyp.pos(), h.start(), scorer);
                    befores[y] = text.toString();
                }
            }
            boolean[] dominated = dominated(befores, scores, asked, count);
            List<Extension> next = new ArrayList<>();
            for (int yi = 0; yi < beam.size(); yi++) {
                Hypothesis y = beam.get(yi);
                if (y.pos() > h.start()) {
                    next.add(new Extension(y, y.text(), -1, -1, y.score(), y.pos()));
                    continue;
                }
                if (dominated[yi]) {
                    continue;
                }
                double score = scores[yi];
                String before = befores[yi];
                int leftCp = before.isEmpty() ? -1 : before.codePointBefore(before.length());
                scorer.logProbs(before, asked, count, lps);
                for (int a = 0; a < count; a++) {
                    int o = option[a];
                    int cp = asked[a];
                    double lp = lps[a];
                    if (lp == Double.NEGATIVE_INFINITY) {
                        continue;
                    }
                    int right = h.end()[o] < cps.length ? line.readAt(h.end()[o]) : -1;
                    double s = score + lp + h.prior()[o] - Plausibility.cost(leftCp, new int[] {cp}, 0, 1, right);
                    next.add(new Extension(y, before, o, cp, s, h.end()[o]));
                }
            }
            if (next.isEmpty()) {
                // no filling of this hole is possible after any kept hypothesis: keep the first sweep's choices
                return;
            }
            beam = prune(next, j);
        }
        // every hypothesis reads on to a common end: the furthest one's next char and the letters of its word
        int furthest = 0;
        for (Hypothesis y : beam) {
            furthest = Math.max(furthest, y.pos());
        }
        int stop = furthest < cps.length && line.readAt(furthest) >= 0
                ? line.wordEnd(line.endAt(furthest), line.readAt(furthest)) : furthest;
        Hypothesis best = null;
        double bestScore = Double.NEGATIVE_INFINITY;
        for (Hypothesis y : beam) {
            double s = y.score() + read(line, new StringBuilder(y.text()), y.pos(), stop, scorer);
            if (s > bestScore) {
                bestScore = s;
                best = y;
            }
        }
        if (best == null) {
            return;
        }
        for (int j = 0; j < holes.size(); j++) {
            int o = best.choice()[j];
            if (o >= 0) {
                Hole h = holes.get(j);
                line.filled(h.start(), h.end()[o], h.cp()[o]);
            }
        }
    }

    /**
     * Which hypotheses, read up to a hole ({@code befores[y]}, null for one already past it; {@code scores[y]}), need
     * not be extended by its fillings {@code asked[0..count)}: those after another in the beam whose text ends in the
     * same chars the model reads ({@link CharLikelihood#recent}), with the same quote open, and which reads no worse.
     * Every filling then adds the same to both (the model's rating, the prior, the Plausibility cost beside the same
     * char) and leads to the same state, and floating-point addition is monotone, so each extension of the later one
     * sorts after the same extension of the earlier one and {@link #prune} never keeps it. Where the ZWJ sequences'
     * factor reads further back (a ZWJ before the hole or among the fillings), each hypothesis is extended.
     * After a gap of six chars or more between two holes every hypothesis ends alike, and one extension per filling
     * is all the beam can keep.
     */
    static boolean[] dominated(String[] befores, double[] scores, int[] asked, int count) {
        boolean[] dominated = new boolean[befores.length];
        for (int a = 0; a < count; a++) {
            if (asked[a] == 0x200D) {
                return dominated;
            }
        }
        Ending[] endings = new Ending[befores.length];
        java.util.Map<Ending, Integer> best = new java.util.HashMap<>();
        for (int y = 0; y < befores.length; y++) {
            String before = befores[y];
            if (before == null || before.endsWith("\u200D")) {
                continue;
            }
            endings[y] = new Ending(CharLikelihood.recent(before).toString(), SymbolPrior.unmatchedOpener(before));
            Integer b = best.get(endings[y]);
            if (b == null || scores[y] > scores[b]) {
                best.put(endings[y], y);
            }
        }
        for (int y = 0; y < befores.length; y++) {
            dominated[y] = endings[y] != null && y > best.get(endings[y]);
        }
        return dominated;
    }

    /** What the model reads of a hypothesis' text: its last chars and the quote open in it. */
    private record Ending(String recent, int openQuote) {
    }

    /**
     * A hypothesis taking one more hole's filling {@code option} (-1: none), {@code cp} after {@code before} (the
     * hypothesis' text and the chars read up to the hole): made into a {@link Hypothesis} only if the beam keeps it.
     */
    private record Extension(Hypothesis from, String before, int option, int cp, double score, int pos) {

        /** Whether the model sees the same state after both: read to the same place, ending in the same chars. */
        boolean sameState(Extension other) {
            if (pos != other.pos || cp != other.cp) {
                return false;
            }
            int n = CharLikelihood.RECENT_CHARS - (cp < 0 ? 0 : Character.charCount(cp));
            int a = before.length();
            int b = other.before.length();
            int len = Math.min(n, Math.min(a, b));
            return (a == b || len == n) && before.regionMatches(a - len, other.before, b - len, len);
        }

        Hypothesis keep(int j) {
            int[] choice = from.choice().clone();
            choice[j] = option;
            String text = cp < 0 ? before : new StringBuilder(before).appendCodePoint(cp).toString();
            return new Hypothesis(text, score, pos, choice);
        }
    }

    /**
     * The model's log-probability of the chars of {@code line} from {@code from} to {@code to} as the layer reads
     * them, appended to {@code text}; a lead still cut short (another hole's, outside the search) is appended as
     * it stands and not scored.
     */
    private static double read(LossyFiller.Line line, StringBuilder text, int from, int to, CharModel.Scorer scorer) {
        double sum = 0;
        int k = from;
        while (k < to) {
            int cp = line.readAt(k);
            if (cp < 0) {
                text.appendCodePoint(line.cps[k]);
                k++;
                continue;
            }
            double lp = scorer.logProb(text, cp);
            if (lp != Double.NEGATIVE_INFINITY) {
                sum += lp;
            }
            text.appendCodePoint(cp);
            k = line.endAt(k);
        }
        return sum;
    }

    /**
     * The best {@link #BEAM} extensions, best first, each the best of its state (where reading goes on, the last
     * chars the model looks at): a worse one in the state of a kept one can never overtake it.
     */
    private static List<Hypothesis> prune(List<Extension> extensions, int j) {
        extensions.sort(Comparator.comparingDouble(Extension::score).reversed());
        List<Extension> kept = new ArrayList<>(BEAM);
        for (Extension e : extensions) {
            boolean seen = false;
            for (Extension k : kept) {
                if (k.sameState(e)) {
                    seen = true;
                    break;
                }
            }
            if (!seen) {
                kept.add(e);
                if (kept.size() == BEAM) {
                    break;
                }
            }
        }
        List<Hypothesis> out = new ArrayList<>(kept.size());
        for (Extension e : kept) {
            out.add(e.keep(j));
        }
        return out;
    }
}
