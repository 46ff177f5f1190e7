package dev.colloquy.repair;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Decodes UTF-8 bytes that lost some bytes on the way (the code page that mis-read them had no character for
 * those bytes, so they were dropped; soft hyphens 0xAD were deleted as invisible; no-break spaces 0xA0 became
 * 0x20), re-inserting the missing ones.
 *
 * <pre>
 * UTF-8's structure says where bytes are missing: a lead byte announces 1-3 continuation bytes, so a sequence
 * cut short by an ASCII byte, a new lead byte or the end marks a hole; a continuation byte with no lead marks a
 * lost lead byte (possible only for code pages that lack some of 0xC2..0xF4, e.g. windows-1253/1255).
 * Beam search over the bytes, left to right. A hypothesis = decoded text so far + the pending partial sequence.
 * A byte that fits the pending sequence is taken as it is (no guessing inside sequences that are whole). When
 * a byte cannot continue it (ASCII, a lead byte, an out-of-range continuation) or the input ends, the sequence
 * is short: every way to complete it with bytes from the dropped set, in any positions after the lead
 * (F0 9F _ AC as well as F0 9F AC _), is tried, and so is reading a 0x20 there as a lost 0xA0, in any position
 * (EC 20 95 = EC A0 95); an out-of-range continuation may also follow an inserted byte (ED _ B4); an orphan
 * continuation byte may follow a dropped lead byte (windows-1253/1255 lack some of 0xC2..0xF4). Sequences
 * must be well-formed (no overlongs, surrogates or values above U+10FFFF: the second-byte ranges of
 * RFC 3629); an unassigned or non-character code point scores -infinity in the model. Each emitted character
 * adds log P(cp | text before) from the CharLikelihood model (so a candidate is also judged by how well the
 * next characters follow it); each restored byte adds its prior (DroppedBytes.logPrior: log 0.05 for an
 * undefined byte, log 0.02 for a soft hyphen), a 0x20 read as 0xA0 log(0.01).
 * Hypotheses with the same pending bytes, open quote and last four characters are merged (Viterbi: the model
 * looks no further back, except for CJK words of up to six characters), keeping the better one and
 * remembering the smallest score margin any merge had; the beam keeps the best 48 within 18 (natural log)
 * of the best.
 * Confidence = min(posterior of the best among the final beam, logistic(smallest merge margin)): the weakest
 * of the choices made.
 * Cost: O(bytes x beam x candidates); the candidate sets are small (at most 23 bytes for windows-1255).
 * </pre>
 */
final class LossyUtf8Decoder {

    private static final int BEAM = 48;
    /** Hypotheses this far (natural log) below the best are dropped: e^-18 is under one in 60 million. */
    private static final double PRUNE_MARGIN = 18;
    private static final int MERGE_KEY_CHARS = 4;
    private static final int AFTER_CHARS = 4;
    /**
     * A 0x20 read back as 0xA0 costs more than a dropped byte: only some tools turn no-break spaces into
     * spaces, and a letter-only model is otherwise too keen to swallow the space between two words.
     */
    private static final double NBSP_PENALTY = Math.log(0.01);
    private static final int MAX_ALTERNATIVES = 5;

    private LossyUtf8Decoder() {
    }

    /** Decodes {@code bytes} with no surrounding text; empty when no filling makes them valid UTF-8. */
    static Optional<LossyDecoding> decode(byte[] bytes, DroppedBytes dropped, CharLikelihood model) {
        return decode(bytes, dropped, model, "", "");
    }

    /**
     * Decodes {@code bytes}, which sit between the (already decoded) texts {@code before} and {@code after};
     * the context helps rank candidates (the script and language of the line, an open quote). Empty when no
     * filling from {@code dropped} makes the bytes valid UTF-8.
     */
    static Optional<LossyDecoding> decode(byte[] bytes, DroppedBytes dropped, CharLikelihood model,
                                         CharSequence before, CharSequence after) {
        String left = before.toString();
        CharLikelihood.Scorer scorer = model.scorer(left + certainText(bytes) + after);
        Search search = new Search(dropped, scorer);
        List<Hyp> beam = List.of(new Hyp(null, NONE, 0, 0, Double.POSITIVE_INFINITY, recent(left, -1),
                SymbolPrior.unmatchedOpener(left)));
        for (byte value : bytes) {
            List<Hyp> next = new ArrayList<>();
            for (Hyp h : beam) {
                search.expand(h, value & 0xFF, next);
            }
            beam = search.prune(next);
            if (beam.isEmpty()) {
                return Optional.empty();
            }
        }
        List<Hyp> finished = new ArrayList<>();
        for (Hyp h : beam) {
            search.complete(h, finished);
        }
        return search.result(finished, after.toString());
    }

    /** The last few characters of {@code text} followed by {@code cp} (none when -1): the model's window. */
    private static String recent(String text, int cp) {
        String joined = cp < 0 ? text : text + new String(Character.toChars(cp));
        int from = Math.max(0, joined.length() - CharLikelihood.RECENT_CHARS);
        if (from > 0 && Character.isLowSurrogate(joined.charAt(from))) {
            from--;
        }
        return joined.substring(from);
    }

    /** Bytes decoded where they are whole, sequences with holes left out: the sample the model adapts to. */
    static String certainText(byte[] bytes) {
        StringBuilder sb = new StringBuilder(bytes.length);
        int i = 0;
        while (i < bytes.length) {
            int b = bytes[i] & 0xFF;
            int length = Utf8Bytes.sequenceLength(b);
            if (length == 1) {
                sb.append((char) b);
                i++;
                continue;
            }
            int cp = length == 0 || i + length > bytes.length ? -1 : Utf8Bytes.decode(bytes, i, length);
            if (cp < 0) {
                sb.append(' ');
                i++;
            } else {
                sb.appendCodePoint(cp);
                i += length;
            }
        }
        return sb.toString();
    }

    /**
     * An immutable hypothesis: emitted characters as a persistent list, the bytes of the pending partial
     * sequence (lead first; empty when none), the score so far, and the model's state (recent text, open quote).
     */
    private record Hyp(Node last, int[] pending, double score, int restored, double minMargin, String recent,
                       int openQuote) {

        Hyp withPending(int[] bytes, double score, int restored) {
            return new Hyp(last, bytes, score, restored, minMargin, recent, openQuote);
        }

        Hyp withMargin(double margin) {
            return new Hyp(last, pending, score, restored, margin, recent, openQuote);
        }

        int need() {
            return pending.length == 0 ? 0 : Utf8Bytes.sequenceLength(pending[0]) - pending.length;
        }
    }

    private record Node(int cp, Node previous) {
    }

    private static final int[] NONE = {};

    private static final class Search {
        private final DroppedBytes dropped;
        private final CharLikelihood.Scorer scorer;

        Search(DroppedBytes dropped, CharLikelihood.Scorer scorer) {
            this.dropped = dropped;
            this.scorer = scorer;
        }

        /**
         * All ways to consume byte {@code b} from {@code h}. Holes are filled only when a sequence is found
         * short (the byte cannot continue it), then in every position after the lead: the missing byte of
         * {@code 🎬} may sit before the last byte seen ({@code F0 9F _ AC}).
         */
        void expand(Hyp h, int b, List<Hyp> out) {
            if (h.pending().length == 0) {
                int length = Utf8Bytes.sequenceLength(b);
                if (length == 1) {
                    addIfValid(out, emit(h, b, h.score(), h.restored()));
                } else if (length > 1) {
                    out.add(h.withPending(new int[] {b}, h.score(), h.restored()));
                } else {
                    for (int lead : dropped.bytes()) {
                        if (Utf8Bytes.sequenceLength(lead) > 1 && Utf8Bytes.fitsAt(lead, 1, b)) {
                            Hyp started = h.withPending(new int[] {lead}, h.score() + dropped.logPrior(lead),
                                    h.restored() + 1);
                            addIfValid(out, append(started, b));
                        }
                    }
                }
                return;
            }
            if (Utf8Bytes.fitsAt(h.pending()[0], h.pending().length, b)) {
                addIfValid(out, append(h, b));
                return;
            }
            for (Hyp filled : fillings(h, -1)) {
                expand(filled, b, out);
            }
            if (h.need() > 1 && b >= 0x80 && b <= 0xBF) {
                // b does not fit here (ED B4) but may right after a lost byte (ED 81 B4)
                for (int d : dropped.bytes()) {
                    if (Utf8Bytes.fitsAt(h.pending()[0], h.pending().length, d)) {
                        Hyp inserted = append(h.withPending(h.pending(), h.score() + dropped.logPrior(d),
                                h.restored() + 1), d);
                        if (inserted != null && inserted.pending().length > 0) {
                            expand(inserted, b, out);
                        }
                    }
                }
            }
            if (b == 0x20 && dropped.spaceMayBeNbsp()) {
                if (Utf8Bytes.fitsAt(h.pending()[0], h.pending().length, 0xA0)) {
                    Hyp nbsp = h.withPending(h.pending(), h.score() + NBSP_PENALTY, h.restored() + 1);
                    addIfValid(out, append(nbsp, 0xA0));
                }
                out.addAll(fillings(h, 0xA0));
            }
        }

        /** Completes a sequence left open at the end of the bytes. */
        void complete(Hyp h, List<Hyp> out) {
            if (h.pending().length == 0) {
                out.add(h);
            } else {
                out.addAll(fillings(h, -1));
            }
        }

        private static void addIfValid(List<Hyp> out, Hyp h) {
            if (h != null) {
                out.add(h);
            }
        }

        private Hyp append(Hyp h, int b) {
            int[] bytes = java.util.Arrays.copyOf(h.pending(), h.pending().length + 1);
            bytes[bytes.length - 1] = b;
            if (Utf8Bytes.sequenceLength(bytes[0]) == bytes.length) {
                return emit(h, codePoint(bytes), h.score(), h.restored());
            }
            return h.withPending(bytes, h.score(), h.restored());
        }

        /**
         * Every completion of the short pending sequence: the missing bytes come from the dropped set, in any
         * positions after the lead; with {@code lastByte} >= 0 (a 0x20 read as 0xA0) that byte goes last.
         */
        private List<Hyp> fillings(Hyp h, int lastByte) {
            int[] seen = h.pending();
            int length = Utf8Bytes.sequenceLength(seen[0]);
            int missing = length - seen.length - (lastByte >= 0 ? 1 : 0);
            List<Hyp> out = new ArrayList<>();
            if (missing < (lastByte >= 0 ? 1 : 0)) {
                return out;
            }
            int[] bytes = new int[length];
            bytes[0] = seen[0];
            if (lastByte >= 0) {
                bytes[length - 1] = lastByte;
            }
            int slots = length - 1 - (lastByte >= 0 ? 1 : 0);
            fill(h, seen, 1, 1, missing, slots, bytes, lastByte >= 0 ? 1 : 0, 0, out);
            return out;
        }

        /** Places bytes into {@code bytes[position..slots]}: the rest of {@code seen} in order plus inserts. */
        private void fill(Hyp h, int[] seen, int position, int nextSeen, int insertsLeft, int slots, int[] bytes,
                          int extraRestored, double priors, List<Hyp> out) {
            if (position > slots) {
                int restored = insertsLeft == 0 && nextSeen == seen.length ? h.restored() + extraRestored
                        + (bytes.length - seen.length - extraRestored) : -1;
                if (restored >= 0 && Utf8Bytes.fitsAt(bytes[0], bytes.length - 1, bytes[bytes.length - 1])) {
                    double penalty = priors + extraRestored * NBSP_PENALTY;
                    addIfValid(out, emit(h, codePoint(bytes), h.score() + penalty, restored));
                }
                return;
            }
            if (nextSeen < seen.length) {
                bytes[position] = seen[nextSeen];
                if (Utf8Bytes.fitsAt(bytes[0], position, bytes[position])) {
                    fill(h, seen, position + 1, nextSeen + 1, insertsLeft, slots, bytes, extraRestored, priors, out);
                }
            }
            if (insertsLeft > 0) {
                for (int d : dropped.bytes()) {
                    if (Utf8Bytes.fitsAt(bytes[0], position, d)) {
                        bytes[position] = d;
                        fill(h, seen, position + 1, nextSeen, insertsLeft - 1, slots, bytes, extraRestored,
                                priors + dropped.logPrior(d), out);
                    }
                }
            }
        }

        private static int codePoint(int[] bytes) {
            int cp = Utf8Bytes.leadBits(bytes[0]);
            for (int k = 1; k < bytes.length; k++) {
                cp = (cp << 6) | (bytes[k] & 0x3F);
            }
            return cp;
        }

        private Hyp emit(Hyp h, int cp, double score, int restored) {
            double lp = scorer.logProb(h.recent(), h.openQuote(), cp);
            if (lp == CharLikelihood.IMPOSSIBLE) {
                return null;
            }
            return new Hyp(new Node(cp, h.last()), NONE, score + lp, restored, h.minMargin(),
                    recent(h.recent(), cp), SymbolPrior.openQuoteAfter(h.openQuote(), cp));
        }

        List<Hyp> prune(List<Hyp> hyps) {
            Map<String, Hyp> best = new HashMap<>();
            for (Hyp h : hyps) {
                String key = mergeKey(h);
                Hyp other = best.get(key);
                if (other == null) {
                    best.put(key, h);
                } else {
                    Hyp winner = h.score() > other.score() ? h : other;
                    Hyp loser = winner == h ? other : h;
                    if (sameText(winner.last(), loser.last())) {
                        best.put(key, winner);
                    } else {
                        double margin = Math.min(winner.minMargin(), winner.score() - loser.score());
                        best.put(key, winner.withMargin(margin));
                    }
                }
            }
            List<Hyp> kept = new ArrayList<>(best.values());
            kept.sort(Comparator.comparingDouble(Hyp::score).reversed());
            int size = Math.min(kept.size(), BEAM);
            double floor = kept.isEmpty() ? 0 : kept.get(0).score() - PRUNE_MARGIN;
            while (size > 1 && kept.get(size - 1).score() < floor) {
                size--;
            }
            return List.copyOf(kept.subList(0, size));
        }

        private static String mergeKey(Hyp h) {
            StringBuilder key = new StringBuilder();
            for (int b : h.pending()) {
                key.append((char) b);
            }
            key.append('/').append((char) (h.openQuote() + 1)).append('/');
            Node n = h.last();
            for (int i = 0; i < MERGE_KEY_CHARS && n != null; i++, n = n.previous()) {
                key.appendCodePoint(n.cp());
            }
            return key.toString();
        }

        private static boolean sameText(Node a, Node b) {
            while (a != null && b != null) {
                if (a == b) {
                    return true;
                }
                if (a.cp() != b.cp()) {
                    return false;
                }
                a = a.previous();
                b = b.previous();
            }
            return a == b;
        }

        Optional<LossyDecoding> result(List<Hyp> finished, String after) {
            Map<String, Double> scores = new LinkedHashMap<>();
            Map<String, Hyp> hyps = new HashMap<>();
            for (Hyp h : finished) {
                String text = text(h.last());
                double score = h.score();
                String recent = h.recent();
                int openQuote = h.openQuote();
                int count = 0;
                for (int i = 0; i < after.length() && count < AFTER_CHARS; count++) {
                    int cp = after.codePointAt(i);
                    i += Character.charCount(cp);
                    score += scorer.logProb(recent, openQuote, cp);
                    recent = recent(recent, cp);
                    openQuote = SymbolPrior.openQuoteAfter(openQuote, cp);
                }
                if (score > scores.getOrDefault(text, Double.NEGATIVE_INFINITY)) {
                    scores.put(text, score);
                    hyps.put(text, h);
                }
            }
            if (scores.isEmpty()) {
                return Optional.empty();
            }
            List<Map.Entry<String, Double>> ranked = new ArrayList<>(scores.entrySet());
            ranked.sort(Map.Entry.<String, Double>comparingByValue().reversed());
            double best = ranked.get(0).getValue();
            double total = 0;
            for (Map.Entry<String, Double> e : ranked) {
                total += Math.exp(e.getValue() - best);
            }
            List<LossyDecoding.Alternative> alternatives = new ArrayList<>();
            for (int i = 0; i < ranked.size() && i < MAX_ALTERNATIVES; i++) {
                Map.Entry<String, Double> e = ranked.get(i);
                alternatives.add(new LossyDecoding.Alternative(e.getKey(), hyps.get(e.getKey()).restored(),
                        Math.exp(e.getValue() - best) / total));
            }
            Hyp top = hyps.get(ranked.get(0).getKey());
            double confidence = Math.min(alternatives.get(0).probability(), logistic(top.minMargin()));
            return Optional.of(new LossyDecoding(ranked.get(0).getKey(), top.restored(), confidence, alternatives));
        }

        private static double logistic(double margin) {
            return margin == Double.POSITIVE_INFINITY ? 1 : 1 / (1 + Math.exp(-margin));
        }

        private static String text(Node last) {
            List<Integer> cps = new ArrayList<>();
            for (Node n = last; n != null; n = n.previous()) {
                cps.add(n.cp());
            }
            StringBuilder sb = new StringBuilder(cps.size());
            for (int i = cps.size() - 1; i >= 0; i--) {
                sb.appendCodePoint(cps.get(i));
            }
            return sb.toString();
        }
    }
}
