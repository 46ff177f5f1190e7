package dev.colloquy.dedup;

import java.io.Serializable;
import java.util.Arrays;
import java.util.Objects;

/**
 * What dedup needs to know about one record, computed from it alone: the fingerprint of its normalized
 * content and its MinHash signature. Engines compute sketches in parallel (local threads, Spark executors)
 * and compare them afterwards.
 *
 * @param fingerprint the exact-content fingerprint, null when the mode does not look for exact duplicates
 * @param signature   the MinHash signature, empty when the mode does not look for near-duplicates
 * @param empty       true when the compared content holds no letter or digit; such records are never duplicates
 */
public record RecordSketch(Fingerprint fingerprint, int[] signature, boolean empty) implements Serializable {

    public RecordSketch {
        Objects.requireNonNull(signature, "signature");
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RecordSketch s && Objects.equals(fingerprint, s.fingerprint)
                && Arrays.equals(signature, s.signature) && empty == s.empty;
    }

    @Override
    public int hashCode() {
        return Objects.hash(fingerprint, Arrays.hashCode(signature), empty);
    }

    @Override
    public String toString() {
        return "RecordSketch[" + fingerprint + ", " + signature.length + " values" + (empty ? ", empty" : "") + "]";
    }
}
