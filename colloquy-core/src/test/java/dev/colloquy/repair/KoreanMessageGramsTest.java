package dev.colloquy.repair;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Korean syllables of messages beside language-detector's Wikipedia profile: the polite endings the encyclopedia
 * does not write, and which syllables start a word after a space.
 */
class KoreanMessageGramsTest {

    @Test
    void knowsThePoliteEndingsTheWikipediaProfileLacks() {
        Map<String, Long> grams = KoreanMessageGrams.read();

        assertThat(grams).containsKeys("습니다", "십시", "없습니");
        assertThat(grams.get("습니")).isGreaterThan(500L);
    }

    @Test
    void theKoreanBigramsAndTrigramsCountTheMessagesBesideTheProfile() {
        Map<String, Float> bigrams = DetectorProfiles.conditionals("ko", 2);
        Map<String, Float> trigrams = DetectorProfiles.conditionals("ko", 3);

        // the profile alone has neither: 습 is nearly always followed by 니 in the messages
        assertThat(bigrams.get("습니")).isGreaterThan(0.5f);
        assertThat(bigrams.get("십시")).isGreaterThan(0.5f);
        assertThat(trigrams.get("습니다")).isGreaterThan(0.5f);
        // the profile's own grams are still there
        assertThat(bigrams.get("문제")).isGreaterThan(0.01f);
    }

    @Test
    void particlesAndEndingsRarelyStartAWordAfterASpaceAndNothingIsMadeLikelierThere() {
        Map<Integer, Float> starts = KoreanMessageGrams.wordStarts();

        double floor = Math.log(KoreanMessageGrams.WORD_START_FLOOR);
        for (char glued : new char[] {'는', '을', '에', '습'}) {
            assertThat(starts.get((int) glued)).as("%s", glued).isCloseTo((float) floor, within(1e-6f));
        }
        // a word's own first syllables, likelier than average at a word's start, are not made likelier still
        assertThat(starts).doesNotContainKeys((int) '없', (int) '있', (int) 'a');
        assertThat(starts.values()).allSatisfy(f -> assertThat(f).isNegative());
    }

    @Test
    void otherLanguagesHaveNoWordStarts() {
        LinguaNgrams ngrams = new LinguaNgrams();

        assertThat(ngrams.wordStarts("ja")).isEmpty();
        assertThat(ngrams.wordStarts("el")).isEmpty();
        assertThat(ngrams.wordStarts("ko")).isNotEmpty();
    }
}
