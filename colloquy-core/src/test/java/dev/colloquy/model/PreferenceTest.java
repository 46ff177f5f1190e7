package dev.colloquy.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PreferenceTest {

    @Test
    void placesTheAnswersAfterAPromptOfTheGivenLength() {
        assertThat(Preference.of(3, 2)).isEqualTo(new Preference(3, 5));
    }

    @Test
    void allowsAnImplicitEmptyPrompt() {
        assertThat(Preference.of(0, 1)).isEqualTo(new Preference(0, 1));
    }

    @ParameterizedTest
    @CsvSource({"-1, 2", "2, 2", "3, 1"})
    void rejectsAShapeWithoutAChosenAnswerBeforeTheRejectedOne(int chosenStart, int rejectedStart) {
        assertThatThrownBy(() -> new Preference(chosenStart, rejectedStart))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("chosen answer before its rejected one")
                .hasMessageContaining(chosenStart + ".." + rejectedStart);
    }
}
