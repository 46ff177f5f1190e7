package dev.colloquy.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.colloquy.model.Conversation;
import dev.colloquy.model.Role;
import dev.colloquy.model.SourcePosition;
import dev.colloquy.model.Turn;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class ContentNormalizerTest {

    private static Conversation of(Turn... turns) {
        return new Conversation("x", new SourcePosition("f", 1), List.of(turns));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Hello World          | hello world",
        "'  Hello \t\n World '  | hello world",
        "ＨＥＬＬＯ             | hello",
        "ﬁne                  | fine",
        "İstanbul             | i̇stanbul",
        "a\u00A0b             | a b",
        "Ünïcödé, punctuation! | ünïcödé, punctuation!",
    })
    void foldsCaseSpacingAndCompatibilityForms(String in, String expected) {
        assertThat(ContentNormalizer.normalize(in)).isEqualTo(expected);
    }

    @Test
    void prefixesEachTurnWithItsRoleNotItsSpeakerLabel() {
        Conversation c = of(new Turn("A", Role.USER, "Hi"), new Turn("bot", Role.ASSISTANT, "Hello!"));

        assertThat(new ContentNormalizer(DedupConfig.Scope.CONVERSATION).exactContent(c))
                .isEqualTo("user: hi\nassistant: hello!\n");
    }

    @Test
    void selectsTheFirstUserTurnInThatScope() {
        Turn system = new Turn("s", Role.SYSTEM, "Be nice");
        Turn question = new Turn("A", Role.USER, "Q1");
        Conversation c = of(system, question, new Turn("B", Role.ASSISTANT, "A1"), new Turn("A", Role.USER, "Q2"));

        assertThat(new ContentNormalizer(DedupConfig.Scope.FIRST_USER_TURN).select(c)).containsExactly(question);
        assertThat(new ContentNormalizer(DedupConfig.Scope.FIRST_USER_TURN).select(of(system))).isEmpty();
    }

    @Test
    void givesEqualFingerprintsToEqualContentOnly() {
        ContentNormalizer n = new ContentNormalizer(DedupConfig.Scope.CONVERSATION);
        Conversation a = of(new Turn("A", Role.USER, "Hello  there"));
        Conversation b = of(new Turn("human", Role.USER, "hello there"));
        Conversation swapped = of(new Turn("A", Role.ASSISTANT, "hello there"));

        assertThat(n.fingerprint(a)).isEqualTo(n.fingerprint(b));
        assertThat(n.fingerprint(a)).isNotEqualTo(n.fingerprint(swapped));
        assertThat(n.fingerprint(a).toString()).hasSize(32);
    }

    @Test
    void trimsEachTurnOnItsOwnLine() {
        Conversation c = of(new Turn("A", Role.USER, "  Hi \t there  "), new Turn("B", Role.ASSISTANT, "\n\u3000 Hello! "),
                new Turn("A", Role.USER, " \t "));

        assertThat(new ContentNormalizer(DedupConfig.Scope.CONVERSATION).exactContent(c))
                .isEqualTo("user: hi there\nassistant: hello!\nuser: \n");
    }

    @Test
    void collapsesExactlyTheCharactersJavaCallsWhitespaceOrSpace() {
        // the rule the ASCII fast path must keep, one code point at a time, between, before and after letters
        for (int cp = 0; cp < 0x3100; cp++) {
            if (Character.isSurrogate((char) cp)) {
                continue;
            }
            String c = new String(Character.toChars(cp));
            for (String text : new String[] {"a" + c + "b", c + "a" + c + c + "b" + c}) {
                assertThat(ContentNormalizer.normalize(text)).as("U+%04X in %s", cp, text)
                        .isEqualTo(referenceCollapse(ContentNormalizer.fold(text)));
            }
        }
    }

    @Test
    void collapsesSeededMixedTextsAsTheCodePointByCodePointRule() {
        // runs copied whole must give what one code point at a time gives: spaces of every kind, letters of several
        // scripts, emoji (surrogate pairs) and lone surrogates, at the start, the end and between
        String[] pieces = {" ", "  ", "\t", "\n", "\u00A0", "\u3000", "\u2028", "a", "Bc", "é", "ж", "中文", "😀",
                "\uD800", "\uDC00", "x\u0301", ".", "42"};
        Random random = new Random(20261207);
        for (int i = 0; i < 5_000; i++) {
            StringBuilder text = new StringBuilder();
            for (int k = random.nextInt(12); k > 0; k--) {
                text.append(pieces[random.nextInt(pieces.length)]);
            }
            String folded = ContentNormalizer.fold(text.toString());
            assertThat(ContentNormalizer.normalize(text.toString())).as("%s", text).isEqualTo(referenceCollapse(folded));
        }
    }

    private static String referenceCollapse(String folded) {
        StringBuilder out = new StringBuilder();
        boolean pending = false;
        for (int cp : folded.codePoints().toArray()) {
            if (Character.isWhitespace(cp) || Character.isSpaceChar(cp)) {
                pending = out.length() > 0;
            } else {
                if (pending) {
                    out.append(' ');
                    pending = false;
                }
                out.appendCodePoint(cp);
            }
        }
        return out.toString();
    }

    @Test
    void foldsAsciiAsNfkcWould() {
        for (char c = 0; c < 0x80; c++) {
            String text = "A" + c + "z" + c;
            assertThat(ContentNormalizer.fold(text)).isEqualTo(
                    java.text.Normalizer.normalize(text, java.text.Normalizer.Form.NFKC).toLowerCase(java.util.Locale.ROOT));
        }
    }
}
