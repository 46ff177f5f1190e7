package dev.colloquy.repair;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The byte-level reader of Lingua's model files gives the very tables a JSON parser gave: every file of every
 * language Lingua 1.2.2 ships is read both ways and compared entry by entry (probabilities bit for bit).
 */
class LinguaNgramsTest {

    @Test
    void readsEachNgramOfAFileWithTheProbabilityOfItsFraction() {
        List<String> seen = new ArrayList<>();
        List<Double> probabilities = new ArrayList<>();
        LinguaNgrams.scan("{\"language\":\"RUSSIAN\", \"ngrams\" : {\"1/2\":\"ош  иб\", \"3/100\" : \"𝐀x\"}}"
                .getBytes(StandardCharsets.UTF_8), (cps, count, p) -> {
                    seen.add(new String(cps, 0, count));
                    probabilities.add(p);
                });

        assertThat(seen).containsExactly("ош", "иб", "𝐀x");
        assertThat(probabilities).containsExactly(0.5, 0.5, 3.0 / 100);
    }

    @Test
    void refusesAnEscapeItWouldMisread() {
        byte[] escaped = "{\"ngrams\":{\"1/2\":\"a\\u0062\"}}".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> LinguaNgrams.scan(escaped, (cps, count, p) -> { }))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("escape");
    }

    @Test
    void everyShippedFileGivesTheTablesAJsonParserGives() throws IOException {
        LinguaNgrams ngrams = new LinguaNgrams();
        int files = 0;
        for (String language : LinguaNgrams.LANGUAGES) {
            Map<String, Float> unigrams = reference(language, "unigrams");
            assertThat(ngrams.unigrams(language)).as(language).isEqualTo(unigrams);
            // the script index sums the unigrams in the map's order: the same puts in the same order, the same order
            Map<String, Float> putInOrder = new HashMap<>();
            unigrams.forEach(putInOrder::put);
            assertThat(List.copyOf(ngrams.unigrams(language).keySet())).as(language)
                    .isEqualTo(List.copyOf(putInOrder.keySet()));
            assertSameTable(ngrams.unigramTable(language), unigrams, language + " unigrams");
            if (!DetectorProfiles.LANGUAGES.contains(language)) {
                assertSameTable(ngrams.bigramTable(language), reference(language, "bigrams"), language + " bigrams");
                assertSameTable(ngrams.trigramTable(language), reference(language, "trigrams"), language + " trigrams");
            }
            assertSameQuadrigrams(ngrams.quadrigramTable(language), language);
            files += unigrams.isEmpty() ? 0 : 1;
        }
        assertThat(files).isEqualTo(LinguaNgrams.LANGUAGES.size());
    }

    private static void assertSameTable(NgramTable table, Map<String, Float> expected, String what) {
        int entries = 0;
        List<String> different = new ArrayList<>();
        for (Map.Entry<String, Float> e : expected.entrySet()) {
            long key = NgramTable.key(e.getKey());
            if (key > 0) {
                entries++;
                if (Float.floatToIntBits(table.get(key)) != Float.floatToIntBits(e.getValue())) {
                    different.add(e.getKey());
                }
            }
        }
        assertThat(different).as(what).isEmpty();
        int slots = 0;
        for (int slot = 0; slot < table.slots(); slot++) {
            slots += table.keyAt(slot) != 0 ? 1 : 0;
        }
        assertThat(slots).as(what + ": entries").isEqualTo(entries);
    }

    /**
     * A quadrigram table holds each fingerprint once, with the likeliest probability among those sharing it; the
     * reference reads the file as {@code QuadrigramTable.parse} did before (the whole text as a String).
     */
    private static void assertSameQuadrigrams(QuadrigramTable table, String language) throws IOException {
        List<int[]> quadrigrams = new ArrayList<>();
        long[] entries = new long[1 << 16];
        int n = 0;
        String text;
        try (InputStream in = LinguaNgrams.class.getClassLoader()
                .getResourceAsStream("language-models/" + language + "/quadrigrams.json")) {
            if (in == null) {
                assertThat(table.size()).isZero();
                return;
            }
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        int i = text.indexOf('{', text.indexOf("\"ngrams\"")) + 1;
        while (true) {
            int open = text.indexOf('"', i);
            if (open < 0) {
                break;
            }
            int close = text.indexOf('"', open + 1);
            String[] fraction = text.substring(open + 1, close).split("/");
            double p = Double.parseDouble(fraction[0]) / Double.parseDouble(fraction[1]);
            int b = p <= 0 ? 255 : (int) Math.min(255, Math.round(-Math.log(p) * 16));
            int start = text.indexOf('"', close + 1) + 1;
            int end = text.indexOf('"', start);
            for (String ngram : text.substring(start, end).split(" ")) {
                int[] q = ngram.codePoints().toArray();
                if (q.length == 4) {
                    if (n == entries.length) {
                        entries = java.util.Arrays.copyOf(entries, n * 2);
                    }
                    entries[n++] = (long) QuadrigramTable.fingerprint(q[0], q[1], q[2], q[3]) << 8 | b;
                    quadrigrams.add(q);
                }
            }
            i = end + 1;
        }
        // sorted, the likeliest (smallest) byte of each fingerprint comes first
        long[] sorted = java.util.Arrays.copyOf(entries, n);
        java.util.Arrays.sort(sorted);
        long[] fingerprints = java.util.Arrays.stream(sorted).map(e -> e >> 8).distinct().toArray();
        assertThat(table.size()).as(language + " quadrigrams").isEqualTo(fingerprints.length);
        List<String> different = new ArrayList<>();
        for (int[] q : quadrigrams) {
            long key = (long) QuadrigramTable.fingerprint(q[0], q[1], q[2], q[3]) << 8;
            int at = java.util.Arrays.binarySearch(sorted, key); // found: a byte 0 (probability 1) comes first
            int first = at >= 0 ? at : -at - 1;
            if (table.get(q[0], q[1], q[2], q[3]) != Math.exp(-(sorted[first] & 0xFF) / 16.0)) {
                different.add(new String(q, 0, 4));
            }
        }
        assertThat(different).as(language + " quadrigrams").isEmpty();
    }

    /** The file read through Jackson, as the reader did before: each n-gram with its probability as a float. */
    private static Map<String, Float> reference(String language, String order) throws IOException {
        Map<String, Float> table = new LinkedHashMap<>();
        reference(language, order, (ngram, p) -> table.put(ngram, (float) p));
        return table;
    }

    /** Each n-gram of the file read through Jackson, with its fraction's quotient. */
    private static void reference(String language, String order, java.util.function.ObjDoubleConsumer<String> sink)
            throws IOException {
        String resource = "language-models/" + language + "/" + order + ".json";
        try (InputStream in = LinguaNgrams.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                return;
            }
            // without interning the fraction keys (most are distinct): the test reads ~20 MB of JSON
            JsonFactory json = JsonFactory.builder().disable(JsonFactory.Feature.CANONICALIZE_FIELD_NAMES).build();
            try (JsonParser parser = json.createParser(in)) {
                while (parser.nextToken() != null) {
                    if (parser.currentToken() == JsonToken.FIELD_NAME && "ngrams".equals(parser.currentName())) {
                        parser.nextToken();
                        while (parser.nextToken() == JsonToken.FIELD_NAME) {
                            String key = parser.currentName();
                            int slash = key.indexOf('/');
                            double p = Double.parseDouble(key.substring(0, slash))
                                    / Double.parseDouble(key.substring(slash + 1));
                            parser.nextToken();
                            for (String ngram : parser.getText().split(" ")) {
                                if (!ngram.isEmpty()) {
                                    sink.accept(ngram, p);
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}
