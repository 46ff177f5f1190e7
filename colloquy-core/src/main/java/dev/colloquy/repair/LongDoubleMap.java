package dev.colloquy.repair;

/**
 * A map from long to double without boxing, for the per-line memos of the character model (a scorer asks for
 * every char of every decoding it ranks; a {@code HashMap<Long, Double>} boxed both sides of every question).
 * Open addressing with linear probing; grows at load 1/2. Not thread-safe.
 */
final class LongDoubleMap {

    private long[] keys = new long[64];
    private double[] values = new double[64];
    private boolean[] used = new boolean[64];
    private int size;
    private double last;

    /** Whether {@code key} is present; its value is then {@link #lastValue()}. */
    boolean find(long key) {
        int mask = keys.length - 1;
        for (int slot = slot(key, mask); used[slot]; slot = slot + 1 & mask) {
            if (keys[slot] == key) {
                last = values[slot];
                return true;
            }
        }
        return false;
    }

    /** The value {@link #find} found. */
    double lastValue() {
        return last;
    }

    void put(long key, double value) {
        if (2 * (size + 1) > keys.length) {
            grow();
        }
        int mask = keys.length - 1;
        int slot = slot(key, mask);
        while (used[slot]) {
            if (keys[slot] == key) {
                values[slot] = value;
                return;
            }
            slot = slot + 1 & mask;
        }
        used[slot] = true;
        keys[slot] = key;
        values[slot] = value;
        size++;
    }

    private void grow() {
        long[] oldKeys = keys;
        double[] oldValues = values;
        boolean[] oldUsed = used;
        keys = new long[oldKeys.length * 2];
        values = new double[oldKeys.length * 2];
        used = new boolean[oldKeys.length * 2];
        size = 0;
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldUsed[i]) {
                put(oldKeys[i], oldValues[i]);
            }
        }
    }

    private static int slot(long key, int mask) {
        long h = key * 0x9E3779B97F4A7C15L;
        return (int) (h ^ h >>> 32) & mask;
    }
}
