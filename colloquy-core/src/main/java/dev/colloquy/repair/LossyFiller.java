package dev.colloquy.repair;

import dev.colloquy.io.Utf8;

import java.util.ArrayList;
import java.util.List;

/*
 * Chooses the missing bytes of an incomplete UTF-8 sequence found in mojibake.
 *
 * A lossy mis-decoding drops the bytes the code page leaves undefined (0x81 0x8D 0x8F 0x90 0x9D in
 * windows-1252; 0x8E 0x8F 0x90 0x9D 0x9E in windows-1254) and often the soft hyphen 0xAD; a later
 * clean-up may also have turned the no-break space 0xA0 into a plain space. So a lead byte that is
 * followed by too few continuation bytes had its missing continuations among those bytes, at any
 * position after the lead; and a plain space right after it may be a 0xA0 continuation.
 * We enumerate every filling (at most a few hundred), keep the well-formed ones, and rank them by
 * the character model (log P(candidate | left context) + log P(next char | left + candidate)),
 * plus the Plausibility cost of the result in context. The best one becomes a candidate whose
 * cost carries a penalty per guessed byte, so a lossy guess must clear a higher bar than a
 * complete sequence. Confidence is the model's share of the best filling among all fillings.
 */
final class LossyFiller {

    private static final double PENALTY_PER_BYTE = 0.3;
    // A byte the page cannot decode is lost by every tool that re-saves the text; a soft hyphen only by tools
    // that also strip invisible characters. So a lost 0xAD is the less likely explanation of a short sequence
    // (prior 0.02 against 0.05 for an undefined byte).
    private static final double SOFT_HYPHEN_LOG_PRIOR = Math.log(0.02 / 0.05);
    private static final int CONTEXT = 24;

    private final CharModel model;

    LossyFiller(CharModel model) {
        this.model = model;
    }

    /** A scorer for the line {@code cps}; callers make one per line and pass it to {@link #fill}. */
    CharModel.Scorer scorerFor(int[] cps) {
        return model.scorer(new String(cps, 0, cps.length));
    }

    /**
     * The best filling of the sequence whose lead is at {@code cps[i]} (byte {@code bytes[0]}) with
     * {@code present} continuation bytes {@code bytes[1..present]}, or null when no filling is well-formed.
     */
    Filled fill(CodePage page, int[] cps, int i, int[] bytes, int present, CharModel.Scorer scorer, ByteEvidence evidence) {
        Options options = options(page, cps, i, bytes, present);
        return options == null ? null : choose(page, cps, i, options, scorer, evidence);
    }

    /**
     * The code points among which {@link #fill} chooses, before any model is asked (it may still reject them
     * all as impossible); empty when it has none.
     */
    int[] fillings(CodePage page, int[] cps, int i, int[] bytes, int present) {
        Options options = options(page, cps, i, bytes, present);
        return options == null ? new int[0] : options.stream().mapToInt(Option::cp).toArray();
    }

    /** As {@link #fillings} for {@link #fillReplaced}. */
    int[] replacedFillings(CodePage page, int[] cps, int i, int[] bytes) {
        Options options = new Options();
        replaced(page, bytes.clone(), 1, i + bytes.length, options);
        return options.stream().mapToInt(Option::cp).toArray();
    }

    private Options options(CodePage page, int[] cps, int i, int[] bytes, int present) {
        int need = bytes[0] < 0xE0 ? 1 : bytes[0] < 0xF0 ? 2 : 3;
        int missing = need - present;
        int end = i + 1 + present;
        if (end < cps.length && cps[end] >= 0x80 && (present == 0 || foreignMojibake(page, cps[end]))) {
            // a dropped byte leaves the next char as it was: if that char is a C1 control, or foreign to this
            // code page, another code page explains the line; a lone lead must be followed by ASCII
            return null;
        }
        Options options = new Options();
        int[] seq = new int[need + 1];
        seq[0] = bytes[0];
        enumerate(page, bytes, present, seq, 1, 0, 0, missing, end, false, options);
        if (page.nbspAsSpace() && end < cps.length && cps[end] == ' ') {
            // the first missing byte may be 0xA0 turned into the space that follows
            int[] withNbsp = java.util.Arrays.copyOf(bytes, present + 2);
            withNbsp[present + 1] = 0xA0;
            if (missing == 1) {
                addIfValid(withNbsp, present + 2, 1, end + 1, options);
            } else {
                enumerate(page, withNbsp, present + 1, seq, 1, 0, 0, missing - 1, end + 1, true, options);
                // the 0xA0 is a guess as well, so it counts as a lost byte
            }
        }
        return options.isEmpty() ? null : options;
    }

    private Filled choose(CodePage page, int[] cps, int i, List<Option> options, CharModel.Scorer scorer,
                          ByteEvidence evidence) {
        if (options.isEmpty()) {
            return null;
        }
        StringBuilder left = new StringBuilder();
        for (int k = Math.max(0, i - CONTEXT); k < i; k++) {
            left.appendCodePoint(cps[k]);
        }
        int leftCp = i > 0 ? cps[i - 1] : -1;
        double bestScore = Double.NEGATIVE_INFINITY;
        Option best = null;
        double[] scores = new double[options.size()];
        for (int k = 0; k < options.size(); k++) {
            Option o = options.get(k);
            int right = o.end < cps.length ? cps[o.end] : -1;
            double lp = scorer.logProb(left, o.cp);
            if (right >= 0 && lp != Double.NEGATIVE_INFINITY) {
                lp += scorer.logProb(new StringBuilder(left).appendCodePoint(o.cp), right);
            }
            double s = lp - Plausibility.cost(leftCp, new int[] {o.cp}, 0, 1, right) - PENALTY_PER_BYTE * o.lost
                    - (o.end > i + 1 && cps[o.end - 1] == ' ' && right != ' ' ? 0.2 : 0);
            int[] restored = ByteEvidence.restored(page, cps, i, o.end, o.cp);
            for (int b : restored) {
                if (b == 0xAD) {
                    s += SOFT_HYPHEN_LOG_PRIOR;
                }
            }
            if (evidence != null) {
                s += evidence.logPrior(restored, page.droppedCount());
            }
            scores[k] = s;
            if (s > bestScore) {
                bestScore = s;
                best = o;
            }
        }
        if (best == null || bestScore == Double.NEGATIVE_INFINITY) {
            return null;
        }
        double total = 0;
        for (double s : scores) {
            if (s != Double.NEGATIVE_INFINITY) {
                total += Math.exp(s - bestScore);
            }
        }
        return new Filled(i, best.end, best.cp, best.lost, PENALTY_PER_BYTE * best.lost, 1.0 / total);
    }

    /**
     * The best reading of a complete sequence {@code cps[i..i+bytes.length)} in which some continuation
     * chars are U+FFFD (given as -1 in {@code bytes}): each stood for one undefined byte of the code page.
     */
    Filled fillReplaced(CodePage page, int[] cps, int i, int[] bytes, CharModel.Scorer scorer, ByteEvidence evidence) {
        Options options = new Options();
        int end = i + bytes.length;
        replaced(page, bytes.clone(), 1, end, options);
        return choose(page, cps, i, options, scorer, evidence);
    }

    private static void replaced(CodePage page, int[] seq, int pos, int end, Options out) {
        if (pos == seq.length) {
            int lost = 0;
            addIfValid(seq, seq.length, lost, end, out);
            return;
        }
        if (seq[pos] >= 0) {
            replaced(page, seq, pos + 1, end, out);
            return;
        }
        for (int b = 0x80; b < 0xC0; b++) {
            if (page.isUndefined(b)) {
                seq[pos] = b;
                replaced(page, seq, pos + 1, end, out);
            }
        }
        seq[pos] = -1;
    }

    /** A C1 control, or a char another code page could have made but this one could not. */
    private static boolean foreignMojibake(CodePage page, int cp) {
        if (cp < 0xA0) {
            return true;
        }
        if (cp > 0xFFFF) {
            return false;
        }
        char c = (char) cp;
        return !page.canEncode(c) && (CodePages.leadMask(c) | CodePages.contMask(c)) != 0;
    }

    private static void enumerate(CodePage page, int[] present, int presentCount, int[] seq, int pos, int used,
                                  int inserted, int missing, int end, boolean nbsp, Options out) {
        if (pos == seq.length) {
            if (used == presentCount && inserted == missing) {
                addIfValid(seq, seq.length, nbsp ? missing + 1 : missing, end, out);
            }
            return;
        }
        if (used < presentCount) {
            seq[pos] = present[used + 1];
            enumerate(page, present, presentCount, seq, pos + 1, used + 1, inserted, missing, end, nbsp, out);
        }
        if (inserted < missing) {
            for (int d = 0; d < page.droppedCount(); d++) {
                int b = page.dropped(d);
                if (b >= 0x80 && b < 0xC0) {
                    seq[pos] = b;
                    enumerate(page, present, presentCount, seq, pos + 1, used, inserted + 1, missing, end, nbsp, out);
                }
            }
        }
    }

    private static void addIfValid(int[] seq, int len, int lost, int end, Options out) {
        int cp = Utf8.decode(seq, len);
        if (cp < 0) {
            return;
        }
        if (out.seen.add((long) cp << 32 | end)) {
            out.add(new Option(cp, end, lost));
        }
    }

    private record Option(int cp, int end, int lost) {
    }

    /**
     * The well-formed fillings in the order found, each (code point, end) once: a page with many dropped bytes
     * yields hundreds of fillings of a 3-byte sequence, and a linear search for duplicates was a third of the
     * CPU of repairing damaged Greek.
     */
    private static final class Options extends ArrayList<Option> {
        private final java.util.Set<Long> seen = new java.util.HashSet<>();
    }

    /** The chosen filling: {@code cps[start..end)} becomes {@code cp}; {@code confidence} is its model share. */
    record Filled(int start, int end, int cp, int bytesLost, double penalty, double confidence) {
    }
}
