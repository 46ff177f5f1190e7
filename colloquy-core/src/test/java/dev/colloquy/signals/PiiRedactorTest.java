package dev.colloquy.signals;

import static org.assertj.core.api.Assertions.assertThat;

import dev.colloquy.model.Conversation;
import dev.colloquy.model.Turn;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PiiRedactorTest {

    private final PiiRedactor step = new PiiRedactor();

    @Test
    void usesTheSamePlaceholderForTheSameValueInEveryTurn() {
        Conversation c = Fixtures.kept(step, Fixtures.dialogue(
                "Write to bug-tar@gnu.org or call +49 30 1234567.",
                "I wrote to Bug-Tar@gnu.org and to help@example.org; +49-30-1234567 was busy.",
                "Then bug-tar@gnu.org it is."));
        assertThat(c.turns()).extracting(Turn::text).containsExactly(
                "Write to <EMAIL_1> or call <PHONE_1>.",
                "I wrote to <EMAIL_1> and to <EMAIL_2>; <PHONE_1> was busy.",
                "Then <EMAIL_1> it is.");
    }

    @Test
    void recordsKindAndPlaceholderSpanButNotTheValue() {
        Conversation c = Fixtures.kept(step, Fixtures.dialogue("😀 card 4111 1111 1111 1111 please"));
        Turn t = c.turns().get(0);
        PiiRedaction r = t.findings(PiiRedaction.class).get(0);
        assertThat(r).isEqualTo(new PiiRedaction(0, PiiKind.CREDIT_CARD, 7, 22, "<CREDIT_CARD_1>"));
        assertThat(r.toString()).doesNotContain("4111");
        assertThat(t.text().substring(t.text().offsetByCodePoints(0, r.start()), t.text().offsetByCodePoints(0, r.end())))
                .isEqualTo("<CREDIT_CARD_1>");
    }

    @Test
    void restartsNumberingInEachConversation() {
        Conversation a = Fixtures.kept(step, Fixtures.dialogue("mail help@example.org"));
        Conversation b = Fixtures.kept(step, Fixtures.dialogue("mail bug-tar@gnu.org"));
        assertThat(a.turns().get(0).text()).isEqualTo("mail <EMAIL_1>");
        assertThat(b.turns().get(0).text()).isEqualTo("mail <EMAIL_1>");
    }

    @Test
    void leavesTextWithoutPersonalDataUnchanged() {
        Conversation in = Fixtures.seed();
        assertThat(Fixtures.kept(step, in)).isEqualTo(in);
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 42, 4711})
    void neverThrowsOnRandomInputAndLeavesNothingToRedact(long seed) {
        Random rnd = new Random(seed);
        for (int k = 0; k < 100; k++) {
            Conversation once = Fixtures.kept(step, Fixtures.randomConversation(rnd));
            for (Turn t : once.turns()) {
                int cps = t.text().codePointCount(0, t.text().length());
                t.findings(PiiRedaction.class).forEach(r -> assertThat(r.end()).as("seed %d", seed).isLessThanOrEqualTo(cps));
            }
            Conversation twice = Fixtures.kept(step, once.withTurns(once.turns().stream()
                    .map(t -> new Turn(t.speaker(), t.role(), t.text())).toList()));
            assertThat(twice.turns()).as("seed %d", seed).allMatch(t -> t.findings(PiiRedaction.class).isEmpty());
        }
    }
}
