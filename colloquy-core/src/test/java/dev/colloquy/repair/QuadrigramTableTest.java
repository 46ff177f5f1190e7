package dev.colloquy.repair;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The compact quadrigram table reads Lingua's JSON and answers within its byte quantization (1/16 nat). */
class QuadrigramTableTest {

    private static QuadrigramTable parse(String json) {
        return QuadrigramTable.parse(json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void readsEachQuadrigramWithTheProbabilityItsFractionGives() {
        QuadrigramTable table = parse("{\"language\":\"RUSSIAN\",\"ngrams\":{\"1/2\":\"ошиб шибк\",\"3/100\":\"оска\"}}");

        assertThat(table.size()).isEqualTo(3);
        assertThat(table.get('о', 'ш', 'и', 'б')).isCloseTo(0.5, within(0.5 * 0.04));
        assertThat(table.get('ш', 'и', 'б', 'к')).isCloseTo(0.5, within(0.5 * 0.04));
        assertThat(table.get('о', 'с', 'к', 'а')).isCloseTo(0.03, within(0.03 * 0.04));
    }

    @Test
    void aQuadrigramNotInTheTableIsZero() {
        QuadrigramTable table = parse("{\"ngrams\":{\"1/2\":\"ошиб\"}}");

        assertThat(table.get('о', 'с', 'и', 'б')).isZero();
        assertThat(table.get('б', 'и', 'ш', 'о')).isZero();
        assertThat(QuadrigramTable.EMPTY.get('a', 'b', 'c', 'd')).isZero();
    }

    /**
     * A table of a few thousand random Cyrillic quadrigrams in three probability classes: each reads its class's
     * probability, and quadrigrams left out read zero (seeded; a fingerprint collision would read another's).
     */
    @Test
    void findsEveryQuadrigramOfALargeTableAndNoOther() {
        java.util.Random random = new java.util.Random(20261207);
        String[] fractions = {"1/2", "1/10", "3/100"};
        double[] probabilities = {0.5, 0.1, 0.03};
        java.util.Map<String, Integer> classOf = new java.util.LinkedHashMap<>();
        while (classOf.size() < 6000) {
            classOf.putIfAbsent(randomCyrillic(random, 4), random.nextInt(3));
        }
        StringBuilder json = new StringBuilder("{\"ngrams\":{");
        for (int k = 0; k < 3; k++) {
            int cls = k;
            json.append(k == 0 ? "" : ",").append('"').append(fractions[k]).append("\":\"");
            json.append(String.join(" ", classOf.keySet().stream().filter(q -> classOf.get(q) == cls).toList()));
            json.append('"');
        }
        QuadrigramTable table = parse(json.append("}}").toString());

        for (var e : classOf.entrySet()) {
            String q = e.getKey();
            double p = probabilities[e.getValue()];
            assertThat(table.get(q.charAt(0), q.charAt(1), q.charAt(2), q.charAt(3))).as(q).isCloseTo(p, within(p * 0.04));
        }
        for (int n = 0; n < 6000; n++) {
            String q = randomCyrillic(random, 4);
            if (!classOf.containsKey(q)) {
                assertThat(table.get(q.charAt(0), q.charAt(1), q.charAt(2), q.charAt(3))).as(q).isZero();
            }
        }
    }

    private static String randomCyrillic(java.util.Random random, int length) {
        StringBuilder s = new StringBuilder();
        for (int k = 0; k < length; k++) {
            s.append((char) ('а' + random.nextInt(32)));
        }
        return s.toString();
    }

    @Test
    void readsSupplementaryCodePointsAndSkipsNgramsOfAnotherLength() {
        QuadrigramTable table = parse("{\"ngrams\":{\"1/4\":\"\uD840\uDC00abc abc abcde\"}}");

        assertThat(table.size()).isEqualTo(1);
        assertThat(table.get(0x20000, 'a', 'b', 'c')).isCloseTo(0.25, within(0.25 * 0.04));
    }

    @Test
    void loadsLinguasRussianModel() {
        QuadrigramTable russian = new LinguaNgrams().quadrigramTable("ru");

        assertThat(russian.size()).isGreaterThan(50_000);
        assertThat(russian.get('о', 'ш', 'и', 'б')).isGreaterThan(russian.get('о', 'с', 'и', 'б'));
        assertThat(new LinguaNgrams().quadrigramTable("el")).isSameAs(QuadrigramTable.EMPTY);
    }

    /** The radix sort of a table's entries gives what a comparison sort gives, negative fingerprints first (seeded). */
    @org.junit.jupiter.params.ParameterizedTest(name = "seed {0}")
    @org.junit.jupiter.params.provider.ValueSource(longs = {1, 2, 20261207})
    void sortsEntriesAsAComparisonSortDoes(long seed) {
        java.util.Random random = new java.util.Random(seed);
        int n = 1 + random.nextInt(200_000);
        long[] entries = new long[n + random.nextInt(1000)];
        for (int i = 0; i < entries.length; i++) {
            // a few repeated fingerprints, every byte, both signs
            int fingerprint = random.nextInt(10) == 0 ? random.nextInt(50) - 25 : random.nextInt();
            entries[i] = (long) fingerprint << 8 | random.nextInt(256);
        }
        long[] expected = entries.clone();
        java.util.Arrays.sort(expected, 0, n);

        QuadrigramTable.sort(entries, n);

        assertThat(entries).as("seed " + seed).isEqualTo(expected);
    }
}
