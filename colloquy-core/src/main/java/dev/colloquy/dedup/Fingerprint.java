package dev.colloquy.dedup;

import java.io.Serializable;

/**
 * A 128-bit fingerprint of a record's normalized content (the first 16 bytes of its SHA-256): records with
 * equal fingerprints are exact duplicates. At 128 bits, an accidental collision among 10^12 records has a
 * probability below 10^-14.
 */
public record Fingerprint(long high, long low) implements Serializable {

    @Override
    public String toString() {
        return String.format("%016x%016x", high, low);
    }
}
