package dev.colloquy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class InspectCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SEED = "../examples/seed.txt";

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cl = Main.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        return cl.execute(args);
    }

    private static List<String> types(JsonNode rec) {
        List<String> types = new ArrayList<>();
        rec.get("findings").forEach(f -> types.add(f.get("type").asText()));
        return types;
    }

    @Test
    void writesOneJsonObjectPerConversationWithTurnsAndFindings() throws Exception {
        assertThat(run("inspect", "--json", SEED)).isZero();
        List<String> lines = out.toString().lines().toList();
        assertThat(lines).hasSize(1);
        JsonNode rec = JSON.readTree(lines.get(0));
        assertThat(rec.get("source").asText()).isEqualTo(SEED + ":1");
        assertThat(rec.get("turns")).hasSize(20);
        JsonNode turn1 = rec.get("turns").get(1);
        assertThat(turn1.get("index").asInt()).isEqualTo(1);
        assertThat(turn1.get("speaker").asText()).isEqualTo("B");
        assertThat(turn1.get("role").asText()).isEqualTo("assistant");
        assertThat(turn1.get("language").asText()).isEqualTo("en");
        assertThat(turn1.get("language_confidence").asDouble()).isBetween(0.0, 1.0);
        assertThat(turn1.get("holes")).isNotEmpty();
        assertThat(turn1.get("holes").get(0).has("offset")).isTrue();
        assertThat(turn1.get("repairs").isArray()).isTrue();
        assertThat(types(rec)).contains("holes", "language_mismatch", "agreement_loop", "structure_counts");
    }

    @Test
    void repairsTheSeedThenFindsItsLanguagesAndItsClosingLoop() throws Exception {
        run("inspect", "--json", SEED);
        JsonNode rec = JSON.readTree(out.toString().lines().findFirst().orElseThrow());
        assertThat(rec.get("turns").get(0).get("language").asText()).isEqualTo("zh");
        for (int i = 1; i < 20; i++) {
            assertThat(rec.get("turns").get(i).get("language").asText()).as("turn %d", i).isEqualTo("en");
        }
        for (JsonNode f : rec.get("findings")) {
            if (f.get("type").asText().equals("agreement_loop")) {
                assertThat(f.get("turns").toString()).contains("19");
                f.get("turns").forEach(t -> assertThat(t.asInt()).isGreaterThanOrEqualTo(10));
            }
        }
        assertThat(types(rec)).contains("agreement_loop");
    }

    @Test
    void namesTheTurnsOfEachFinding() throws Exception {
        run("inspect", "--json", SEED);
        JsonNode rec = JSON.readTree(out.toString().lines().findFirst().orElseThrow());
        for (JsonNode f : rec.get("findings")) {
            assertThat(f.get("turns").isArray()).as(f.toString()).isTrue();
        }
        JsonNode mismatch = null;
        for (JsonNode f : rec.get("findings")) {
            if (f.get("type").asText().equals("language_mismatch")) {
                mismatch = f;
            }
        }
        assertThat(mismatch).isNotNull();
        assertThat(mismatch.get("turns").toString()).isEqualTo("[0,1]");
    }

    @Test
    void reportsPiiRepetitionAndStructureOfAJsonlRecord() throws Exception {
        Path in = dir.resolve("in.jsonl");
        String line = "Set this to TRUE to activate the screensaver when the session is idle.\\n";
        Files.writeString(in, "{\"messages\":[{\"role\":\"user\",\"content\":\"Mail me at bug-tar@gnu.org\"},"
                + "{\"role\":\"assistant\",\"content\":\"" + line.repeat(6) + "\"},"
                + "{\"role\":\"user\",\"content\":\"And then?\"}]}\n", StandardCharsets.UTF_8);
        assertThat(run("inspect", "--json", in.toString())).isZero();
        JsonNode rec = JSON.readTree(out.toString().lines().findFirst().orElseThrow());
        assertThat(types(rec)).contains("pii", "repetition", "structure");
        for (JsonNode f : rec.get("findings")) {
            if (f.get("type").asText().equals("repetition")) {
                assertThat(f.get("duplicate_line_fraction").asDouble()).isGreaterThan(0.5);
                assertThat(f.get("turns").toString()).isEqualTo("[1]");
            }
            if (f.get("type").asText().equals("pii")) {
                assertThat(f.get("kind").asText()).isEqualTo("email");
                assertThat(f.toString()).doesNotContain("bug-tar");
            }
        }
    }

    @Test
    void showsASummaryAndMarksHolesInContextWithoutColour() {
        assertThat(run("inspect", SEED)).isZero();
        String text = out.toString();
        assertThat(text).contains("20 turns (10 user, 10 assistant)", "language_mismatch", "agreement_loop",
                "believe in ⟦…⟧.");
        assertThat(text).doesNotContain("\u001b[");
    }

    @Test
    void listsUnreadableRecordsOnStderrAndExitsOne() throws Exception {
        Path in = dir.resolve("bad.jsonl");
        Files.writeString(in, "{\"messages\":[{\"role\":\"user\",\"content\":\"hi\"},"
                + "{\"role\":\"assistant\",\"content\":\"Hello there.\"}]}\n{\"messages\":[\n", StandardCharsets.UTF_8);
        assertThat(run("inspect", "--json", in.toString())).isEqualTo(ExitCodes.INPUT_PROBLEMS);
        assertThat(out.toString().lines()).hasSize(1);
        assertThat(err.toString()).contains(in + ":2");
    }

    @Test
    void exitsTwoForAMissingInput() {
        assertThat(run("inspect", dir.resolve("missing.txt").toString())).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("missing.txt");
    }

    @org.junit.jupiter.api.Test
    void describesTheOneExitCodeRuleInHelp() {
        assertThat(run("inspect", "--help")).isZero();
        assertThat(out.toString().replaceAll("\\s+", " ")).contains("1 some input could not be read");
    }
}
