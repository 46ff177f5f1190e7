package dev.colloquy.dedup;

import java.io.Serializable;

/*
 * Locality-sensitive hashing by banding (Leskovec, Rajaraman, Ullman, "Mining of Massive Datasets", ch. 3.4).
 * The first bands * rows signature values are cut into `bands` bands of `rows` values; each band hashes to
 * one 64-bit key, and two records are candidates when they share a key in some band. A pair with Jaccard s
 * becomes a candidate with probability 1 - (1 - s^r)^b, an S-curve with its midpoint near (1/b)^(1/r).
 * The band number is hashed into the key, so keys of all bands can share one table (or one Spark shuffle
 * key) without a band's key meeting another band's.
 */

/** Derives the LSH band keys of a signature. Immutable and thread-safe. */
public final class LshBands implements Serializable {

    private static final long serialVersionUID = 1L;

    private final int bands;
    private final int rows;
    private final long seed;

    public LshBands(int bands, int rows, long seed) {
        if (bands < 1 || rows < 1) {
            throw new IllegalArgumentException("bands and rows must be at least 1, were " + bands + " and " + rows);
        }
        this.bands = bands;
        this.rows = rows;
        this.seed = seed;
    }

    public int bands() {
        return bands;
    }

    public int rows() {
        return rows;
    }

    /** One key per band, in band order. */
    public long[] keys(int[] signature) {
        if (signature.length < bands * rows) {
            throw new IllegalArgumentException("signature has " + signature.length + " values, bands x rows needs "
                    + bands * rows);
        }
        long[] keys = new long[bands];
        for (int band = 0; band < bands; band++) {
            long h = Hash64.mix(seed ^ (band + 1) * Hash64.GOLDEN);
            for (int r = band * rows, end = r + rows; r < end; r++) {
                h = Hash64.mix(h ^ (signature[r] & 0xFFFF_FFFFL)) + Hash64.GOLDEN;
            }
            keys[band] = h;
        }
        return keys;
    }
}
