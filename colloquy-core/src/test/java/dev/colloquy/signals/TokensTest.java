package dev.colloquy.signals;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TokensTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Set this to TRUE, now.|5",
        "don’t stop|2",
        "可用输入源|5",
        "Well said. 🥂✨|4",
        "Ульрих Дреппер|2",
        "' ... '|0"
    })
    void splitsWordsCjkCharactersAndSymbols(String text, int expected) {
        assertThat(Tokens.of(text).size()).isEqualTo(expected);
    }

    @Test
    void foldsCaseAndTypographicApostrophes() {
        assertThat(Tokens.hashOf("Don’t")).isEqualTo(Tokens.hashOf("don't"));
        assertThat(Tokens.hashOf("ÉTÉ")).isEqualTo(Tokens.hashOf("été"));
        assertThat(Tokens.hashOf("the")).isNotEqualTo(Tokens.hashOf("then"));
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3})
    void extendsNgramsExactlyAsItHashesThem(long seed) {
        Tokens t = Tokens.of(Fixtures.randomText(new Random(seed), 3000));
        long[] hashes = new long[t.size()];
        for (int n = 1; n <= 6; n++) {
            t.extendNgrams(hashes, n);
            for (int i = 0; i + n <= t.size(); i++) {
                assertThat(hashes[i]).as("seed %d n %d i %d", seed, n, i).isEqualTo(t.ngram(i, n));
            }
        }
    }

    @Test
    void countsSixtyFourBitKeysIncludingZero() {
        LongCounts c = new LongCounts(2);
        for (long k = -500; k < 500; k++) {
            c.add(k);
            c.add(k);
        }
        assertThat(c.get(0)).isEqualTo(2);
        assertThat(c.get(-500)).isEqualTo(2);
        assertThat(c.get(499)).isEqualTo(2);
        assertThat(c.get(500)).isZero();
        c.clear();
        assertThat(c.contains(1)).isFalse();
    }
}
