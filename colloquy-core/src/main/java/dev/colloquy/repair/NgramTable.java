package dev.colloquy.repair;

/*
 * One Lingua n-gram table (one language, one order) as open addressing over packed code points: an n-gram of
 * up to three code points is one long (21 bits each), its probability a float. A String-keyed map cost a
 * string, its hash and a Float per lookup, and 60-70 bytes per entry: the character model's language weights
 * and the trigram tables' eviction (only 20 languages fitted in the heap) were most of the CPU of repairing
 * damaged multilingual text. Here every trigram table of all 75 languages (about a million entries) takes
 * ~18 MB. Immutable once built; thread-safe.
 */
final class NgramTable {

    static final NgramTable EMPTY = new NgramTable(new long[] {0}, new float[1], 0);

    private final long[] keys; // 0: free slot (no n-gram packs to 0: the code points are never NUL)
    private final float[] values;
    private final int mask;
    private final int size;

    private NgramTable(long[] keys, float[] values, int size) {
        this.keys = keys;
        this.values = values;
        this.mask = keys.length - 1;
        this.size = size;
    }

    /** The key of a one-, two- or three-code-point n-gram. */
    static long key(int a) {
        return a;
    }

    static long key(int a, int b) {
        return (long) a << 21 | b;
    }

    static long key(int a, int b, int c) {
        return (long) a << 42 | (long) b << 21 | c;
    }

    /** The key of {@code ngram} (one to three code points), or -1 when it has more. */
    static long key(String ngram) {
        long key = 0;
        int count = 0;
        for (int i = 0; i < ngram.length(); ) {
            int cp = ngram.codePointAt(i);
            i += Character.charCount(cp);
            if (++count > 3) {
                return -1;
            }
            key = key << 21 | cp;
        }
        return key;
    }

    /** The probability stored for {@code key}, or 0 when the n-gram is not in the table. */
    float get(long key) {
        int slot = slot(key);
        while (true) {
            long k = keys[slot];
            if (k == key) {
                return values[slot];
            }
            if (k == 0) {
                return 0f;
            }
            slot = slot + 1 & mask;
        }
    }

    boolean isEmpty() {
        return size == 0;
    }

    /** The slot holding {@code key} (0..{@link #slots()}), or -1 when the n-gram is not in the table. */
    int slotOf(long key) {
        int slot = slot(key);
        while (true) {
            long k = keys[slot];
            if (k == key) {
                return slot;
            }
            if (k == 0) {
                return -1;
            }
            slot = slot + 1 & mask;
        }
    }

    /** How many slots the table has: a table of values per n-gram can sit beside it, indexed by {@link #slotOf}. */
    int slots() {
        return keys.length;
    }

    /** The key in {@code slot}, 0 for a free one. */
    long keyAt(int slot) {
        return keys[slot];
    }

    /** The probability in {@code slot} (0 for a free one). */
    float valueAt(int slot) {
        return values[slot];
    }

    private int slot(long key) {
        long h = key * 0x9E3779B97F4A7C15L;
        return (int) (h ^ h >>> 32) & mask;
    }

    /** Collects entries, then {@link #build()}s the table. */
    static final class Builder {
        private long[] keys = new long[64];
        private float[] values = new float[64];
        private int size;

        void put(long key, float value) {
            if (size == keys.length) {
                keys = java.util.Arrays.copyOf(keys, size * 2);
                values = java.util.Arrays.copyOf(values, size * 2);
            }
            keys[size] = key;
            values[size] = value;
            size++;
        }

        int size() {
            return size;
        }

        NgramTable build() {
            int capacity = Integer.highestOneBit(Math.max(2, size * 3 / 2)) * 2; // load factor <= 0.75
            NgramTable table = new NgramTable(new long[capacity], new float[capacity], 0);
            int distinct = 0;
            for (int i = 0; i < size; i++) {
                int slot = table.slot(keys[i]);
                while (table.keys[slot] != 0 && table.keys[slot] != keys[i]) {
                    slot = slot + 1 & table.mask;
                }
                if (table.keys[slot] == 0) {
                    distinct++;
                }
                // a later entry for the same n-gram wins, as a map's put does
                table.keys[slot] = keys[i];
                table.values[slot] = values[i];
            }
            return new NgramTable(table.keys, table.values, distinct);
        }
    }
}
