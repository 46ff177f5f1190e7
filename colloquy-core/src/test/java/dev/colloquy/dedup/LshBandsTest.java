package dev.colloquy.dedup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LshBandsTest {

    @Test
    void changesOnlyTheBandWhoseRowsChanged() {
        LshBands bands = new LshBands(20, 6, 1);
        int[] sig = new Random(1).ints(128).toArray();
        int[] edited = sig.clone();
        edited[13] ^= 1;

        long[] a = bands.keys(sig);
        long[] b = bands.keys(edited);

        assertThat(a).hasSize(20);
        for (int band = 0; band < 20; band++) {
            assertThat(a[band] == b[band]).as("band %d", band).isEqualTo(band != 2);
        }
    }

    @Test
    void givesEqualRowsInDifferentBandsDifferentKeys() {
        long[] keys = new LshBands(4, 2, 1).keys(new int[8]);

        assertThat(Arrays.stream(keys).distinct().count()).isEqualTo(4);
    }

    @Test
    void rejectsSignaturesShorterThanItsBands() {
        assertThatThrownBy(() -> new LshBands(20, 8, 1).keys(new int[128]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("160");
    }

    /** The S-curve measured on seeded signature pairs agrees with 1-(1-s^r)^b. */
    @ParameterizedTest
    @CsvSource({"0.5, 11", "0.7, 12", "0.8, 13", "0.9, 14"})
    void candidateRateFollowsTheSCurve(double similarity, long seed) {
        DedupConfig config = DedupConfig.defaults();
        LshBands bands = new LshBands(config.bands(), config.rows(), seed);
        Random random = new Random(seed);
        int trials = 4000;
        int candidates = 0;
        for (int t = 0; t < trials; t++) {
            int[] a = random.ints(config.numPerm()).toArray();
            int[] b = a.clone();
            for (int i = 0; i < b.length; i++) {
                if (random.nextDouble() >= similarity) {
                    b[i] = random.nextInt();
                }
            }
            long[] ka = bands.keys(a);
            long[] kb = bands.keys(b);
            for (int band = 0; band < ka.length; band++) {
                if (ka[band] == kb[band]) {
                    candidates++;
                    break;
                }
            }
        }
        double expected = config.candidateProbability(similarity);
        assertThat((double) candidates / trials).isCloseTo(expected,
                org.assertj.core.data.Offset.offset(4 * Math.sqrt(expected * (1 - expected) / trials) + 0.005));
    }
}
