package dev.colloquy.signals;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ScriptTest {

    @Test
    void kanaIsHiraganaOrKatakanaForEveryCodePoint() {
        // the ranges answered without the script tables must agree with them everywhere
        for (int cp = 0; cp <= Character.MAX_CODE_POINT; cp++) {
            Character.UnicodeScript s = Character.UnicodeScript.of(cp);
            boolean expected = s == Character.UnicodeScript.HIRAGANA || s == Character.UnicodeScript.KATAKANA;
            if (Script.isKana(cp) != expected) {
                assertThat(Script.isKana(cp)).as("U+%04X", cp).isEqualTo(expected);
            }
        }
    }
}
