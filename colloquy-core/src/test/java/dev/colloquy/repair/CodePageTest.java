package dev.colloquy.repair;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What the decoders take for granted of every code page. */
class CodePageTest {

    /** Every page reads the bytes 00-7F as ASCII and writes ASCII as those bytes ({@link CodePage#byteOrNone}). */
    @Test
    void everyPageReadsAsciiAsItself() {
        for (CodePage page : CodePages.ALL) {
            for (char c = 0; c < 0x80; c++) {
                assertThat(page.charOf(c)).as("%s reads %02X", page.name(), (int) c).isEqualTo(c);
                assertThat(page.canEncode(c) && page.byteOf(c) == c).as("%s writes U+%04X", page.name(), (int) c).isTrue();
                assertThat(page.byteOrNone(c)).isEqualTo(c);
            }
        }
    }
}
