package dev.colloquy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.colloquy.model.Conversation;
import dev.colloquy.model.Role;
import dev.colloquy.model.SourcePosition;
import dev.colloquy.model.Turn;
import dev.colloquy.step.Step;
import dev.colloquy.signals.Signals;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class InspectReportTest {

    private static final List<Step> STEPS = Signals.defaults();
    private static final String[] PIECES = {"Well said. ", "I believe in . ", "someone just  you ", "中文", "😀",
        "\uD83E", "\n\n", "mail bug-tar@gnu.org ", "+49 30 1234567 ", "ä", "â€™", "Here’s to that! 🥂 ", "  ", "."};

    private static Conversation random(Random rnd) {
        List<Turn> turns = new ArrayList<>();
        int n = rnd.nextInt(5);
        for (int i = 0; i < n; i++) {
            StringBuilder sb = new StringBuilder();
            int len = rnd.nextInt(40);
            for (int k = 0; k < len; k++) {
                sb.append(PIECES[rnd.nextInt(PIECES.length)]);
            }
            turns.add(new Turn(i % 2 == 0 ? "A" : "B", i % 2 == 0 ? Role.USER : Role.ASSISTANT, sb.toString()));
        }
        return new Conversation("r", new SourcePosition("random", 1), turns);
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 42})
    void rendersAnyInspectedConversationWithoutFailing(long seed) {
        Random rnd = new Random(seed);
        for (int k = 0; k < 20; k++) {
            Conversation c = InspectCommand.inspect(random(rnd), STEPS);
            assertThat(new InspectReport(true).render(c)).as("seed %d", seed).contains("random:1");
            assertThat(InspectCommand.toJson(c).get("turns").size()).isEqualTo(c.turns().size());
        }
    }

    @Test
    void coloursOnlyWhenAsked() {
        Conversation c = InspectCommand.inspect(new Conversation("c", new SourcePosition("t", 1), List.of(
                new Turn("A", Role.USER, "I believe in . Really."),
                new Turn("B", Role.ASSISTANT, "Well said."))), STEPS);
        assertThat(new InspectReport(true).render(c)).contains("\u001b[");
        assertThat(new InspectReport(false).render(c)).doesNotContain("\u001b[");
    }
}
