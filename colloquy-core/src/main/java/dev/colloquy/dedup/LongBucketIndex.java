package dev.colloquy.dedup;

import java.util.Arrays;

/*
 * A multimap from 64-bit keys to record numbers, in primitive arrays: an open-addressing table (linear
 * probing, load <= 0.75) of key -> head, plus chain entries in two int arrays. Most band keys have one
 * member, so a lone member is stored in the head itself (as -(record + 1)): 12 bytes per key at load
 * 0.375-0.75, nothing else. A bucket with two or more members points (head > 0) to a header entry holding
 * (members ever added, first member entry), followed by one 8-byte entry per stored member.
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
    private int used;
    private int[] entryRecord = new int[1024];
    private int[] entryNext = new int[1024];
    private int entries = 1;

    LongBucketIndex(int cap) {
        this.cap = cap;
        keys = new long[1024];
        heads = new int[1024];
    }

    void add(long key, int record) {
        int s = slot(key);
        int head = heads[s];
        if (head == 0) {
            keys[s] = key;
            heads[s] = -(record + 1);
            if (++used * 4L > keys.length * 3L) {
                grow();
            }
        } else if (head < 0) {
            int second = cap >= 2 ? newEntry(record, newEntry(-head - 1, 0)) : newEntry(-head - 1, 0);
            heads[s] = newEntry(2, second);
        } else {
            if (entryRecord[head] != Integer.MAX_VALUE) {
                entryRecord[head]++;
            }
            if (entryRecord[head] <= cap) {
                int first = newEntry(record, entryNext[head]);
                entryNext[head] = first;
            }
        }
    }

    /**
     * Appends the stored members under {@code key} to {@code out} (latest first) and returns how many members
     * were not stored because the bucket was full.
     */
    int collect(long key, IntBuffer out) {
        int head = heads[slot(key)];
        if (head == 0) {
            return 0;
        }
        if (head < 0) {
            out.add(-head - 1);
            return 0;
        }
        for (int e = entryNext[head]; e != 0; e = entryNext[e]) {
            out.add(entryRecord[e]);
        }
        return Math.max(0, entryRecord[head] - cap);
    }

    /** Approximate bytes held by the arrays. */
    long bytes() {
        return keys.length * 12L + entryRecord.length * 8L;
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
        keys = new long[oldKeys.length * 2];
        heads = new int[oldKeys.length * 2];
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldHeads[i] != 0) {
                int s = slot(oldKeys[i]);
                keys[s] = oldKeys[i];
                heads[s] = oldHeads[i];
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
