package dev.colloquy.bench;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class TextPoolsTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "The daemon reads its configuration at start and on SIGHUP.|true",
            "short line|false",
            "0x00 0x1f 0x7f 0x80 0xff 0x100 0x3ff 0x400|false",
            "--- a/src/main.c +++ b/src/main.c @@ -1,4 +1,5 @@|false",
    })
    void keepsSentencesAndDropsCodeAndTables(String line, boolean prose) {
        assertThat(TextPools.isProse(line)).isEqualTo(prose);
    }
}
