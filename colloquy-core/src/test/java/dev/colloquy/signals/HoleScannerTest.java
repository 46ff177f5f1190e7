package dev.colloquy.signals;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class HoleScannerTest {

    @Test
    void cjkIsHanKanaAndCjkPunctuationForEveryChar() {
        Set<Character.UnicodeScript> cjk = EnumSet.of(Character.UnicodeScript.HAN, Character.UnicodeScript.HIRAGANA,
                Character.UnicodeScript.KATAKANA);
        for (char c = 0; c < Character.MAX_VALUE; c++) {
            boolean punctuation = c >= '　' && c <= '〿' || c >= '＀' && c <= '／' || c >= '：' && c <= '＠';
            boolean expected = punctuation || cjk.contains(Character.UnicodeScript.of(c));
            if (HoleScanner.isCjk(c) != expected) {
                assertThat(HoleScanner.isCjk(c)).as("U+%04X", (int) c).isEqualTo(expected);
            }
        }
    }
}
