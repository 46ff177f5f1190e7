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
