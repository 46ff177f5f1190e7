package dev.colloquy.signals;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * Judges hole detection on real text: Markdown from Debian packages with its emphasized spans stripped
 * (built by {@code bench/holes-labelled.py}). The floors below were measured on the held-out 'test' split,
 * which no rule was tuned on. A predicted hole matches a labelled one within one code point, one to one.
 * Run {@code mvn -pl colloquy-core test -Dtest=HoleEvaluationTest} to print the figures.
 */
class HoleEvaluationTest {

    private static final String SET = "/holes/labelled-debian-docs.jsonl";

    @Test
    void meetsPrecisionAndRecallFloorsOnTheHeldOutSplit() throws IOException {
        Score test = evaluate("test");
        Score dev = evaluate("dev");
        System.out.println(dev.describe("dev"));
        System.out.println(test.describe("test"));

        assertThat(test.precision()).isGreaterThanOrEqualTo(0.95);
        assertThat(test.recall()).isGreaterThanOrEqualTo(0.90);
    }

    @Test
    void findsNothingInCodeBlocksAndTables() throws IOException {
        List<String> flagged = new ArrayList<>();
        HoleDetector detector = new HoleDetector();
        for (JsonNode r : records()) {
            if (!r.get("kind").asText().equals("prose") && !detector.find(r.get("text").asText()).isEmpty()) {
                flagged.add(r.get("source").asText());
            }
        }
        assertThat(flagged).isEmpty();
    }

    private static Score evaluate(String split) throws IOException {
        HoleDetector detector = new HoleDetector();
        Score s = new Score();
        for (JsonNode r : records()) {
            if (!r.get("split").asText().equals(split)) {
                continue;
            }
            List<Integer> gold = new ArrayList<>();
            r.get("holes").forEach(h -> gold.add(h.asInt()));
            for (Hole h : detector.find(r.get("text").asText())) {
                int match = -1;
                for (int g = 0; g < gold.size() && match < 0; g++) {
                    if (Math.abs(gold.get(g) - h.offset()) <= 1) {
                        match = g;
                    }
                }
                if (match >= 0) {
                    gold.remove(match);
                    s.truePositives++;
                } else {
                    s.falsePositives++;
                }
            }
            s.falseNegatives += gold.size();
            s.blocks++;
        }
        return s;
    }

    private static List<JsonNode> records() throws IOException {
        ObjectMapper json = new ObjectMapper();
        List<JsonNode> out = new ArrayList<>();
        try (InputStream in = HoleEvaluationTest.class.getResourceAsStream(SET);
             BufferedReader reader = new BufferedReader(new InputStreamReader(in, UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                out.add(json.readTree(line));
            }
        }
        return out;
    }

    private static final class Score {
        int blocks;
        int truePositives;
        int falsePositives;
        int falseNegatives;

        double precision() {
            return truePositives / (double) Math.max(1, truePositives + falsePositives);
        }

        double recall() {
            return truePositives / (double) Math.max(1, truePositives + falseNegatives);
        }

        String describe(String split) {
            return String.format(Locale.ROOT, "holes %s split: %d blocks, %d labelled holes, precision %.3f, recall %.3f"
                            + " (tp %d, fp %d, fn %d)", split, blocks, truePositives + falseNegatives, precision(),
                    recall(), truePositives, falsePositives, falseNegatives);
        }
    }
}
