package dev.colloquy.repair;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** ICU's CJK word list as the lossy filler asks it: word costs, and the cheapest split of a run into words. */
class CjkDictionaryTest {

    private static final CjkDictionary DICTIONARY = CjkDictionary.standard();

    @Test
    void splitsARunIntoItsLongestWordsWhereTheyAreCheaper() {
        // ネットワーク is one word; ハットワーク splits into ハット and ワーク, two words' costs
        assertThat(DICTIONARY.splitCost("ネットワーク")).isEqualTo(DICTIONARY.cost("ネットワーク"));
        assertThat(DICTIONARY.splitCost("ハットワーク"))
                .isEqualTo(DICTIONARY.cost("ハット") + DICTIONARY.cost("ワーク"));
        assertThat(DICTIONARY.splitCost("マシンはネットワークに")).isLessThan(DICTIONARY.splitCost("マシンはハットワークに"));
    }

    @Test
    void costsACharThatIsNoWordAloneAsRare() {
        // ッ stands only inside words
        assertThat(DICTIONARY.cost("ッ")).isNegative();
        assertThat(DICTIONARY.splitCost("ッ")).isEqualTo(CjkDictionary.UNKNOWN_CHAR);
        assertThat(DICTIONARY.splitCost("")).isZero();
    }

    @Test
    void takesACharOutsideTheBasicPlaneWhole() {
        // 𠀀 (U+20000, two UTF-16 units) is no word: one unknown char, not two
        assertThat(DICTIONARY.splitCost("\uD840\uDC00")).isEqualTo(CjkDictionary.UNKNOWN_CHAR);
    }
}
