package dev.colloquy.signals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.colloquy.model.Conversation;
import dev.colloquy.model.Turn;
import dev.colloquy.step.StepParameters;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RepetitionDetectorTest {

    private final RepetitionDetector step = new RepetitionDetector();

    // Real sentences from Debian's translation catalogs, repeated the way degenerate generations repeat.
    private static final String EN = "Set this to TRUE to activate the screensaver when the session is idle.";
    private static final String DE = "Klicken Sie auf diesen Paletteneintrag, um ihn zur aktuellen Farbe zu machen.";
    private static final String ZH = "可用输入源标识的列表。每个源以一对字符串构成的元组指定。";

    @Test
    void findsNoRepetitionInTheSeed() {
        Conversation c = Fixtures.kept(step, Fixtures.seed());
        assertThat(c.turns()).allMatch(t -> t.findings(Repetition.class).isEmpty());
    }

    @ParameterizedTest
    @ValueSource(strings = {EN, DE, ZH})
    void findsRepeatedLines(String line) {
        String text = (line + "\n").repeat(6) + "This key is deprecated and ignored.";
        Repetition r = step.measure(0, text);
        assertThat(r).isNotNull();
        assertThat(r.duplicateLineFraction()).isGreaterThan(0.7);
        assertThat(r.exceeded()).contains("dup_line_frac>0.30");
    }

    @Test
    void findsRepeatedNgramsInOneParagraph() {
        Repetition r = step.measure(0, (EN + " ").repeat(8));
        assertThat(r).isNotNull();
        assertThat(r.duplicateNgramFractions().get(0)).isGreaterThan(0.9);
        assertThat(r.exceeded()).contains("dup_5gram_char_frac>0.15", "dup_10gram_char_frac>0.10");
    }

    @Test
    void ignoresShortTextsForTheNgramRules() {
        assertThat(step.measure(0, "ok ok ok ok")).isNull();
    }

    @Test
    void scalesItsThresholds() {
        String text = EN + " " + EN + " " + "The following options are used after any mandatory argument in archive"
                + " creation or update mode. These options are positional and affect only arguments that follow them."
                + " Each source is specified as a tuple of two strings; the first string is the type.";
        assertThat(new RepetitionDetector(10, 1.0).measure(0, text)).isNotNull();
        assertThat(new RepetitionDetector(10, 4.0).measure(0, text)).isNull();
    }

    @Test
    void rejectsANonPositiveScale() {
        assertThatThrownBy(() -> new RepetitionDetector.Factory()
                .create(new StepParameters("repetition", Map.of("threshold_scale", 0))))
                .hasMessageContaining("threshold_scale");
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 42, 4711})
    void neverThrowsOnRandomInputAndKeepsFractionsInRange(long seed) {
        Random rnd = new Random(seed);
        for (int k = 0; k < 50; k++) {
            for (Turn t : Fixtures.kept(step, Fixtures.randomConversation(rnd)).turns()) {
                for (Repetition r : t.findings(Repetition.class)) {
                    assertThat(r.duplicateLineFraction()).as("seed %d", seed).isBetween(0.0, 1.0);
                    assertThat(r.topNgramFractions()).allMatch(f -> f >= 0 && f <= 1);
                    assertThat(r.duplicateNgramFractions()).allMatch(f -> f >= 0 && f <= 1);
                }
            }
        }
    }
}
