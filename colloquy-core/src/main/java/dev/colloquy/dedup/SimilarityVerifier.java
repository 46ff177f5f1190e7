package dev.colloquy.dedup;

import java.io.Serializable;

/*
 * Values are compared on their low 8 bits only (b-bit minwise hashing, Li and Koenig, "b-Bit Minwise
 * Hashing", WWW 2010), so an index holds one byte per value instead of four. Two different minima agree on
 * 8 bits with probability 1/256, so the match rate is P = J + (1 - J) / 256; the estimate inverts that,
 * J = (P - 1/256) / (1 - 1/256), which is unbiased and whose standard error at J = 0.8 (0.035 with 128
 * values) is within 1% of full-width MinHash. The decision "estimate >= threshold" is made on integer
 * counts: at least ceil(n * (t + (1 - t) / 256)) agreeing values (103 of 128 at t = 0.8), so every engine
 * decides a borderline pair the same way.
 */

/**
 * Decides whether a candidate pair is a near-duplicate: the estimated Jaccard similarity from the agreeing
 * MinHash signature values must reach the threshold. Immutable and thread-safe.
 */
public final class SimilarityVerifier implements Serializable {

    private static final long serialVersionUID = 1L;

    private final double threshold;

    public SimilarityVerifier(double threshold) {
        if (!(threshold > 0 && threshold <= 1)) {
            throw new IllegalArgumentException("threshold must be in (0, 1], was " + threshold);
        }
        this.threshold = threshold;
    }

    public double threshold() {
        return threshold;
    }

    private static final double SPURIOUS = 1.0 / 256;

    /** Number of positions where the two signatures agree (on the low 8 bits of each value). */
    public static int matches(int[] a, int[] b) {
        if (a.length != b.length) {
            throw new IllegalArgumentException("signatures differ in length: " + a.length + " vs " + b.length);
        }
        int m = 0;
        for (int i = 0; i < a.length; i++) {
            if ((byte) a[i] == (byte) b[i]) {
                m++;
            }
        }
        return m;
    }

    /** The estimated Jaccard similarity of the sets behind two signatures. */
    public static double estimatedJaccard(int[] a, int[] b) {
        return estimate(matches(a, b), a.length);
    }

    /** The estimated Jaccard similarity when {@code matches} of {@code length} low bytes agree. */
    public static double estimate(int matches, int length) {
        if (length == 0) {
            return 0;
        }
        return Math.max(0, ((double) matches / length - SPURIOUS) / (1 - SPURIOUS));
    }

    /** True when the estimate reaches the threshold. */
    public boolean isNearDuplicate(int[] a, int[] b) {
        return matches(a, b) >= requiredMatches(a.length);
    }

    /** The smallest number of equal values that reaches the threshold for signatures of this length. */
    public int requiredMatches(int length) {
        return (int) Math.ceil((threshold + (1 - threshold) * SPURIOUS) * length - 1e-9);
    }

    /** The exact Jaccard similarity of two sorted arrays of distinct hashes, for tests and small sets. */
    public static double exactJaccard(long[] a, long[] b) {
        int i = 0;
        int j = 0;
        int common = 0;
        while (i < a.length && j < b.length) {
            if (a[i] == b[j]) {
                common++;
                i++;
                j++;
            } else if (a[i] < b[j]) {
                i++;
            } else {
                j++;
            }
        }
        int union = a.length + b.length - common;
        return union == 0 ? 1 : (double) common / union;
    }
}
