package dev.colloquy.repair;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class CharLikelihoodTest {

    /**
     * Scorers remember language weightings by their letters (the scorers of one line's decodings weigh the same
     * letters): a scorer scores a sample exactly as one of a model that has never seen another sample does,
     * whichever samples its model scored before and however full its memory of them was.
     */
    @Test
    void aScorerScoresItsSampleAsAFreshModelsScorerDoesWhateverCameBefore() {
        List<MultilingualSentences> sentences = MultilingualSentences.load();
        Random random = new Random(20261207);
        LinguaNgrams ngrams = new LinguaNgrams();
        CharLikelihood shared = new CharLikelihood(ngrams, CjkDictionary.standard());
        List<String> samples = new ArrayList<>();
        for (int n = 0; n < 40; n++) {
            String text = sentences.get(random.nextInt(sentences.size())).text();
            // a sample and its near twin (its first char cut), as two code pages read one line alike but for a char
            samples.add(text);
            samples.add(random.nextBoolean() || text.length() < 2 ? text : text.substring(1));
        }
        for (String sample : samples) {
            CharLikelihood fresh = new CharLikelihood(ngrams, CjkDictionary.standard());
            assertThat(scores(shared.scorer(sample), sample)).as(sample).isEqualTo(scores(fresh.scorer(sample), sample));
        }
    }

    private static List<Double> scores(CharModel.Scorer scorer, String sample) {
        List<Double> scores = new ArrayList<>();
        for (int i = 0; i < sample.length(); ) {
            int cp = sample.codePointAt(i);
            scores.add(scorer.logProb(sample.substring(0, i), cp));
            i += Character.charCount(cp);
        }
        return scores;
    }
}
