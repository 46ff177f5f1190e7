package dev.colloquy.dedup;

import java.util.Arrays;

/*
 * A multimap from 64-bit keys to record numbers, in primitive arrays.
 *
 * Table: 64 shards chosen by the top bits of the mixed key, each an open-addressing table (linear probing)
 * of key -> head that grows by half when 80% full, so the table sits between 53% and 80% full and, because
 * shards grow one at a time, growing never needs more than 1/64 of the table twice. (One table doubling at
 * a million records would briefly hold 1.2 GB.) The slot within a shard is the mixed key's next 32 bits
 * scaled to the shard's capacity (Lemire's multiply-shift range reduction), so capacities need not be
 * powers of two.
 *
 * Buckets: most band keys have one member, so a lone member is stored in the head itself as
 * -(record + 1): 12 bytes per key and nothing else. A bucket with two or more members points (head > 0) to a
 * header entry holding (members ever added, first member entry), followed by one 8-byte entry per stored
 * member.
 *
 * A bucket stores only its first `cap` members; later ones are counted but not stored. Records arrive in
 * canonical order, so the stored members are the bucket's earliest records, which is what the keep rule
 * looks for, and a bucket of templated content cannot grow without bound or make each new record compare
 * with thousands of others.
 */
final class LongBucketIndex {

    private static final int SHARD_BITS = 6;
    private static final int INITIAL_CAPACITY = 256;

    private final int cap;
    private final long[][] keys = new long[1 << SHARD_BITS][];
    private final int[][] heads = new int[1 << SHARD_BITS][];
    private final int[] used = new int[1 << SHARD_BITS];
    private int[] entryRecord = new int[1024];
    private int[] entryNext = new int[1024];
    private int entries = 1;
    /** What {@link #touch} loaded, written so that the compiler keeps the loads. */
    private long touched;

    LongBucketIndex(int cap) {
        this.cap = cap;
        for (int i = 0; i < keys.length; i++) {
            keys[i] = new long[INITIAL_CAPACITY];
            heads[i] = new int[INITIAL_CAPACITY];
        }
    }

    void add(long key, int record) {
        long mixed = Hash64.mix(key);
        int shard = (int) (mixed >>> (64 - SHARD_BITS));
        int s = slot(shard, key, mixed);
        int[] h = heads[shard];
        int head = h[s];
        if (head == 0) {
            keys[shard][s] = key;
            h[s] = -(record + 1);
            if (++used[shard] * 5L > h.length * 4L) {
                grow(shard);
            }
        } else if (head < 0) {
            int second = cap >= 2 ? newEntry(record, newEntry(-head - 1, 0)) : newEntry(-head - 1, 0);
            h[s] = newEntry(2, second);
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
        long mixed = Hash64.mix(key);
        int shard = (int) (mixed >>> (64 - SHARD_BITS));
        int head = heads[shard][slot(shard, key, mixed)];
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

    /**
     * Appends the stored members under each of {@code keys} to {@code out}, key after key as
     * {@link #collect(long, IntBuffer)} does, and returns how many members were not stored, summed over the keys.
     */
    int collectAll(long[] keys, IntBuffer out) {
        touch(keys);
        int skipped = 0;
        for (long key : keys) {
            skipped += collect(key, out);
        }
        return skipped;
    }

    /*
     * Loads the home slot of every key before any is probed. At a million records the band tables hold ~400 MB,
     * so a key's home slot is a cache and TLB miss, and a probe's loop must see what it loaded before the next
     * key's probe can be decided: the misses of a record's 20 keys came one after another. These loads depend on
     * nothing loaded, so the processor has them in flight together, and the probes that follow find the slots
     * cached. The answers are collect's; only the order of the memory traffic changes.
     */
    private void touch(long[] keys) {
        long sum = 0;
        for (long key : keys) {
            long mixed = Hash64.mix(key);
            int shard = (int) (mixed >>> (64 - SHARD_BITS));
            long[] k = this.keys[shard];
            int s = home(mixed, k.length);
            sum += k[s] + heads[shard][s];
        }
        touched = sum;
    }

    /** Approximate bytes held by the arrays. */
    long bytes() {
        long b = entryRecord.length * 8L;
        for (long[] k : keys) {
            b += k.length * 12L;
        }
        return b;
    }

    private int slot(int shard, long key, long mixed) {
        long[] k = keys[shard];
        int[] h = heads[shard];
        int n = k.length;
        int s = home(mixed, n);
        while (h[s] != 0 && k[s] != key) {
            s = s + 1 == n ? 0 : s + 1;
        }
        return s;
    }

    private static int home(long mixed, int capacity) {
        return (int) (((mixed & 0xFFFF_FFFFL) * capacity) >>> 32);
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

    private void grow(int shard) {
        long[] oldKeys = keys[shard];
        int[] oldHeads = heads[shard];
        int n = oldKeys.length + (oldKeys.length >> 1);
        keys[shard] = new long[n];
        heads[shard] = new int[n];
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldHeads[i] != 0) {
                long key = oldKeys[i];
                int s = slot(shard, key, Hash64.mix(key));
                keys[shard][s] = key;
                heads[shard][s] = oldHeads[i];
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
