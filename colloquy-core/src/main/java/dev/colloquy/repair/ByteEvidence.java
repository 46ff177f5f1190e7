package dev.colloquy.repair;

import dev.colloquy.io.Utf8;

/*
 * Which bytes a lossy mis-decoding dropped, as learnt from the repairs already made in the same input.
 *
 * One tool mangles a whole file the same way, so once confident repairs show that, say, 0x8E was dropped
 * and 0x8D never was, a later sequence that either byte would complete (🎬 F0 9F 8E AC vs 🍬 F0 9F 8D AC,
 * alone on a line, where the text itself cannot tell) should lean to 0x8E. The prior is add-one smoothed:
 * log((n_b + 1) / (N + k)), with k the number of candidate bytes; with no evidence it is flat.
 * Mutable: one per input stream, confined to one thread (see TextRepairer.Session).
 */
final class ByteEvidence {

    private static final double CONFIDENT = 0.5;
    private final int[] counts = new int[256];
    private int total;

    /** Log prior of restoring {@code restored} bytes, each among {@code candidates} possible bytes. */
    double logPrior(int[] restored, int candidates) {
        double sum = 0;
        for (int b : restored) {
            sum += Math.log((counts[b] + 1.0) / (total + Math.max(1, candidates)));
        }
        return sum;
    }

    void record(int[] restored, double confidence) {
        if (confidence < CONFIDENT) {
            return;
        }
        for (int b : restored) {
            counts[b]++;
            total++;
        }
    }

    /**
     * The bytes of {@code cp}'s UTF-8 form that are not among the bytes {@code page} gives the chars
     * {@code cps[start..end)}: what a lossy repair restored.
     */
    static int[] restored(CodePage page, int[] cps, int start, int end, int cp) {
        // the filler asks this of every filling it scores: small arrays, no string; cp's UTF-8 bytes as Java's
        // encoder writes them (a lone surrogate as '?')
        int[] full = new int[4];
        int length;
        if (cp >= Character.MIN_SURROGATE && cp <= Character.MAX_SURROGATE) {
            full[0] = '?';
            length = 1;
        } else {
            length = Utf8.encode(cp, full);
        }
        // the bytes the page gives the chars, each matched at most once (as counts per byte would)
        int[] present = new int[end - start];
        int count = 0;
        for (int i = start; i < end; i++) {
            int c = cps[i];
            if (c <= 0xFFFF && page.canEncode((char) c) && c >= 0x80) {
                present[count++] = page.byteOf((char) c);
            } else if (c < 0x80) {
                present[count++] = c;
            }
        }
        int[] out = new int[length];
        int n = 0;
        for (int k = 0; k < length; k++) {
            int b = full[k];
            int at = -1;
            for (int j = 0; j < count && at < 0; j++) {
                if (present[j] == b) {
                    at = j;
                }
            }
            if (at >= 0) {
                present[at] = -1;
            } else {
                out[n++] = b;
            }
        }
        return n == length ? out : java.util.Arrays.copyOf(out, n);
    }
}
