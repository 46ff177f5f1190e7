package dev.colloquy.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.colloquy.model.Conversation;
import dev.colloquy.model.Role;
import dev.colloquy.model.SourcePosition;
import dev.colloquy.model.Turn;
import java.util.List;
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
}
