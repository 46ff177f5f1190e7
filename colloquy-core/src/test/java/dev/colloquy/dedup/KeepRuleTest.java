package dev.colloquy.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.colloquy.model.SourcePosition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class KeepRuleTest {

    @ParameterizedTest
    @CsvSource({"0, 0", "1, 1", "2, 2", "3, 3", "4, 3", "100, 3"})
    void comparesAMemberWithEveryEarlierOneUpToTheCap(int position, int expected) {
        KeepRule rule = new KeepRule(DedupConfig.defaults().withMaxBucketComparisons(3));

        assertThat(rule.comparedWith(position)).isEqualTo(expected);
    }

    @Test
    void verifiesAPairFromTheRequiredNumberOfAgreeingValues() {
        KeepRule rule = new KeepRule(DedupConfig.defaults().withThreshold(0.8));

        // at least ceil(128 * (0.8 + 0.2 / 256)) = 103 of 128 low bytes must agree
        assertThat(rule.verified(103, 128)).isTrue();
        assertThat(rule.verified(102, 128)).isFalse();
    }

    @Test
    void namesTheEarlierRecordInItsVerdicts() {
        SourcePosition at = new SourcePosition("a.jsonl", 3);

        assertThat(KeepRule.exactDuplicateOf("x", at)).isEqualTo(new DuplicateOf(DuplicateOf.Kind.EXACT, "x", at, 1.0));
        assertThat(KeepRule.nearDuplicateOf("x", at, 128, 128).estimatedJaccard()).isEqualTo(1.0);
        assertThat(KeepRule.nearDuplicateOf("x", at, 103, 128).kind()).isEqualTo(DuplicateOf.Kind.NEAR);
    }
}
