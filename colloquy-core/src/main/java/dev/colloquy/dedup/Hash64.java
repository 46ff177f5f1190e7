package dev.colloquy.dedup;

/*
 * Seeded 64-bit hashing for tokens and shingles. Tokens are hashed code point by code point with an
 * FNV-1a style multiply-xor loop and then passed through the SplitMix64 finalizer (Steele, Lea, Flood,
 * "Fast splittable pseudorandom number generators", OOPSLA 2014), whose avalanche repairs FNV's weak
 * high bits. A shingle's hash chains its tokens' hashes through the same finalizer, so it depends on
 * token order. All of this is pure arithmetic: identical on every JVM, which Spark parity relies on.
 */
final class Hash64 {

    static final long GOLDEN = 0x9E3779B97F4A7C15L;
    private static final long FNV_PRIME = 0x100000001B3L;

    private Hash64() {
    }

    /** The SplitMix64 finalizer: a bijection on 64-bit values with full avalanche. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** Starts a token hash. */
    static long start(long seed) {
        return seed ^ 0xCBF29CE484222325L;
    }

    /** Folds one code point into a token hash started by {@link #start(long)}. */
    static long fold(long state, int codePoint) {
        return (state ^ codePoint) * FNV_PRIME;
    }

    /** Finishes a token hash. */
    static long finish(long state) {
        return mix(state);
    }

    /** The n-th value of the SplitMix64 sequence seeded with {@code seed}: independent parameters per use. */
    static long nth(long seed, long n) {
        return mix(seed + (n + 1) * GOLDEN);
    }
}
