package dev.colloquy.signals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.colloquy.model.Conversation;
import dev.colloquy.step.StepParameters;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AgreementLoopDetectorTest {

    private final AgreementLoopDetector step = new AgreementLoopDetector();

    @Test
    void findsTheLoopAtTheEndOfTheSeedAndNotInItsFirstTenTurns() {
        Conversation c = Fixtures.kept(step, Fixtures.seed());
        List<AgreementLoop> loops = c.findings(AgreementLoop.class);
        assertThat(loops).hasSize(1);
        AgreementLoop loop = loops.get(0);
        assertThat(loop.turns()).contains(15, 16, 17, 18, 19).allMatch(t -> t >= 10);
        assertThat(loop.score()).isBetween(0.0, 1.0);
        assertThat(loop.cues().get(loop.turns().indexOf(18))).contains("well said", "amen");
    }

    // Sentences from Debian's translation catalogs: a technical exchange that neither agrees nor repeats.
    @Test
    void findsNoLoopInAnExchangeThatKeepsAddingContent() {
        Conversation c = Fixtures.kept(step, Fixtures.dialogue(
                "How do I keep the screensaver from starting when the session is idle?",
                "Set this to TRUE to activate the screensaver when the session is idle.",
                "Absolutely. And the keyboard layouts? The list of input source identifiers is empty.",
                "Each source is specified as a tuple of two strings. The first string is the type, xkb or ibus.",
                "Exactly. What happens with an empty list?",
                "An empty list means the X server's current XKB layout and variant won't be touched."));
        assertThat(c.findings(AgreementLoop.class)).isEmpty();
    }

    @Test
    void findsALoopOfToastsInGerman() {
        Conversation c = Fixtures.kept(step, Fixtures.dialogue(
                "Wenn ein dynamisch ladbares Modul geöffnet werden muss, sucht das System in diesem Pfad.",
                "Gut gesagt! Das System sucht in diesem Pfad nach dem Modul.",
                "Ganz genau, das System sucht das Modul in diesem Pfad. Gut gesagt.",
                "Danke! Gut gesagt: das Modul in diesem Pfad. Prost!",
                "Prost! Danke, ganz genau: das System und das Modul."));
        assertThat(c.findings(AgreementLoop.class)).singleElement()
                .satisfies(l -> assertThat(l.turns()).containsExactly(1, 2, 3, 4));
    }

    @Test
    void needsAtLeastMinTurnsInARow() {
        Conversation c = Fixtures.kept(new AgreementLoopDetector(5, 0.36, 0.5), Fixtures.dialogue(
                "Wenn ein dynamisch ladbares Modul geöffnet werden muss, sucht das System in diesem Pfad.",
                "Gut gesagt! Prost!", "Ganz genau. Prost!", "Gut gesagt, danke!"));
        assertThat(c.findings(AgreementLoop.class)).isEmpty();
    }

    @Test
    void rejectsAMinimumOfOneTurn() {
        assertThatThrownBy(() -> new AgreementLoopDetector.Factory()
                .create(new StepParameters("agreement_loop", Map.of("min_turns", 1))))
                .hasMessageContaining("min_turns");
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 42, 4711})
    void neverThrowsOnRandomInputAndReportsExistingTurns(long seed) {
        Random rnd = new Random(seed);
        for (int k = 0; k < 50; k++) {
            Conversation in = Fixtures.randomConversation(rnd);
            Conversation c = Fixtures.kept(step, in);
            for (AgreementLoop l : c.findings(AgreementLoop.class)) {
                assertThat(l.turns()).as("seed %d", seed).allMatch(t -> t >= 0 && t < in.turns().size());
                assertThat(l.score()).isBetween(0.0, 1.0);
            }
        }
    }
}
