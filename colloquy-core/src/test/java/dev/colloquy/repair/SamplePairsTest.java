package dev.colloquy.repair;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A scorer weighs a script's languages by the log-likelihood of the line's letters, one term per letter after the
 * letter before it (none at a word's start). {@link CharLikelihood.SamplePairs} numbers each distinct (previous,
 * letter) pair once, so that each language rates it once; read back term by term, it must give exactly the terms a
 * walk over the letters gives, in the same order (the sum of the same doubles in the same order is the same double).
 */
class SamplePairsTest {

    @Test
    void termsReadBackAreTheLettersEachAfterTheLetterBeforeItInItsWord() {
        assertThat(readBack(new CharLikelihood.SamplePairs(""))).isEmpty();
        assertThat(readBack(new CharLikelihood.SamplePairs("a"))).containsExactly("-1>97");
        // a double space starts a word as one does
        assertThat(readBack(new CharLikelihood.SamplePairs("ab  ba"))).containsExactly("-1>97", "97>98", "-1>98", "98>97");
        // letters outside the BMP are one letter each (U+1D49C 𝒜), not two surrogates
        assertThat(readBack(new CharLikelihood.SamplePairs("\uD835\uDC9C\uD835\uDC9C b\uD835\uDC9C")))
                .containsExactly("-1>119964", "119964>119964", "-1>98", "98>119964");
        assertThat(readBack(new CharLikelihood.SamplePairs("при мир")))
                .containsExactly("-1>1087", "1087>1088", "1088>1080", "-1>1084", "1084>1080", "1080>1088");
    }

    @Test
    void eachDistinctPairIsNumberedOnce() {
        CharLikelihood.SamplePairs pairs = new CharLikelihood.SamplePairs("abab ab ba");
        // terms: (-1,a) (a,b) (b,a) (a,b) | (-1,a) (a,b) | (-1,b) (b,a): four distinct pairs
        assertThat(pairs.terms).isEqualTo(8);
        assertThat(pairs.count).isEqualTo(4);
        assertThat(pairs.pairOf).startsWith(0, 1, 2, 1, 0, 1, 3, 2);
    }

    @Test
    void aWordStartIsNotTheSamePairAsTheLetterAfterAnother() {
        // "a" at a word's start and "a" after "b" are different terms, as are "b" after "a" and "b" at a word's start
        CharLikelihood.SamplePairs pairs = new CharLikelihood.SamplePairs("a ba b");
        assertThat(readBack(pairs)).containsExactly("-1>97", "-1>98", "98>97", "-1>98");
        assertThat(pairs.count).isEqualTo(3);
    }

    private static List<String> readBack(CharLikelihood.SamplePairs pairs) {
        List<String> out = new ArrayList<>();
        for (int t = 0; t < pairs.terms; t++) {
            int d = pairs.pairOf[t];
            out.add(pairs.previous[d] + ">" + pairs.letter[d]);
        }
        return out;
    }
}
