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
    void termsReadBackAreTheWalksTermsInOrder() {
        for (String letters : List.of("", "a", "abab abab", "привет мир приветствую", "𝒜𝒜 𝒜b b𝒜", "ab  ba",
                "ünïcödé ünïcödé", "日本語 日本", "e e e e")) {
            assertThat(readBack(new CharLikelihood.SamplePairs(letters))).as(letters).isEqualTo(walk(letters));
        }
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

    /** The terms as Scorer.languageWeights walked the letters before the pairs were numbered. */
    private static List<String> walk(String letters) {
        List<String> out = new ArrayList<>();
        int previous = -1;
        for (int i = 0; i < letters.length(); ) {
            int cp = letters.codePointAt(i);
            i += Character.charCount(cp);
            if (cp == ' ') {
                previous = -1;
                continue;
            }
            out.add(previous + ">" + cp);
            previous = cp;
        }
        return out;
    }
}
