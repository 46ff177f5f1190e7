package dev.colloquy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The verdicts of {@code examples/pipeline.yaml} on the bundled corpus, checked against what was planted
 * ({@code examples/corpus-truth.jsonl}): the calibrated repetition filter keeps planted clean records, so
 * dedup, not the repetition filter, removes the planted copies (issue 11).
 */
class ExampleVerdictsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;

    /** step of each quarantined record, by its source ("openai.jsonl:67"). */
    private static final Map<String, String> QUARANTINED = new HashMap<>();
    private static List<JsonNode> truth;

    @BeforeAll
    static void runTheExamplePipeline() throws Exception {
        CommandLine cl = Main.commandLine();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(new StringWriter(), true));
        cl.setErr(new PrintWriter(err, true));
        Path out = dir.resolve("out");
        // The example corpus plants unreadable lines, so the run exits 1 (input problems) after completing.
        assertThat(cl.execute("run", "../examples/pipeline.yaml", "--output", out.toString(), "--no-progress"))
                .as(err.toString()).isEqualTo(ExitCodes.INPUT_PROBLEMS);
        for (String line : Files.readAllLines(out.resolve("quarantine.jsonl"))) {
            JsonNode q = JSON.readTree(line);
            String source = q.get("source").asText();
            QUARANTINED.put(source.substring(source.lastIndexOf('/') + 1), q.get("step").asText());
        }
        truth = Files.readAllLines(Path.of("../examples/corpus-truth.jsonl")).stream().map(l -> {
            try {
                return JSON.readTree(l);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    /**
     * The step that quarantined the planted record, or null when kept. Transcript truth lines point at the
     * record's separator, up to 3 lines before the line the reader names.
     */
    private static String verdict(JsonNode t) {
        String source = t.get("source").asText();
        int colon = source.lastIndexOf(':');
        String file = source.substring(0, colon);
        int line = Integer.parseInt(source.substring(colon + 1));
        for (int k = 0; k <= (file.endsWith(".txt") ? 3 : 0); k++) {
            String step = QUARANTINED.get(file + ":" + (line + k));
            if (step != null) {
                return step;
            }
        }
        return null;
    }

    @Test
    void keepsTheMke2fsProseOfOpenaiLine67() {
        assertThat(QUARANTINED).doesNotContainKey("openai.jsonl:67");
    }

    @Test
    void rejectsNoPlantedCleanRecordForRepetition() {
        for (JsonNode t : truth) {
            if (t.get("defect").asText().equals("none")) {
                assertThat(verdict(t)).as(t.toString()).isNotEqualTo("max_repetition");
            }
        }
    }

    @Test
    void leavesThePlantedExactCopiesToDedup() {
        // 12 planted; 3 are artefacts of the planting (examples/README.md), the other 9 are dedup's.
        long byDedup = 0;
        for (JsonNode t : truth) {
            if (t.get("defect").asText().equals("exact_duplicate")) {
                String step = verdict(t);
                assertThat(step).as(t.toString()).isNotEqualTo("max_repetition");
                byDedup += "dedup".equals(step) ? 1 : 0;
            }
        }
        assertThat(byDedup).isGreaterThanOrEqualTo(9);
    }
}
