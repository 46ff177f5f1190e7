package dev.colloquy.repair;

import java.util.Arrays;

/*
 * One language's Lingua quadrigrams, P(d | abc), kept compact: a 32-bit fingerprint of the four lower-case
 * code points and the probability as a byte (-ln p in steps of 1/16 nat), five bytes an entry in two sorted
 * arrays, looked up by binary search. A language has ~100,000 quadrigrams; as Strings in a map, or as an
 * NgramTable of longs and floats, they took ~3 MB and, through a JSON parser, 0.4-0.9 s per language to load,
 * which is why the character model did without them. Here a table is ~0.5 MB, read straight from the JSON
 * bytes ({@link LinguaNgrams#scan}: one pass, no per-entry objects). A fingerprint collision (about one lookup in
 * 40,000 of an absent quadrigram) reads some other quadrigram's probability: the model rescales its trigram
 * estimate by it, it does not replace it. Immutable once built; thread-safe.
 */
final class QuadrigramTable {

    static final QuadrigramTable EMPTY = new QuadrigramTable(new int[0], new byte[0]);

    /** Steps of -ln p per nat. */
    private static final double SCALE = 16;

    private final int[] keys;
    private final byte[] values;

    private QuadrigramTable(int[] keys, byte[] values) {
        this.keys = keys;
        this.values = values;
    }

    int size() {
        return keys.length;
    }

    /** P(d | abc) for lower-case code points, or 0 when the quadrigram is not in the table. */
    double get(int a, int b, int c, int d) {
        int slot = slotOf(fingerprint(a, b, c, d));
        return slot < 0 ? 0 : Math.exp(-(values[slot] & 0xFF) / SCALE);
    }

    /**
     * The slot of {@code key} in the sorted, distinct {@code keys}, or -1. The keys are hash fingerprints, spread
     * evenly over the int range, so each probe is guessed where the key would lie between the ends of the range
     * left (interpolation search: a few probes where a binary search of ~100,000 keys took 17, each a cache miss;
     * the quadrigram lookups were 3% of repairing damaged text).
     */
    private int slotOf(int key) {
        int lo = 0;
        int hi = keys.length - 1;
        while (lo <= hi) {
            int low = keys[lo];
            int high = keys[hi];
            if (key < low || key > high) {
                return -1;
            }
            int probe = low == high ? lo : lo + (int) (((long) key - low) * (hi - lo) / ((long) high - low));
            int found = keys[probe];
            if (found < key) {
                lo = probe + 1;
            } else if (found > key) {
                hi = probe - 1;
            } else {
                return probe;
            }
        }
        return -1;
    }

    static int fingerprint(int a, int b, int c, int d) {
        long h = ((long) a * 0x9E3779B97F4A7C15L + b) * 0xC2B2AE3D27D4EB4FL;
        h = (h + c) * 0x9E3779B97F4A7C15L;
        h = (h + d) * 0xC2B2AE3D27D4EB4FL;
        return (int) (h >>> 32);
    }

    /**
     * The table of Lingua's {@code quadrigrams.json}: {@code {"language":"...","ngrams":{"3/58":"abcd efgh",...}}},
     * each key a probability written as a fraction, each value the quadrigrams that have it.
     */
    static QuadrigramTable parse(byte[] json) {
        Entries entries = new Entries();
        LinguaNgrams.scan(json, entries);
        return of(entries.entries, entries.n);
    }

    /** The quadrigrams of a file, each as its fingerprint (high half, signed order, as the search wants) and byte. */
    private static final class Entries implements LinguaNgrams.NgramSink {
        long[] entries = new long[1 << 16];
        int n;

        @Override
        public void accept(int[] cps, int count, double probability) {
            if (count == 4) {
                if (n == entries.length) {
                    entries = Arrays.copyOf(entries, n * 2);
                }
                entries[n++] = (long) fingerprint(cps[0], cps[1], cps[2], cps[3]) << 8 | quantize(probability);
            }
        }
    }

    private static QuadrigramTable of(long[] entries, int n) {
        sort(entries, n);
        int[] keys = new int[n];
        byte[] values = new byte[n];
        int kept = 0;
        for (int e = 0; e < n; e++) {
            int key = (int) (entries[e] >> 8);
            if (kept > 0 && keys[kept - 1] == key) {
                continue; // a fingerprint collision inside the table: the first (likelier) entry stays
            }
            keys[kept] = key;
            values[kept] = (byte) (entries[e] & 0xFF);
            kept++;
        }
        return new QuadrigramTable(Arrays.copyOf(keys, kept), Arrays.copyOf(values, kept));
    }

    /**
     * Sorts {@code entries[0..n)}, each a fingerprint shifted left by 8 and or-ed with a byte (40 significant bits,
     * signed), into the order {@link Arrays#sort(long[], int, int)} gives, by three passes of a radix sort (14, 13
     * and 13 bits, the sign bit flipped so that negative fingerprints come first): equal entries are equal longs,
     * so the result is the same array. Each of ~70 languages sorts ~100,000 random keys once; a comparison sort
     * was half of loading them.
     */
    static void sort(long[] entries, int n) {
        long[] from = entries;
        long[] to = new long[n];
        int[] count = new int[1 << 14];
        for (int pass = 0; pass < 3; pass++) {
            int shift = pass == 0 ? 0 : pass == 1 ? 14 : 27;
            int mask = pass == 0 ? 0x3FFF : 0x1FFF;
            int flip = pass == 2 ? 0x1000 : 0;
            Arrays.fill(count, 0);
            for (int i = 0; i < n; i++) {
                count[((int) (from[i] >>> shift) & mask) ^ flip]++;
            }
            for (int d = 0, sum = 0; d <= mask; d++) {
                int c = count[d];
                count[d] = sum;
                sum += c;
            }
            for (int i = 0; i < n; i++) {
                long e = from[i];
                to[count[((int) (e >>> shift) & mask) ^ flip]++] = e;
            }
            long[] swap = from;
            from = to;
            to = swap;
        }
        System.arraycopy(from, 0, entries, 0, n); // three passes: the sorted entries are in the buffer
    }

    private static int quantize(double p) {
        return p <= 0 ? 255 : (int) Math.min(255, Math.round(-Math.log(p) * SCALE));
    }
}
