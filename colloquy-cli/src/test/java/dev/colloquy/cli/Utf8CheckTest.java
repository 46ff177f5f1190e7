package dev.colloquy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HexFormat;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class Utf8CheckTest {

    @ParameterizedTest
    @CsvSource({
        "41, true", "c3a9, true", "e282ac, true", "f09f9880, true", "c3, false", "c0af, false", "e080af, false",
        "eda080, false", "f4908080, false", "80, false", "ff, false", "e282, false",
    })
    void acceptsOnlyWellFormedUtf8(String hex, boolean valid) {
        byte[] b = HexFormat.of().parseHex(hex);
        assertThat(Utf8Check.isValid(b, 0, b.length)).isEqualTo(valid);
    }
}
