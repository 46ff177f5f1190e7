package dev.colloquy.dedup;

import dev.colloquy.model.Finding;
import dev.colloquy.model.Reason;
import dev.colloquy.model.SourcePosition;
import java.util.Locale;
import java.util.Objects;

/**
 * Why a record was removed as a duplicate: the earliest record (in canonical order) that it duplicates.
 *
 * @param kind             exact (same normalized content) or near (verified MinHash similarity)
 * @param ofId             the id of the record it duplicates
 * @param ofSource         where that record is in the input
 * @param estimatedJaccard the estimated Jaccard similarity of the pair; 1.0 for exact duplicates
 */
public record DuplicateOf(Kind kind, String ofId, SourcePosition ofSource, double estimatedJaccard)
        implements Finding {

    /** The two kinds of duplicate. */
    public enum Kind {
        EXACT, NEAR;

        private final Reason reason = Reason.of(name().toLowerCase(Locale.ROOT) + "_duplicate");

        /** The quarantine reason: {@code exact_duplicate} or {@code near_duplicate}. */
        public Reason reason() {
            return reason;
        }
    }

    public DuplicateOf {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(ofId, "ofId");
        Objects.requireNonNull(ofSource, "ofSource");
    }

    @Override
    public String type() {
        return "duplicate_of";
    }

    /** The quarantine reason. */
    public Reason why() {
        return kind.reason();
    }

    /** The quarantine reason's code: {@code exact_duplicate} or {@code near_duplicate}. */
    public String reason() {
        return kind.reason().code();
    }

    /** A sentence for the quarantine: "near-duplicate (Jaccard ~0.91) of record 'x' at a.jsonl:3". */
    public String message() {
        if (kind == Kind.EXACT) {
            return "exact duplicate of record '" + ofId + "' at " + ofSource;
        }
        return String.format(Locale.ROOT, "near-duplicate (estimated Jaccard %.2f) of record '%s' at %s",
                estimatedJaccard, ofId, ofSource);
    }
}
