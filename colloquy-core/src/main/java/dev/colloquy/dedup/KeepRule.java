package dev.colloquy.dedup;

import dev.colloquy.model.SourcePosition;
import java.io.Serializable;
import java.util.Objects;

/*
 * The keep rule, for every engine. Records have a canonical order (RecordKey: file, line, index; the Spark
 * engine's ordinal). A record is removed iff some record EARLIER in that order is
 *   1. an exact duplicate (same fingerprint; checked first, and then it is an exact duplicate of the
 *      earliest record with that fingerprint), or else
 *   2. a verified near-duplicate: the pair shares an LSH band key, the earlier record is among the first
 *      max_bucket_comparisons records under that key (comparedWith), and the signatures agree in at least
 *      ceil(threshold * num_perm) positions (verified); it is then a near-duplicate of the earliest such record.
 * Records with an empty sketch are kept and take no part. Earlier records count whether or not they were
 * themselves removed, so the decision for a record depends only on the records before it, never on the order
 * decisions were made in, and each removal is justified by one direct, verified pair. No transitive closure:
 * with A~B and B~C but not A~C, B is removed as a duplicate of A and C as a duplicate of B (it resembles B, which
 * is in the corpus before it); a record never goes because it resembles something that merely resembles a kept
 * record.
 *
 * LocalDeduplicator applies the rule streaming, with an index; the Spark engine's DistributedDedup by group-bys.
 * Both take the comparison cap, the verification and the verdicts from here, and a core test (with a batch
 * reference implementation) and Spark's parity tests check that they decide every record the same way.
 */

/**
 * Which earlier records a record is compared with, when a comparison counts as a near-duplicate, and the verdict
 * naming the earliest match: the parts of the dedup keep rule that every engine shares. Immutable and
 * serializable, so the Spark engine ships it to its executors.
 */
public final class KeepRule implements Serializable {

    private static final long serialVersionUID = 1L;

    private final SimilarityVerifier verifier;
    private final int cap;

    public KeepRule(DedupConfig config) {
        Objects.requireNonNull(config, "config");
        this.verifier = new SimilarityVerifier(config.threshold());
        this.cap = config.maxBucketComparisons();
    }

    /**
     * How many of an LSH bucket's members, earliest first, the member at {@code position} (0-based, in canonical
     * order) is compared with: all those before it, up to {@code max_bucket_comparisons}.
     */
    public int comparedWith(int position) {
        return Math.min(position, cap);
    }

    /** The most members of one bucket that any record is compared with ({@code max_bucket_comparisons}). */
    public int bucketCap() {
        return cap;
    }

    /** Whether a pair whose signatures of {@code length} values agree in {@code matches} is a near-duplicate. */
    public boolean verified(int matches, int length) {
        return matches >= verifier.requiredMatches(length);
    }

    /** The verdict on a record whose content equals that of the earlier record {@code id} at {@code source}. */
    public static DuplicateOf exactDuplicateOf(String id, SourcePosition source) {
        return new DuplicateOf(DuplicateOf.Kind.EXACT, id, source, 1.0);
    }

    /** The verdict on a record verified against the earlier record {@code id}, {@code matches} of {@code length}. */
    public static DuplicateOf nearDuplicateOf(String id, SourcePosition source, int matches, int length) {
        return new DuplicateOf(DuplicateOf.Kind.NEAR, id, source, SimilarityVerifier.estimate(matches, length));
    }
}
