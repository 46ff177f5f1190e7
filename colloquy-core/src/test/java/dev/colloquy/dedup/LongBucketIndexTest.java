package dev.colloquy.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LongBucketIndexTest {

    private static List<Integer> members(LongBucketIndex index, long key) {
        LongBucketIndex.IntBuffer buf = new LongBucketIndex.IntBuffer();
        index.collect(key, buf);
        buf.sort();
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < buf.size(); i++) {
            out.add(buf.get(i));
        }
        return out;
    }

    @Test
    void agreesWithAHashMapOfListsThroughGrowth() {
        Random random = new Random(9);
        LongBucketIndex index = new LongBucketIndex(Integer.MAX_VALUE);
        Map<Long, List<Integer>> expected = new HashMap<>();
        for (int r = 0; r < 20_000; r++) {
            long key = random.nextInt(5000) * 0x9E3779B97F4A7C15L;
            index.add(key, r);
            expected.computeIfAbsent(key, k -> new ArrayList<>()).add(r);
        }

        for (Map.Entry<Long, List<Integer>> e : expected.entrySet()) {
            assertThat(members(index, e.getKey())).isEqualTo(e.getValue());
        }
        assertThat(members(index, 12345L)).isEmpty();
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource({"1, 10, 9", "2, 10, 8", "3, 10, 7", "3, 2, 0", "3, 1, 0"})
    void storesOnlyTheEarliestMembersOfAFullBucketAndCountsTheRest(int cap, int added, int notStored) {
        LongBucketIndex index = new LongBucketIndex(cap);
        for (int r = 0; r < added; r++) {
            index.add(7L, r);
        }
        LongBucketIndex.IntBuffer buf = new LongBucketIndex.IntBuffer();

        assertThat(index.collect(7L, buf)).isEqualTo(notStored);
        assertThat(members(index, 7L)).containsExactlyElementsOf(
                java.util.stream.IntStream.range(0, Math.min(cap, added)).boxed().toList());
    }

    @Test
    void collectingManyKeysAtOnceAnswersAsCollectingThemOneByOne() {
        Random random = new Random(11);
        LongBucketIndex index = new LongBucketIndex(3);
        for (int r = 0; r < 30_000; r++) {
            index.add(random.nextInt(8000) * 0x9E3779B97F4A7C15L, r);
        }
        for (int round = 0; round < 500; round++) {
            // present and absent keys, a key twice, buckets over the cap of 3
            long[] keys = new long[20];
            for (int i = 0; i < keys.length; i++) {
                keys[i] = random.nextInt(10_000) * 0x9E3779B97F4A7C15L;
            }
            keys[19] = keys[0];
            LongBucketIndex.IntBuffer oneByOne = new LongBucketIndex.IntBuffer();
            int skippedOneByOne = 0;
            for (long k : keys) {
                skippedOneByOne += index.collect(k, oneByOne);
            }
            LongBucketIndex.IntBuffer atOnce = new LongBucketIndex.IntBuffer();

            assertThat(index.collectAll(keys, atOnce)).isEqualTo(skippedOneByOne);
            assertThat(contents(atOnce)).isEqualTo(contents(oneByOne));
        }
    }

    private static List<Integer> contents(LongBucketIndex.IntBuffer buf) {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < buf.size(); i++) {
            out.add(buf.get(i));
        }
        return out;
    }
}
