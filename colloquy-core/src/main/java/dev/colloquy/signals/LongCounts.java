package dev.colloquy.signals;

import java.util.Arrays;

/*
 * A small open-addressing map from 64-bit hashes to counts, so n-gram counting allocates two arrays per turn
 * instead of a boxed entry per n-gram. Zero is a valid key: it is kept in a side slot.
 */
final class LongCounts {

    private long[] keys;
    private int[] counts;
    private int size;
    private int zeroCount;

    LongCounts(int expected) {
        int cap = Integer.highestOneBit(Math.max(16, expected * 2 - 1)) << 1;
        keys = new long[cap];
        counts = new int[cap];
    }

    /** Forgets every key, keeping the capacity. */
    void clear() {
        Arrays.fill(keys, 0);
        Arrays.fill(counts, 0);
        size = 0;
        zeroCount = 0;
    }

    /** Adds one occurrence of {@code key}; returns its new count. */
    int add(long key) {
        if (key == 0) {
            return ++zeroCount;
        }
        if ((size + 1) * 2 > keys.length) {
            grow();
        }
        int mask = keys.length - 1;
        int i = slot(key, mask);
        while (keys[i] != 0 && keys[i] != key) {
            i = (i + 1) & mask;
        }
        if (keys[i] == 0) {
            keys[i] = key;
            size++;
        }
        return ++counts[i];
    }

    /** Sets the count of {@code key} to {@code value} (used as a small long-to-int map). */
    void put(long key, int value) {
        int now = get(key);
        if (key == 0) {
            zeroCount = value;
            return;
        }
        if (now == 0) {
            add(key);
        }
        int mask = keys.length - 1;
        int i = slot(key, mask);
        while (keys[i] != key) {
            i = (i + 1) & mask;
        }
        counts[i] = value;
    }

    int get(long key) {
        if (key == 0) {
            return zeroCount;
        }
        int mask = keys.length - 1;
        int i = slot(key, mask);
        while (keys[i] != 0) {
            if (keys[i] == key) {
                return counts[i];
            }
            i = (i + 1) & mask;
        }
        return 0;
    }

    boolean contains(long key) {
        return get(key) > 0;
    }

    private static int slot(long key, int mask) {
        long h = key * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32)) & mask;
    }

    private void grow() {
        long[] oldKeys = keys;
        int[] oldCounts = counts;
        keys = new long[oldKeys.length * 2];
        counts = new int[oldKeys.length * 2];
        int mask = keys.length - 1;
        for (int j = 0; j < oldKeys.length; j++) {
            if (oldKeys[j] != 0) {
                int i = slot(oldKeys[j], mask);
                while (keys[i] != 0) {
                    i = (i + 1) & mask;
                }
                keys[i] = oldKeys[j];
                counts[i] = oldCounts[j];
            }
        }
        Arrays.fill(oldKeys, 0);
    }
}
