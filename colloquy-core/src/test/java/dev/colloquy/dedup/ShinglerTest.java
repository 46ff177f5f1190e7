package dev.colloquy.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.colloquy.model.Role;
import dev.colloquy.model.Turn;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ShinglerTest {

    private final Shingler shingler = new Shingler(5, 42);

    private long[] shingles(String text) {
        return shingler.shingles(List.of(new Turn("A", Role.USER, text)));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        // text                                           | shingles: marker + tokens, 5-grams
        "one two three four                               | 1",
        "one two three four five                          | 2",
        "one two three four five six seven                | 4",
        "'one, two; three -- four!!! five'                 | 2",
        "我们今天讨论                                        | 3",
        "我们今天 discuss 数据                               | 4",
        "ภาษาไทย                                          | 4",
    })
    void makesOneShinglePerWindowOfTokens(String text, int expected) {
        assertThat(shingles(text)).hasSize(expected);
    }

    @Test
    void ignoresPunctuationCaseAndSpacing() {
        assertThat(shingles("Well, hello there my old friend!")).containsExactly(shingles("well hello  there my old friend"));
    }

    @Test
    void keepsCombiningMarksWithTheirLetter() {
        assertThat(shingles("ไม่")).hasSize(1);
        assertThat(shingles("ไม่")).isNotEqualTo(shingles("ไม"));
    }

    @Test
    void returnsSortedDistinctHashes() {
        long[] s = shingles("la la la la la la la la la la la la");

        assertThat(s).hasSize(2).isSorted();
    }

    @Test
    void dependsOnRoleAndOrder() {
        Turn user = new Turn("A", Role.USER, "alpha beta gamma delta epsilon zeta");
        Turn assistant = new Turn("A", Role.ASSISTANT, "alpha beta gamma delta epsilon zeta");

        assertThat(shingler.shingles(List.of(user))).isNotEqualTo(shingler.shingles(List.of(assistant)));
        assertThat(shingles("alpha beta gamma delta epsilon")).isNotEqualTo(shingles("epsilon delta gamma beta alpha"));
    }

    @Test
    void hasNoShinglesWithoutLettersOrDigits() {
        assertThat(shingles("... !!! 🙂")).isEmpty();
        assertThat(shingler.shingles(List.of())).isEmpty();
    }

    @Test
    void decidesWordOrCharacterTokensPerScript() {
        assertThat(Shingler.writtenWithoutSpaces('中')).isTrue();
        assertThat(Shingler.writtenWithoutSpaces('ก')).isTrue();
        assertThat(Shingler.writtenWithoutSpaces('か')).isTrue();
        assertThat(Shingler.writtenWithoutSpaces('한')).isFalse();
        assertThat(Shingler.writtenWithoutSpaces('a')).isFalse();
    }

    @ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
    void unsortedHashesGiveTheSameSetAndSignatureAsTheSortedShingles(long seed) {
        java.util.Random random = new java.util.Random(seed);
        String[] pieces = {"the", "cat", "sat", "on", "mat", "我们", "ภาษา", "Ünïcode", ", ", "  ", "\n", "x1", "—"};
        List<Turn> turns = new java.util.ArrayList<>();
        for (int t = 0, n = 1 + random.nextInt(4); t < n; t++) {
            StringBuilder text = new StringBuilder();
            for (int w = 0, words = random.nextInt(40); w < words; w++) {
                text.append(pieces[random.nextInt(pieces.length)]).append(random.nextBoolean() ? " " : "");
            }
            turns.add(new Turn("S", t % 2 == 0 ? Role.USER : Role.ASSISTANT, text.toString()));
        }
        List<String> folded = turns.stream().map(t -> ContentNormalizer.fold(t.text())).toList();
        long[] sorted = shingler.shinglesOfFolded(turns, folded);
        long[] unsorted = shingler.shingleHashesOfFolded(turns, folded);
        assertThat(java.util.Arrays.stream(unsorted).distinct().sorted().toArray()).containsExactly(sorted);
        MinHasher minHasher = new MinHasher(128, seed);
        assertThat(minHasher.signature(unsorted)).containsExactly(minHasher.signature(sorted));
    }

    @Test
    void scriptsWrittenWithoutSpacesAreTheUnicodeScriptsOfEveryCodePoint() {
        java.util.Set<Character.UnicodeScript> unspaced = java.util.EnumSet.of(Character.UnicodeScript.HAN,
                Character.UnicodeScript.HIRAGANA, Character.UnicodeScript.KATAKANA, Character.UnicodeScript.THAI,
                Character.UnicodeScript.LAO, Character.UnicodeScript.KHMER, Character.UnicodeScript.MYANMAR,
                Character.UnicodeScript.TIBETAN);
        for (int cp = 0; cp <= Character.MAX_CODE_POINT; cp++) {
            if (Shingler.writtenWithoutSpaces(cp) != unspaced.contains(Character.UnicodeScript.of(cp))) {
                assertThat(Shingler.writtenWithoutSpaces(cp)).as("U+%04X", cp)
                        .isEqualTo(unspaced.contains(Character.UnicodeScript.of(cp)));
            }
        }
    }
}
