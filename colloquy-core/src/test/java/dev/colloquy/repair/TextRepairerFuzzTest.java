package dev.colloquy.repair;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Jazzer fuzzing of the repair API (runs its seed inputs as a regression test in a normal build; set
 * {@code JAZZER_FUZZ=1} to fuzz): never throws, never emits a lone surrogate, and repairing is idempotent.
 */
class TextRepairerFuzzTest {

    private static final TextRepairer REPAIRER = TextRepairer.defaults();

    @FuzzTest(maxDuration = "30s")
    void repairNeverThrowsNorBreaksSurrogatesAndIsIdempotent(FuzzedDataProvider data) {
        String text = data.consumeRemainingAsString();
        RepairResult once = REPAIRER.repair(text);
        assertWellFormed(once.text());
        assertThat(REPAIRER.repair(once.text()).text()).isEqualTo(once.text());
    }

    @FuzzTest(maxDuration = "30s")
    void repairBytesNeverThrowsNorBreaksSurrogatesAndIsIdempotent(FuzzedDataProvider data) {
        byte[] bytes = data.consumeRemainingAsBytes();
        RepairResult once = REPAIRER.repairBytes(bytes);
        assertWellFormed(once.text());
        assertThat(REPAIRER.repair(once.text()).text()).isEqualTo(once.text());
    }

    @FuzzTest(maxDuration = "30s")
    void sessionsOverManyLinesNeverThrow(FuzzedDataProvider data) {
        TextRepairer.Session session = REPAIRER.session();
        while (data.remainingBytes() > 0) {
            RepairResult r = session.repairBytes(data.consumeBytes(1 + data.consumeInt(0, 64)));
            assertWellFormed(r.text());
        }
    }

    private static void assertWellFormed(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c)) {
                assertThat(i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))).as("lone high surrogate").isTrue();
                i++;
            } else {
                assertThat(Character.isLowSurrogate(c)).as("lone low surrogate").isFalse();
            }
        }
    }
}
