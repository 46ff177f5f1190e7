package dev.colloquy.bench;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class DebianDocsTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "\\fBgzip\\fR reduces the size \\(em usually|gzip reduces the size — usually",
            "use \\-\\-force to overwrite|use --force to overwrite",
            "\\&.profile is read at login|.profile is read at login",
    })
    void turnsRoffProseIntoText(String roff, String text) {
        assertThat(DebianDocs.unroff(roff)).isEqualTo(text);
    }

    @ParameterizedTest
    @ValueSource(strings = {".TH GZIP 1", ".\\\" a comment", "'br"})
    void dropsRoffRequests(String roff) {
        assertThat(DebianDocs.unroff(roff)).isNull();
    }
}
