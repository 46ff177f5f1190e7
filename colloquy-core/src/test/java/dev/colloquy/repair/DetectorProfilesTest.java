package dev.colloquy.repair;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Greek, Hebrew and Korean letter bigrams and trigrams come from language-detector's Wikipedia profiles, as
 * conditionals over lower-case letters, where Lingua ships unigrams only.
 */
class DetectorProfilesTest {

    private static Map<String, Long> counts(String json) throws IOException {
        return DetectorProfiles.counts(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void foldsCaseLetterByLetterAndKeepsOnlyGramsOfLetters() throws IOException {
        Map<String, Long> counts = counts("{\"freq\":{\"Α\":3,\"α\":7,\"ΑΣ\":2,\"ασ\":1,\" α\":9,\"α1\":4,\"α.\":5},"
                + "\"n_words\":[10,3,0],\"name\":\"el\"}");

        // Σ is σ wherever it stands (not the final ς a whole-string lower-casing would make of "ΑΣ")
        assertThat(counts).containsOnly(Map.entry("α", 10L), Map.entry("ασ", 3L));
    }

    @Test
    void conditionalsDivideAGramsCountByItsContextsCount() throws IOException {
        Map<String, Long> counts = counts("{\"freq\":{\"α\":10,\"π\":5,\"απ\":5,\"πο\":2,\"απο\":2,\"ξψ\":1,\"ξψω\":1}}");

        Map<String, Float> bigrams = DetectorProfiles.conditionals(counts, 2);
        Map<String, Float> trigrams = DetectorProfiles.conditionals(counts, 3);

        assertThat(bigrams).containsOnlyKeys("απ", "πο"); // ξψ: its context ξ was pruned from the profile
        assertThat(bigrams.get("απ")).isCloseTo(0.5f, within(1e-6f));
        assertThat(bigrams.get("πο")).isCloseTo(0.4f, within(1e-6f));
        assertThat(trigrams).containsOnlyKeys("απο", "ξψω");
        assertThat(trigrams.get("απο")).isCloseTo(0.4f, within(1e-6f));
        assertThat(trigrams.get("ξψω")).isCloseTo(1f, within(1e-6f));
    }

    @Test
    void wordEndsCompareHowOftenAWordEndsAfterItsLastLettersWithTheAverage() throws IOException {
        long[] leastTrigram = new long[1];
        String profile = "{\"freq\":{\" у\":100,\" у \":76,\" с\":100,\" В\":50,\" в\":50,\" в \":20,\"у \":5,"
                + "\" у.\":3,\"ся\":40,\"ся \":30,\"сс\":1000,\"ть\":60,\"ть \":10,\"ов\":40,\"нов\":8}}";
        Map<String, Long> counts = DetectorProfiles.wordEdgeCounts(
                new ByteArrayInputStream(profile.getBytes(StandardCharsets.UTF_8)), leastTrigram);

        assertThat(counts).containsOnly(Map.entry(" у", 100L), Map.entry(" у ", 76L), Map.entry(" с", 100L),
                Map.entry(" в", 100L), Map.entry(" в ", 20L), Map.entry("ся", 40L), Map.entry("ся ", 30L),
                Map.entry("сс", 1000L), Map.entry("ть", 60L), Map.entry("ть ", 10L), Map.entry("ов", 40L));
        assertThat(leastTrigram[0]).isEqualTo(3); // " у."
        Map<Long, Float> ends = DetectorProfiles.wordEnds(counts, leastTrigram[0]);
        // 96 of 300 word starts are words alone (0.32); 40 of 1,140 two-letter grams end a word (0.035)
        assertThat(ends.get(NgramTable.key(' ', 'у'))).isCloseTo((float) Math.log(0.76 / 0.32), within(1e-5f));
        assertThat(ends.get(NgramTable.key(' ', 'в'))).isCloseTo((float) Math.log(0.2 / 0.32), within(1e-5f));
        // (a two-letter end weighs half)
        assertThat(ends.get(NgramTable.key('с', 'я')))
                .isCloseTo((float) (0.5 * Math.log(0.75 / (40.0 / 1140))), within(1e-5f));
        // absent from the profile: rarer than its rarest trigram, at most 2 of 100 " с" (so the floor), at most 2 of
        // 1,000 "сс" (the floor), at most 2 of 40 "ов" (more than the average, so no more than average: 0)
        assertThat(ends.get(NgramTable.key(' ', 'с'))).isCloseTo((float) Math.log(0.2), within(1e-5f));
        assertThat(ends.get(NgramTable.key('с', 'с'))).isCloseTo((float) (0.5 * Math.log(0.2)), within(1e-5f));
        assertThat(ends.get(NgramTable.key('о', 'в'))).isZero();
    }

    @Test
    void cyrillicLanguagesTellTheirWordEnds() {
        LinguaNgrams ngrams = new LinguaNgrams();

        // Ukrainian writes у alone and no с, Bulgarian с and no у; Russian ends words in -ся, not -сс
        assertThat(ngrams.wordEnds("uk").get(NgramTable.key(' ', 'у'))).isGreaterThan(1f);
        assertThat(ngrams.wordEnds("uk").get(NgramTable.key(' ', 'с'))).isLessThan(-1f);
        assertThat(ngrams.wordEnds("bg").get(NgramTable.key(' ', 'с')))
                .isGreaterThan(ngrams.wordEnds("bg").get(NgramTable.key(' ', 'у')));
        assertThat(ngrams.wordEnds("ru").get(NgramTable.key('с', 'я')))
                .isGreaterThan(ngrams.wordEnds("ru").get(NgramTable.key('с', 'с')) + 1);
        assertThat(ngrams.wordEnds("el")).isEmpty();
    }

    @Test
    void latinLanguagesTellTheirWordsOfOneLetterOnly() {
        LinguaNgrams ngrams = new LinguaNgrams();

        // French and Portuguese write à alone, Catalan at the start of àmbit, àrea
        assertThat(ngrams.wordEnds("fr").get(NgramTable.key(' ', 'à'))).isGreaterThan(2f);
        assertThat(ngrams.wordEnds("pt").get(NgramTable.key(' ', 'à'))).isGreaterThan(1f);
        assertThat(ngrams.wordEnds("ca").get(NgramTable.key(' ', 'à'))).isLessThan(-1f);
        // no two-letter ends: they would re-rank every filling at a Latin word's end
        assertThat(ngrams.wordEnds("fr").keySet()).allMatch(key -> key >>> 21 == ' '); // (space, x) only
    }

    @Test
    void greekHebrewAndKoreanGetBigramsAndTrigramsWhereLinguaHasUnigramsOnly() {
        LinguaNgrams ngrams = new LinguaNgrams();

        NgramTable greek = ngrams.bigramTable("el");
        assertThat(greek.get(NgramTable.key('τ', 'ο'))).isGreaterThan(greek.get(NgramTable.key('τ', 'ξ')));
        NgramTable greekTrigrams = ngrams.trigramTable("el");
        assertThat(greekTrigrams.get(NgramTable.key('ε', 'ί', 'ν'))).isGreaterThan(0.1f);
        assertThat(ngrams.bigramTable("he").get(NgramTable.key('ש', 'ל'))).isGreaterThan(0.05f);
        assertThat(ngrams.bigramTable("ko").get(NgramTable.key('한', '다'))).isGreaterThan(0.1f);
        assertThat(ngrams.bigramTable("ja")).isSameAs(NgramTable.EMPTY);
        assertThat(DetectorProfiles.conditionals("ru", 2)).isEmpty(); // Lingua's own tables serve Russian
    }
}
