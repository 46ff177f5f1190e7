package dev.colloquy.dedup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SimilarityVerifierTest {

    private static int[] agreeing(int length, int matches) {
        int[] b = new int[length];
        for (int i = matches; i < length; i++) {
            b[i] = i + 1;
        }
        return b;
    }

    @ParameterizedTest
    @CsvSource({"128, 102, false", "128, 103, true", "128, 128, true", "100, 81, true", "100, 80, false"})
    void decidesOnIntegerCountsAtTheThreshold(int length, int matches, boolean expected) {
        SimilarityVerifier v = new SimilarityVerifier(0.8);

        assertThat(v.isNearDuplicate(new int[length], agreeing(length, matches))).isEqualTo(expected);
        assertThat(SimilarityVerifier.estimatedJaccard(new int[length], agreeing(length, matches)))
                .isEqualTo(SimilarityVerifier.estimate(matches, length));
    }

    @Test
    void comparesTheLowByteOfEachValueSoAnIndexCanStoreOneByte() {
        assertThat(SimilarityVerifier.matches(new int[] {0x1_0101, 5}, new int[] {0x7_0201, 6})).isEqualTo(1);
    }

    @Test
    void correctsTheEstimateForChanceAgreementOfLowBytes() {
        assertThat(SimilarityVerifier.estimate(128, 128)).isEqualTo(1.0);
        assertThat(SimilarityVerifier.estimate(0, 128)).isEqualTo(0.0);
        assertThat(SimilarityVerifier.estimate(1, 256)).isEqualTo(0.0);
        assertThat(SimilarityVerifier.estimate(64, 128)).isCloseTo(0.498, org.assertj.core.data.Offset.offset(0.001));
    }

    @Test
    void computesExactJaccardOfSortedSets() {
        assertThat(SimilarityVerifier.exactJaccard(new long[] {1, 2, 3, 4}, new long[] {3, 4, 5, 6}))
                .isEqualTo(2.0 / 6);
        assertThat(SimilarityVerifier.exactJaccard(new long[0], new long[0])).isEqualTo(1.0);
    }

    @Test
    void rejectsSignaturesOfDifferentLengthsAndBadThresholds() {
        assertThatThrownBy(() -> SimilarityVerifier.matches(new int[3], new int[4]))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SimilarityVerifier(0)).hasMessageContaining("threshold");
    }
}
