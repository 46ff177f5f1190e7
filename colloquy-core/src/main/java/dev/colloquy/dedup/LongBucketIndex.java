package dev.colloquy.dedup;

import java.util.Arrays;

/*
 * A multimap from 64-bit keys to record numbers, in primitive arrays: an open-addressing table (linear
 * probing, load <= 0.75) of key -> (head, members ever added), plus chains as two int arrays. Most band
 * keys have one member, so a lone member is stored in the head itself (as -(record + 1)) and only buckets
 * of two or more use chain entries. Per distinct key that is 16 bytes of table / load (0.375 to 0.75);
 * per member of a shared bucket 8 bytes of chain.
 *
 * A bucket stores only its first `cap` members; later ones are counted but not stored. Records arrive in
 * canonical order, so the stored members are the bucket's earliest records, which is what the keep rule
 * looks for, and a bucket of templated content cannot grow without bound or make each new record compare
 * with thousands of others.
 */
final class LongBucketIndex {

    private final int cap;
    private long[] keys;
    private int[] heads;
    private int[] counts;
    private int used;
    private int[] entryRecord = new int[1024];
    private int[] entryNext = new int[1024];
    private int entries = 1;

    LongBucketIndex(int cap) {
        this.cap = cap;
        keys = new long[1024];
        heads = new int[1024];
        counts = new int[1024];
    }

    void add(long key, int record) {
        int s = slot(key);
        if (heads[s] == 0) {
            keys[s] = key;
            heads[s] = -(record + 1);
            counts[s] = 1;
            used++;
        } else {
            if (counts[s] != Integer.MAX_VALUE) {
                counts[s]++;
            }
            if (counts[s] <= cap) {
                int head = heads[s] < 0 ? newEntry(-heads[s] - 1, 0) : heads[s];
                heads[s] = newEntry(record, head);
            }
        }
        if (used * 4L > keys.length * 3L) {
            grow();
        }
    }

    /**
     * Appends the stored members under {@code key} to {@code out} (latest first) and returns how many members
     * were not stored because the bucket was full.
     */
    int collect(long key, IntBuffer out) {
        int s = slot(key);
        if (heads[s] == 0) {
            return 0;
        }
        if (heads[s] < 0) {
            out.add(-heads[s] - 1);
            return 0;
        }
        for (int e = heads[s]; e != 0; e = entryNext[e]) {
            out.add(entryRecord[e]);
        }
        return Math.max(0, counts[s] - cap);
    }

    /** Approximate bytes held by the arrays. */
    long bytes() {
        return keys.length * 16L + entryRecord.length * 8L;
    }

    private int slot(long key) {
        int mask = keys.length - 1;
        int s = (int) Hash64.mix(key) & mask;
        while (heads[s] != 0 && keys[s] != key) {
            s = (s + 1) & mask;
        }
        return s;
    }

    private int newEntry(int record, int next) {
        if (entries == entryRecord.length) {
            int n = entryRecord.length + (entryRecord.length >> 1);
            entryRecord = Arrays.copyOf(entryRecord, n);
            entryNext = Arrays.copyOf(entryNext, n);
        }
        entryRecord[entries] = record;
        entryNext[entries] = next;
        return entries++;
    }

    private void grow() {
        long[] oldKeys = keys;
        int[] oldHeads = heads;
        int[] oldCounts = counts;
        keys = new long[oldKeys.length * 2];
        heads = new int[oldKeys.length * 2];
        counts = new int[oldKeys.length * 2];
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldHeads[i] != 0) {
                int s = slot(oldKeys[i]);
                keys[s] = oldKeys[i];
                heads[s] = oldHeads[i];
                counts[s] = oldCounts[i];
            }
        }
    }

    /** A growable int array, reused across lookups by one single-threaded owner. */
    static final class IntBuffer {
        private int[] values = new int[64];
        private int size;

        void add(int v) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = v;
        }

        void clear() {
            size = 0;
        }

        int size() {
            return size;
        }

        int get(int i) {
            return values[i];
        }

        void sort() {
            Arrays.sort(values, 0, size);
        }
    }
}
