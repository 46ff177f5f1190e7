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
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Judges hole detection on real text: Markdown from Debian packages with its emphasized spans stripped
 * (built by {@code bench/holes-labelled.py}). The floors below were measured on the held-out 'test' split,
 * which no rule was tuned on. A predicted hole matches a labelled one within one code point, one to one.
 * Run {@code mvn -pl colloquy-core test -Dtest=HoleEvaluationTest} to print the figures.
 */
class HoleEvaluationTest {

    private static final String SET = "/holes/labelled-debian-docs.jsonl";
    private static final String MULTILINGUAL = "/holes/labelled-multilingual.jsonl";

    @Test
    void meetsPrecisionAndRecallFloorsOnTheHeldOutSplit() throws IOException {
        Score test = evaluate("test");
        Score dev = evaluate("dev");
        System.out.println(dev.describe("dev"));
        System.out.println(test.describe("test"));

        assertThat(test.precision()).isGreaterThanOrEqualTo(0.95);
        assertThat(test.recall()).isGreaterThanOrEqualTo(0.90);
    }

    /**
     * The multilingual set (bench/holes-labelled-multilingual.py): translated man pages and catalogs in 16
     * languages with their emphasized spans cut out. Both splits are judged (the rules for CJK, Korean,
     * Turkish, option headers and man page references were written looking at the misses on the dev split and
     * on a larger set drawn from dev files only, never at 'test'); per language where it has at least 20
     * labelled holes.
     */
    @Test
    void meetsTheFloorsInEveryLanguage() throws IOException {
        java.util.Map<String, Score> byLanguage = new java.util.TreeMap<>();
        Score all = new Score();
        Score test = new Score();
        HoleDetector detector = new HoleDetector();
        for (JsonNode r : records(MULTILINGUAL)) {
            String language = r.get("language").asText();
            Score one = score(detector, r);
            byLanguage.computeIfAbsent(language, k -> new Score()).add(one);
            all.add(one);
            if (r.get("split").asText().equals("test")) {
                test.add(one);
            }
        }
        byLanguage.forEach((language, s) -> System.out.println(s.describe("multilingual " + language)));
        System.out.println(all.describe("multilingual all"));
        System.out.println(test.describe("multilingual test"));

        // Issue 11's targets (precision >= 0.95, recall >= 0.90 over all, >= 0.80 per language), measured in
        // docs/holes.md; the held-out split's recall floor sits a little under its measured 0.894.
        assertThat(all.precision()).isGreaterThanOrEqualTo(0.95);
        assertThat(all.recall()).isGreaterThanOrEqualTo(0.90);
        assertThat(test.precision()).isGreaterThanOrEqualTo(0.95);
        assertThat(test.recall()).isGreaterThanOrEqualTo(0.88);
        byLanguage.forEach((language, s) -> {
            if (s.truePositives + s.falseNegatives >= 20) {
                assertThat(s.recall()).as(language).isGreaterThanOrEqualTo(0.80);
                assertThat(s.precision()).as(language).isGreaterThanOrEqualTo(0.94);
            }
        });
    }

    /**
     * A tuning aid, not a judgement: with {@code -Dholes.extra=FILE} (bench/holes-labelled-multilingual.py
     * --extra-dev FILE: more blocks from dev files only), prints per-language figures on that file.
     */
    @Test
    void printsFiguresOnAnExtraDevSetWhenGiven() throws IOException {
        String extra = System.getProperty("holes.extra");
        if (extra == null) {
            return;
        }
        java.util.Map<String, Score> byLanguage = new java.util.TreeMap<>();
        Score all = new Score();
        HoleDetector detector = new HoleDetector();
        ObjectMapper json = new ObjectMapper();
        for (String line : java.nio.file.Files.readAllLines(java.nio.file.Path.of(extra), UTF_8)) {
            JsonNode r = json.readTree(line);
            Score one = score(detector, r);
            byLanguage.computeIfAbsent(r.get("language").asText(), k -> new Score()).add(one);
            all.add(one);
        }
        byLanguage.forEach((language, s) -> System.out.println(s.describe("extra " + language)));
        System.out.println(all.describe("extra all"));
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

    /**
     * Stray spaces are the hard negatives: into each held-out prose block without holes, one extra space is
     * put before a ',' or '.' that follows a word (seeded). Without grammar nearly all are flagged; the POS
     * check must clear most of them. A stray double space between words is reported, not asserted: it is
     * flagged about as often as a real hole (see docs/holes.md).
     */
    @Test
    void grammarClearsMostStraySpacesBeforePunctuation() throws IOException {
        double withGrammar = strayFalseAlarms(new HoleDetector(), ".,");
        double withoutGrammar = strayFalseAlarms(new HoleDetector(HoleDetector.DEFAULT_MIN_CONFIDENCE, false), ".,");
        System.out.printf(Locale.ROOT, "holes stray space before .,: false alarms %.3f with grammar, %.3f without%n",
                withGrammar, withoutGrammar);
        System.out.printf(Locale.ROOT, "holes stray double space between words: false alarms %.3f%n",
                strayFalseAlarms(new HoleDetector(), " "));

        assertThat(withGrammar).isLessThanOrEqualTo(0.3).isLessThan(withoutGrammar / 2);
    }

    @Test
    void higherThresholdsTradeRecallForPrecision() throws IOException {
        double lastRecall = 1;
        for (double threshold : new double[] {0.5, 0.7, 0.8, 0.9}) {
            HoleDetector detector = new HoleDetector(threshold, true);
            Score test = evaluate(detector, "test");
            System.out.printf(Locale.ROOT, "holes min_confidence %.1f: test precision %.3f, recall %.3f; stray false alarms:"
                            + " before .,: %.3f, double space: %.3f%n", threshold, test.precision(), test.recall(),
                    strayFalseAlarms(detector, ".,"), strayFalseAlarms(detector, " "));

            assertThat(test.precision()).isGreaterThanOrEqualTo(0.95);
            assertThat(test.recall()).isLessThanOrEqualTo(lastRecall);
            lastRecall = test.recall();
        }
    }

    /** The share of held-out intact prose blocks flagged once one stray space goes before a mark in {@code marks}. */
    private static double strayFalseAlarms(HoleDetector detector, String marks) throws IOException {
        Random random = new Random(7);
        int tried = 0;
        int flagged = 0;
        for (JsonNode r : records()) {
            String text = r.get("text").asText();
            if (!r.get("split").asText().equals("test") || !r.get("kind").asText().equals("prose")
                    || !r.get("holes").isEmpty() || !detector.find(text).isEmpty()) {
                continue;
            }
            List<Integer> places = new ArrayList<>();
            for (int i = 1; i + 1 < text.length(); i++) {
                if (marks.indexOf(text.charAt(i)) >= 0 && Character.isLetter(text.charAt(i - 1))
                        && (marks.equals(" ") ? Character.isLetter(text.charAt(i + 1)) : text.charAt(i + 1) == ' ')) {
                    places.add(i);
                }
            }
            if (places.isEmpty()) {
                continue;
            }
            int at = places.get(random.nextInt(places.size()));
            tried++;
            flagged += detector.find(text.substring(0, at) + " " + text.substring(at)).isEmpty() ? 0 : 1;
        }
        return flagged / (double) tried;
    }

    private static Score evaluate(String split) throws IOException {
        return evaluate(new HoleDetector(), split);
    }

    private static Score evaluate(HoleDetector detector, String split) throws IOException {
        Score s = new Score();
        for (JsonNode r : records()) {
            if (r.get("split").asText().equals(split)) {
                s.add(score(detector, r));
            }
        }
        return s;
    }

    /** One block: a predicted hole matches a labelled one within one code point, one to one. */
    private static Score score(HoleDetector detector, JsonNode r) {
        Score s = new Score();
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
                if (MISSES) {
                    System.out.println("FP " + label(r) + " " + mark(r.get("text").asText(), h.offset()));
                }
            }
        }
        if (MISSES) {
            for (int g : gold) {
                System.out.println("FN " + label(r) + " " + mark(r.get("text").asText(), g));
            }
        }
        s.falseNegatives += gold.size();
        s.blocks++;
        return s;
    }

    private static final boolean MISSES = Boolean.getBoolean("holes.misses");

    /** Language (English set: en), split and source of a record, for the -Dholes.misses listing. */
    private static String label(JsonNode r) {
        return (r.has("language") ? r.get("language").asText() : "en") + " " + r.get("split").asText() + " "
                + r.get("source").asText();
    }

    private static String mark(String text, int offset) {
        int at = text.offsetByCodePoints(0, Math.min(offset, text.codePointCount(0, text.length())));
        return text.substring(Math.max(0, at - 40), at) + "⟦⟧" + text.substring(at, Math.min(text.length(), at + 30));
    }

    private static List<JsonNode> records() throws IOException {
        return records(SET);
    }

    private static List<JsonNode> records(String set) throws IOException {
        ObjectMapper json = new ObjectMapper();
        List<JsonNode> out = new ArrayList<>();
        try (InputStream in = HoleEvaluationTest.class.getResourceAsStream(set);
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

        void add(Score o) {
            blocks += o.blocks;
            truePositives += o.truePositives;
            falsePositives += o.falsePositives;
            falseNegatives += o.falseNegatives;
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
