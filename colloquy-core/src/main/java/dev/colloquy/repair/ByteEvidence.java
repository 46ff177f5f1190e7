package dev.colloquy.repair;

import java.nio.charset.StandardCharsets;

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
        byte[] full = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8);
        int[] present = new int[256];
        for (int i = start; i < end; i++) {
            int c = cps[i];
            if (c <= 0xFFFF && page.canEncode((char) c) && c >= 0x80) {
                present[page.byteOf((char) c)]++;
            } else if (c < 0x80) {
                present[c]++;
            }
        }
        int[] out = new int[full.length];
        int n = 0;
        for (byte x : full) {
            int b = x & 0xFF;
            if (present[b] > 0) {
                present[b]--;
            } else {
                out[n++] = b;
            }
        }
        return java.util.Arrays.copyOf(out, n);
    }
}
