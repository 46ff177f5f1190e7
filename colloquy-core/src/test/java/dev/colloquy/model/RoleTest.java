package dev.colloquy.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class RoleTest {

    @ParameterizedTest
    @CsvSource({"system, SYSTEM", "user, USER", "assistant, ASSISTANT", "tool, TOOL", "USER, USER",
            "'  Assistant ', ASSISTANT"})
    void parsesWireNamesCaseInsensitivelyIgnoringSurroundingSpace(String name, Role expected) {
        assertThat(Role.parse(name)).contains(expected);
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "human", "gpt", "bot", "users", "function"})
    void parsesAnythingElseAsEmpty(String name) {
        assertThat(Role.parse(name)).isEmpty();
    }

    @Test
    void parsesTheDottedCapitalIUnderATurkishDefaultLocaleToo() {
        Locale before = Locale.getDefault();
        try {
            Locale.setDefault(Locale.forLanguageTag("tr"));
            assertThat(Role.parse("ASSISTANT")).contains(Role.ASSISTANT);
            assertThat(Role.parse("SYSTEM")).contains(Role.SYSTEM);
        } finally {
            Locale.setDefault(before);
        }
    }

    @Test
    void printsAsItsWireName() {
        for (Role r : Role.values()) {
            assertThat(r.toString()).isEqualTo(r.wireName());
            assertThat(Role.parse(r.wireName())).contains(r);
        }
    }
}
