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

    @org.junit.jupiter.params.ParameterizedTest(name = "seed {0}")
    @org.junit.jupiter.params.provider.ValueSource(longs = {1, 2, 3, 4})
    void takingBackAKeptCountLeavesWhatCountingOnlyTheOthersGives(long seed) {
        // the local engine counts every record its steps kept on the worker, then takes back the ones dedup removes
        java.util.Random random = new java.util.Random(seed);
        List<Conversation> all = new java.util.ArrayList<>();
        for (int i = 0; i < 60; i++) {
            all.add(randomConversation(random, i));
        }
        RunStats counted = new RunStats();
        RunStats others = new RunStats();
        all.forEach(counted::countKept);
        for (Conversation c : all) {
            if (random.nextInt(3) == 0) {
                counted.uncountKept(c);
            } else {
                others.countKept(c);
            }
        }

        assertThat(counted.toJson()).isEqualTo(others.toJson());
        assertThat(counted.kept()).isEqualTo(others.kept());
    }

    @Test
    void takingBackTheOnlyRecordWithAFindingLeavesNoTraceOfIt() {
        Turn t = new Turn("A", Role.USER, "hi").withFindings(List.of(new Hole(1, 0.55, HoleCue.DOUBLE_SPACE),
                new TurnLanguage(0, "ru", 0.93, TurnLanguage.Method.SCRIPT, List.of())));
        Conversation c = new Conversation("c1", new SourcePosition("in.jsonl", 1), List.of(t));
        RunStats s = new RunStats();
        s.countKept(c);
        s.uncountKept(c);

        assertThat(s.toJson()).isEqualTo(new RunStats().toJson());
    }

    private static Conversation randomConversation(java.util.Random random, int i) {
        List<Turn> turns = new java.util.ArrayList<>();
        for (int n = 1 + random.nextInt(4), k = 0; k < n; k++) {
            List<dev.colloquy.model.Finding> found = new java.util.ArrayList<>();
            if (random.nextBoolean()) {
                found.add(new TurnLanguage(k, random.nextBoolean() ? "ru" : "de", random.nextDouble(),
                        TurnLanguage.Method.SCRIPT, List.of()));
            }
            for (int h = random.nextInt(random.nextInt(8) == 0 ? 20 : 3); h > 0; h--) {
                found.add(new Hole(h, random.nextDouble(), HoleCue.DOUBLE_SPACE));
            }
            if (k > 0 && random.nextInt(5) == 0) {
                found.add(new Echo(k, 0, random.nextDouble(), 3, 0.5));
            }
            turns.add(new Turn("A", k % 2 == 0 ? Role.USER : Role.ASSISTANT, "x".repeat(random.nextInt(2000)))
                    .withFindings(found));
        }
        Conversation c = new Conversation("c" + i, new SourcePosition("in.jsonl", i + 1), turns);
        return random.nextInt(4) == 0 ? c.withFindings(List.of(new AgreementLoop(List.of(0), random.nextDouble(),
                List.of(0.1), List.of(List.of())))) : c;
    }

    @Test
    void reportsNoScoresForARecordWithoutSignals() {
        JsonNode stats = statsOf(new Conversation("c1", new SourcePosition("in.jsonl", 1),
                List.of(new Turn("A", Role.USER, "hi"))));

        assertThat(stats.path("scores").isEmpty()).isTrue();
        assertThat(stats.path("languages").isEmpty()).isTrue();
    }
}
