package dev.colloquy.signals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.colloquy.model.Conversation;
import dev.colloquy.step.StepParameters;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EchoDetectorTest {

    private final EchoDetector step = new EchoDetector();

    @Test
    void findsAReplyThatCopiesThePreviousTurn() {
        Conversation c = Fixtures.kept(step, Fixtures.dialogue(
                "Set this to TRUE to activate the screensaver when the session is idle.",
                "Yes: set this to TRUE to activate the screensaver when the session is idle!"));
        assertThat(c.turns().get(1).findings(Echo.class)).singleElement()
                .satisfies(e -> {
                    assertThat(e.source()).isZero();
                    assertThat(e.share()).isGreaterThan(0.8);
                });
    }

    @Test
    void findsEchoesInChinese() {
        Conversation c = Fixtures.kept(step, Fixtures.dialogue(
                "可用输入源标识的列表。每个源以一对字符串构成的元组指定。", "每个源以一对字符串构成的元组指定。"));
        assertThat(c.turns().get(1).findings(Echo.class)).hasSize(1);
    }

    @Test
    void findsNoEchoInTheSeed() {
        Conversation c = Fixtures.kept(step, Fixtures.seed());
        assertThat(c.turns()).allMatch(t -> t.findings(Echo.class).isEmpty());
    }

    @Test
    void ignoresRepliesTooShortToTell() {
        Conversation c = Fixtures.kept(step, Fixtures.dialogue("Thank you so much.", "Thank you so much."));
        assertThat(c.turns().get(1).findings(Echo.class)).isEmpty();
    }

    @Test
    void rejectsAThresholdAboveOne() {
        assertThatThrownBy(() -> new EchoDetector.Factory().create(new StepParameters("echo", Map.of("threshold", 1.5))))
                .hasMessageContaining("threshold");
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 42, 4711})
    void neverThrowsOnRandomInputAndKeepsSharesInRange(long seed) {
        Random rnd = new Random(seed);
        for (int k = 0; k < 50; k++) {
            Conversation c = Fixtures.kept(step, Fixtures.randomConversation(rnd));
            c.turns().forEach(t -> t.findings(Echo.class).forEach(e ->
                    assertThat(e.share()).as("seed %d", seed).isBetween(0.0, 1.0)));
        }
    }
}
