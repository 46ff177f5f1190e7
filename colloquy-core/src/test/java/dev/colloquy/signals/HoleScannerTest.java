package dev.colloquy.signals;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.List;
import java.util.Random;
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

    /** Letters, spaces and every character a cue starts at, Han, kana, Hangul, and what makes a line no prose. */
    private static final String ALPHABET = "aaaaeeiinnoorrsstTAB01  ..,,;:!?()[]$-—–\"“”‘’„«»`'|=。，、「」の日本語는를\t";

    private static String randomText(Random random, int lines) {
        StringBuilder text = new StringBuilder();
        for (int l = 0; l < lines; l++) {
            int length = random.nextInt(60);
            for (int k = 0; k < length; k++) {
                text.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
            }
            text.append('\n');
        }
        return text.toString();
    }

    @Test
    void linesThatAreNoProseGiveNoCandidatesWhateverCuesTheyHold() {
        Random random = new Random(11);
        for (int n = 0; n < 3_000; n++) {
            // a tab opens code, four spaces indent it, two pipes make a table row
            String prefix = List.of("\t", "    ", "| a | b |").get(n % 3);
            StringBuilder text = new StringBuilder();
            for (String line : randomText(random, 1 + random.nextInt(4)).split("\n")) {
                // opened by a letter: a line opening with separators is a cut option header, prose or not
                text.append(n % 3 == 2 ? "a" + line + prefix : prefix + "a" + line).append('\n');
            }
            assertThat(new HoleScanner().scan(text.toString())).as("%s", text).isEmpty();
        }
    }

    @Test
    void anyTextScansWithCandidatesInsideIt() {
        Random random = new Random(7);
        for (int n = 0; n < 3_000; n++) {
            String text = randomText(random, 1 + random.nextInt(5));
            assertThat(new HoleScanner().scan(text)).as("%s", text)
                    .allSatisfy(c -> assertThat(c.index()).isBetween(0, text.length()));
        }
    }

    @Test
    void aTableRowsSentenceEndsAreNoTypingHabitOfTheProseAroundIt() {
        String prose = "Set it to Optional.  what was specified is kept.\n";
        String table = "| It ends.  Then more. | It ends.  Then more. | It ends.  Then more. |\n";
        List<HoleCandidate> alone = new HoleScanner().scan(prose);
        List<HoleCandidate> afterTable = new HoleScanner().scan(table + prose);
        assertThat(alone).hasSize(1);
        assertThat(afterTable).extracting(c -> c.index() - table.length()).containsExactly(alone.get(0).index());
        assertThat(afterTable).extracting(HoleCandidate::score).containsExactly(alone.get(0).score());
    }
}
