package dev.colloquy.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.colloquy.model.Conversation;
import dev.colloquy.model.Role;
import dev.colloquy.model.SourcePosition;
import dev.colloquy.model.Turn;
import dev.colloquy.signals.AgreementLoop;
import dev.colloquy.signals.Echo;
import dev.colloquy.signals.Hole;
import dev.colloquy.signals.HoleCue;
import dev.colloquy.signals.TurnLanguage;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What stats.json reports of the signal findings on kept records: score deciles and languages. */
class RunStatsFindingsTest {

    private static JsonNode statsOf(Conversation c) {
        RunStats s = new RunStats();
        s.countIn();
        s.countKept(c);
        return s.toJson();
    }

    @Test
    void reportsEachSignalsMainScoreByDecileAndEachTurnsLanguage() {
        Turn user = new Turn("A", Role.USER, "Привет, как дела?").withFindings(List.of(
                new TurnLanguage(0, "ru", 0.93, TurnLanguage.Method.SCRIPT, List.of()),
                new Hole(3, 0.55, HoleCue.DOUBLE_SPACE), new Hole(9, 0.61, HoleCue.DOUBLE_SPACE)));
        Turn reply = new Turn("B", Role.ASSISTANT, "Хорошо, спасибо!").withFindings(List.of(
                new TurnLanguage(1, TurnLanguage.UNDETERMINED, 0.2, TurnLanguage.Method.NONE, List.of()),
                new Echo(1, 0, 1.0, 3, 0.5)));
        Conversation c = new Conversation("c1", new SourcePosition("in.jsonl", 1), List.of(user, reply))
                .withFindings(List.of(new AgreementLoop(List.of(0, 1), 0.42, List.of(0.1, 0.2), List.of(List.of(), List.of()))));

        JsonNode stats = statsOf(c);

        assertThat(stats.path("scores").toString()).isEqualTo("{\"agreement_loop.score\":{\"0.4\":1},"
                + "\"echo.share\":{\"0.9\":1},\"holes.confidence\":{\"0.5\":1,\"0.6\":1},"
                + "\"language.confidence\":{\"0.9\":1}}");
        assertThat(stats.path("languages").toString()).isEqualTo("{\"ru\":1,\"und\":1}");
        assertThat(stats.path("findings").path("holes").toString()).isEqualTo("{\"2\":1}");
    }

    @Test
    void countsFindingsPerConversationUpToSixteenThenPoolsThem() {
        for (int holes : new int[] {1, 16, 17, 40}) {
            List<dev.colloquy.model.Finding> found = new java.util.ArrayList<>();
            for (int h = 0; h < holes; h++) {
                found.add(new Hole(h, 0.95, HoleCue.DOUBLE_SPACE));
            }
            Turn t = new Turn("A", Role.USER, "x".repeat(100)).withFindings(found);

            JsonNode stats = statsOf(new Conversation("c1", new SourcePosition("in.jsonl", 1), List.of(t)));

            String key = holes > 16 ? "16+" : Integer.toString(holes);
            assertThat(stats.path("findings").path("holes").toString()).as("%d holes", holes)
                    .isEqualTo("{\"" + key + "\":1}");
            assertThat(stats.path("scores").path("holes.confidence").toString()).isEqualTo("{\"0.9\":" + holes + "}");
        }
    }

    @Test
    void reportsNoScoresForARecordWithoutSignals() {
        JsonNode stats = statsOf(new Conversation("c1", new SourcePosition("in.jsonl", 1),
                List.of(new Turn("A", Role.USER, "hi"))));

        assertThat(stats.path("scores").isEmpty()).isTrue();
        assertThat(stats.path("languages").isEmpty()).isTrue();
    }
}
