package dev.colloquy.dedup;

import java.io.Serializable;
import java.util.List;
import java.util.Objects;

/**
 * The near-duplicate half of the {@link KeepRule} for one LSH bucket, as an engine that groups records by band
 * key applies it: given the signatures of a bucket's members in canonical order, finds for each member the
 * earliest earlier member it verifiably near-duplicates, comparing member {@code p} only with the members
 * {@link KeepRule#comparedWith} names. A record's verdict is then the earliest match over all its buckets.
 * Test code: the batch reference ({@link BatchDeduplicator}) that the engines are checked against.
 */
public final class BucketVerifier implements Serializable {

    private static final long serialVersionUID = 1L;

    private final KeepRule rule;

    public BucketVerifier(DedupConfig config) {
        this.rule = new KeepRule(config);
    }

    /**
     * A member's earliest verified match within one bucket.
     *
     * @param earlier the match's position in the bucket
     * @param matches how many signature values agree (see {@link SimilarityVerifier#estimate(int, int)})
     */
    public record Match(int earlier, int matches) implements Serializable {
    }

    /** For each member (in canonical order), its earliest verified earlier member in this bucket, or null. */
    public Match[] earliestMatches(List<int[]> signatures) {
        Objects.requireNonNull(signatures, "signatures");
        Match[] out = new Match[signatures.size()];
        for (int p = 1; p < out.length; p++) {
            int[] later = signatures.get(p);
            for (int q = 0, end = rule.comparedWith(p); q < end; q++) {
                int m = SimilarityVerifier.matches(signatures.get(q), later);
                if (rule.verified(m, later.length)) {
                    out[p] = new Match(q, m);
                    break;
                }
            }
        }
        return out;
    }

    /** Comparisons the cap skipped in a bucket of this many members (for {@link DedupStats}). */
    public long skippedComparisons(int members) {
        // Member p (0-based) skips max(0, p - cap) comparisons: the sum of 1 .. members - 1 - cap.
        long n = Math.max(0, members - 1L - rule.bucketCap());
        return n * (n + 1) / 2;
    }
}
