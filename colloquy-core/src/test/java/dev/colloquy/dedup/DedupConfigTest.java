package dev.colloquy.dedup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.colloquy.step.StepParameters;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class DedupConfigTest {

    @Test
    void takesDefaultsForMissingKeys() {
        assertThat(DedupConfig.fromParameters(StepParameters.empty("dedup"))).isEqualTo(DedupConfig.defaults());
    }

    @Test
    void readsEveryKey() {
        DedupConfig c = DedupConfig.fromParameters(new StepParameters("dedup", Map.of("mode", "near",
                "scope", "first_user_turn", "shingle_size", 3, "num_perm", 64, "bands", 16, "rows", 4,
                "threshold", 0.7, "seed", 7, "max_bucket_comparisons", 20)));

        assertThat(c).isEqualTo(new DedupConfig(DedupConfig.Mode.NEAR, DedupConfig.Scope.FIRST_USER_TURN, 3, 64, 16,
                4, 0.7, 7, 20));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "mode         | fuzzy | parameter 'mode' must be one of exact, near, both, was 'fuzzy'",
        "scope        | last  | parameter 'scope' must be one of conversation, first_user_turn",
        "shingle_size | 0     | parameter 'shingle_size' must be between 1 and 64, was 0",
        "num_perm     | 0     | parameter 'num_perm' must be between 1 and 1024, was 0",
        "bands        | 0     | parameter 'bands' must be at least 1",
        "rows         | 0     | parameter 'rows' must be at least 1",
        "bands        | 40    | 'bands' x 'rows' (40 x 6 = 240) must not exceed 'num_perm' (128)",
        "threshold    | 1.5   | parameter 'threshold' must be in (0, 1], was 1.5",
        "threshold    | 0     | parameter 'threshold' must be in (0, 1], was 0.0",
        "max_bucket_comparisons | 0 | parameter 'max_bucket_comparisons' must be at least 1",
    })
    void namesTheKeyOfAnInvalidValue(String key, String value, String message) {
        Object v = value.matches("-?[0-9.]+") ? (Object) Double.valueOf(value) : value;

        assertThatThrownBy(() -> DedupConfig.fromParameters(new StepParameters("dedup", Map.of(key, v))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(message);
    }

    @Test
    void rejectsUnknownKeysListingTheValidOnes() {
        assertThatThrownBy(() -> DedupConfig.fromParameters(new StepParameters("dedup", Map.of("treshold", 0.9))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("treshold")
                .hasMessageContaining("valid: bands, max_bucket_comparisons, mode");
    }

    @Test
    void rejectsAWrongTypeNamingTheKey() {
        assertThatThrownBy(() -> DedupConfig.fromParameters(new StepParameters("dedup", Map.of("num_perm", "many"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'num_perm' must be an integer");
    }

    @Test
    void defaultBandsFindPairsAtTheThresholdAndRarelyFarBelowIt() {
        DedupConfig c = DedupConfig.defaults();

        assertThat(c.candidateProbability(0.8)).isGreaterThan(0.99);
        assertThat(c.candidateProbability(0.9)).isGreaterThan(0.9999);
        assertThat(c.candidateProbability(0.3)).isLessThan(0.02);
    }
}
