package dev.colloquy.dedup;

import java.util.Objects;

/** The dedup verdict on one record: keep it, or remove it as a duplicate of an earlier record. */
public sealed interface DedupDecision {

    /** The record is the first of its content seen so far: keep it. */
    record Keep() implements DedupDecision {
    }

    /** The record duplicates an earlier one, named in {@code of}. */
    record Duplicate(DuplicateOf of) implements DedupDecision {
        public Duplicate {
            Objects.requireNonNull(of, "of");
        }
    }

    DedupDecision KEEP = new Keep();

    default boolean isDuplicate() {
        return this instanceof Duplicate;
    }
}
