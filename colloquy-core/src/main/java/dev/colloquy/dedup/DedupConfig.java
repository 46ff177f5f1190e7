package dev.colloquy.dedup;

import dev.colloquy.step.StepParameters;
import java.io.Serializable;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * The settings of the dedup corpus step, validated on construction; every error names the key to change.
 * The same record configures the local engine and the Spark one, so both make the same decisions.
 *
 * @param mode                   which duplicates to remove: exact, near, or both
 * @param scope                  what content is compared: the whole conversation or its first user turn
 * @param shingleSize            tokens per shingle (words, or characters in scripts written without spaces)
 * @param numPerm                MinHash permutations, i.e. the signature length
 * @param bands                  LSH bands
 * @param rows                   signature values per band; {@code bands * rows <= numPerm}
 * @param threshold              estimated Jaccard similarity at or above which a candidate pair is a near-duplicate
 * @param seed                   seed of every hash function; change it and all signatures change
 * @param maxBucketComparisons   at most this many earliest members of one LSH bucket are compared with a new record
 */
public record DedupConfig(Mode mode, Scope scope, int shingleSize, int numPerm, int bands, int rows,
                          double threshold, long seed, int maxBucketComparisons) implements Serializable {

    /** The corpus step's name in {@code PIPELINE.yaml}. */
    public static final String NAME = "dedup";

    /** The keys {@link #fromParameters(StepParameters)} accepts. */
    public static final Set<String> PARAMETERS = Set.of("mode", "scope", "shingle_size", "num_perm", "bands",
            "rows", "threshold", "seed", "max_bucket_comparisons");

    public static final int DEFAULT_SHINGLE_SIZE = 5;
    public static final int DEFAULT_NUM_PERM = 128;
    public static final int DEFAULT_BANDS = 20;
    public static final int DEFAULT_ROWS = 6;
    public static final double DEFAULT_THRESHOLD = 0.8;
    public static final long DEFAULT_SEED = 42L;
    public static final int DEFAULT_MAX_BUCKET_COMPARISONS = 100;

    /** Which duplicates the step removes. */
    public enum Mode {
        EXACT, NEAR, BOTH;

        public boolean exact() {
            return this != NEAR;
        }

        public boolean near() {
            return this != EXACT;
        }
    }

    /** What part of a conversation is compared. */
    public enum Scope {
        /** Every turn, with its role, in order. */
        CONVERSATION,
        /** The text of the first turn whose role is {@code user}; records without one are never duplicates. */
        FIRST_USER_TURN
    }

    public DedupConfig {
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(scope, "scope");
        if (shingleSize < 1 || shingleSize > 64) {
            throw invalid("shingle_size", "must be between 1 and 64", shingleSize);
        }
        if (numPerm < 1 || numPerm > 1024) {
            throw invalid("num_perm", "must be between 1 and 1024", numPerm);
        }
        if (bands < 1) {
            throw invalid("bands", "must be at least 1", bands);
        }
        if (rows < 1) {
            throw invalid("rows", "must be at least 1", rows);
        }
        if ((long) bands * rows > numPerm) {
            throw new IllegalArgumentException("Step '" + NAME + "': 'bands' x 'rows' (" + bands + " x " + rows
                    + " = " + (long) bands * rows + ") must not exceed 'num_perm' (" + numPerm + ")");
        }
        if (!(threshold > 0 && threshold <= 1)) {
            throw invalid("threshold", "must be in (0, 1]", threshold);
        }
        if (maxBucketComparisons < 1) {
            throw invalid("max_bucket_comparisons", "must be at least 1", maxBucketComparisons);
        }
    }

    /** The defaults: exact and near-duplicates of whole conversations at Jaccard 0.8, 128 permutations, 20 x 6 bands. */
    public static DedupConfig defaults() {
        return new DedupConfig(Mode.BOTH, Scope.CONVERSATION, DEFAULT_SHINGLE_SIZE, DEFAULT_NUM_PERM, DEFAULT_BANDS,
                DEFAULT_ROWS, DEFAULT_THRESHOLD, DEFAULT_SEED, DEFAULT_MAX_BUCKET_COMPARISONS);
    }

    /**
     * Reads the step's parameters from {@code PIPELINE.yaml}; missing keys take the defaults, unknown keys and
     * wrong values are errors naming the key.
     */
    public static DedupConfig fromParameters(StepParameters p) {
        DedupConfig d = defaults();
        DedupConfig c = new DedupConfig(
                parseEnum(Mode.class, "mode", p.getString("mode", null), d.mode()),
                parseEnum(Scope.class, "scope", p.getString("scope", null), d.scope()),
                p.getInt("shingle_size", d.shingleSize()),
                p.getInt("num_perm", d.numPerm()),
                p.getInt("bands", d.bands()),
                p.getInt("rows", d.rows()),
                p.getDouble("threshold", d.threshold()),
                p.getInt("seed", (int) d.seed()),
                p.getInt("max_bucket_comparisons", d.maxBucketComparisons()));
        p.requireAllConsumed(PARAMETERS);
        return c;
    }

    public DedupConfig withMode(Mode newMode) {
        return new DedupConfig(newMode, scope, shingleSize, numPerm, bands, rows, threshold, seed,
                maxBucketComparisons);
    }

    public DedupConfig withScope(Scope newScope) {
        return new DedupConfig(mode, newScope, shingleSize, numPerm, bands, rows, threshold, seed,
                maxBucketComparisons);
    }

    public DedupConfig withThreshold(double newThreshold) {
        return new DedupConfig(mode, scope, shingleSize, numPerm, bands, rows, newThreshold, seed,
                maxBucketComparisons);
    }

    public DedupConfig withMaxBucketComparisons(int newMax) {
        return new DedupConfig(mode, scope, shingleSize, numPerm, bands, rows, threshold, seed, newMax);
    }

    /** The probability that a pair with Jaccard similarity {@code s} shares at least one band: 1-(1-s^r)^b. */
    public double candidateProbability(double s) {
        return 1 - Math.pow(1 - Math.pow(s, rows), bands);
    }

    private static <E extends Enum<E>> E parseEnum(Class<E> type, String key, String value, E dflt) {
        if (value == null) {
            return dflt;
        }
        String wanted = value.trim().toUpperCase(Locale.ROOT);
        for (E e : type.getEnumConstants()) {
            if (e.name().equals(wanted)) {
                return e;
            }
        }
        StringBuilder valid = new StringBuilder();
        for (E e : type.getEnumConstants()) {
            valid.append(valid.length() == 0 ? "" : ", ").append(e.name().toLowerCase(Locale.ROOT));
        }
        throw new IllegalArgumentException("Step '" + NAME + "': parameter '" + key + "' must be one of "
                + valid + ", was '" + value + "'");
    }

    private static IllegalArgumentException invalid(String key, String rule, Object value) {
        return new IllegalArgumentException("Step '" + NAME + "': parameter '" + key + "' " + rule + ", was " + value);
    }
}
