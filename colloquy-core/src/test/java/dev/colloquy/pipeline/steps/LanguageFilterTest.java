package dev.colloquy.pipeline.steps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.colloquy.model.Conversation;
import dev.colloquy.model.Turn;
import dev.colloquy.signals.TurnLanguage;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class LanguageFilterTest {

    private static Conversation tagged(String first, String second) {
        Conversation c = Convs.of("user:q", "assistant:a");
        Turn a = c.turns().get(0).withFindings(List.of(lang(0, first)));
        Turn b = c.turns().get(1).withFindings(List.of(lang(1, second)));
        return c.withTurns(List.of(a, b));
    }

    private static TurnLanguage lang(int turn, String code) {
        return new TurnLanguage(turn, code, code.equals("und") ? 0 : 0.9,
                code.equals("und") ? TurnLanguage.Method.NONE : TurnLanguage.Method.NGRAMS, List.of());
    }

    @ParameterizedTest(name = "{0}/{1} allowed [en, de] -> {2}")
    @CsvSource({"en, de, kept", "en, und, kept", "zh, en, language_not_allowed", "en, fr, language_not_allowed"})
    void keepsOnlyAllowedLanguagesIgnoringUndetermined(String a, String b, String expected) {
        assertThat(Convs.verdict(new LanguageFilter(List.of("en", " DE ")).apply(tagged(a, b)))).isEqualTo(expected);
    }

    // Through the real language step: a reply of a few words that Spanish and Portuguese share is "und" and
    // keeps the conversation; a long Portuguese reply is rejected.
    @ParameterizedTest(name = "reply \"{0}\" -> {1}")
    @CsvSource(delimiter = '|', value = {
        "o programa|kept",
        "O programa não pôde abrir a conexão com o servidor porque o endereço não é válido.|language_not_allowed"})
    void actsOnlyOnDeterminedLanguagesFromTheLanguageStep(String reply, String expected) {
        Conversation c = Convs.of("user:The program could not open the connection to the server because the address"
                + " is not valid.", "assistant:" + reply);
        Conversation tagged = ((dev.colloquy.step.StepResult.Kept) new dev.colloquy.signals.LanguageIdentifier()
                .apply(c)).conversation();
        assertThat(Convs.verdict(new LanguageFilter(List.of("en")).apply(tagged))).isEqualTo(expected);
    }

    @Test
    void needsAtLeastOneLanguage() {
        assertThatThrownBy(() -> new LanguageFilter(List.of())).hasMessageContaining("'allowed'");
    }
}
