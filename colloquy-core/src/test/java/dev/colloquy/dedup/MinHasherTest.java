package dev.colloquy.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MinHasherTest {

    /** Two sets with a planted overlap: {@code shared} common elements and {@code own} elements each. */
    private static long[][] sets(Random random, int shared, int own) {
        long[] common = random.longs(shared).toArray();
        long[] a = LongStream.concat(Arrays.stream(common), random.longs(own)).toArray();
        long[] b = LongStream.concat(Arrays.stream(common), random.longs(own)).toArray();
        Arrays.sort(a);
        Arrays.sort(b);
        return new long[][] {a, b};
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
    void estimatedJaccardTracksTrueJaccard(long seed) {
        Random random = new Random(seed);
        MinHasher hasher = new MinHasher(256, seed);
        double sumError = 0;
        double sumSquaredZ = 0;
        int trials = 40;
        for (int t = 0; t < trials; t++) {
            long[][] ab = sets(random, 50 + random.nextInt(400), random.nextInt(200));
            double truth = SimilarityVerifier.exactJaccard(ab[0], ab[1]);
            double estimate = SimilarityVerifier.estimatedJaccard(hasher.signature(ab[0]), hasher.signature(ab[1]));
            // 4.5 standard errors: a seeded failure here means a broken hash family, not bad luck.
            double tolerance = 4.5 * Math.sqrt(truth * (1 - truth) / 256) + 0.01;
            assertThat(Math.abs(estimate - truth)).as("seed %d trial %d true %.3f", seed, t, truth)
                    .isLessThanOrEqualTo(tolerance);
            sumError += estimate - truth;
            double z = (estimate - truth) / Math.sqrt(Math.max(truth * (1 - truth), 0.01) / 256);
            sumSquaredZ += z * z;
        }
        assertThat(Math.abs(sumError / trials)).as("bias, seed %d", seed).isLessThan(0.02);
        // Independent permutations give the binomial variance (ratio ~1); correlated ones inflate it.
        assertThat(sumSquaredZ / trials).as("variance ratio, seed %d", seed).isLessThan(2.0);
    }

    @Test
    void givesEqualSetsEqualSignaturesWhateverTheOrderAndRepetition() {
        MinHasher hasher = new MinHasher(128, 1);
        long[] s = {5, 9, -3, 77};

        assertThat(hasher.signature(new long[] {77, -3, 9, 5, 5, 9})).containsExactly(hasher.signature(s));
    }

    @Test
    void isDeterministicForASeedAndChangesWithIt() {
        long[] s = new Random(3).longs(100).toArray();

        assertThat(new MinHasher(64, 7).signature(s)).containsExactly(new MinHasher(64, 7).signature(s));
        assertThat(new MinHasher(64, 7).signature(s)).isNotEqualTo(new MinHasher(64, 8).signature(s));
        assertThat(new MinHasher(64, 7).numPerm()).isEqualTo(64);
    }

    @ParameterizedTest
    @ValueSource(longs = {11, 12, 13})
    void signatureOfASetIsTheMinimumOfItsElementsSignatures(long seed) {
        Random random = new Random(seed);
        MinHasher hasher = new MinHasher(128, seed);
        for (int size = 1; size <= 13; size++) {
            long[] set = random.longs(size).toArray();
            int[] expected = hasher.signature(new long[] {set[0]});
            for (long element : set) {
                int[] one = hasher.signature(new long[] {element});
                for (int i = 0; i < expected.length; i++) {
                    expected[i] = Math.min(expected[i], one[i]);
                }
            }
            assertThat(hasher.signature(set)).as("seed %d, %d elements", seed, size).containsExactly(expected);
        }
    }

    @Test
    void takesTheSignedMinimumOfAnyTwoIntsWithoutComparing() {
        int[] edges = {Integer.MIN_VALUE, Integer.MIN_VALUE + 1, -2, -1, 0, 1, 2, Integer.MAX_VALUE - 1,
                Integer.MAX_VALUE};
        for (int x : edges) {
            for (int y : edges) {
                assertThat(MinHasher.min(x, y)).as("min(%d, %d)", x, y).isEqualTo(Math.min(x, y));
            }
        }
        Random random = new Random(14);
        for (int i = 0; i < 100_000; i++) {
            int x = random.nextInt();
            int y = random.nextInt();
            assertThat(MinHasher.min(x, y)).as("min(%d, %d)", x, y).isEqualTo(Math.min(x, y));
        }
    }
}
