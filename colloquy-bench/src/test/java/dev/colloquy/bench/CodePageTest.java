package dev.colloquy.bench;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CodePageTest {

    static List<String> names() {
        return CodePage.NAMES;
    }

    @Test
    void readsUtf8AsWindows1252TheWayMojibakeLooks() {
        assertThat(CodePage.named("windows-1252").mangle("café “ok”")).contains("cafÃ© â€œokâ€\u009D");
    }

    @Test
    void dropsUndefinedBytesSoftHyphensAndPlainsNoBreakSpacesWhenLossy() {
        // 关 is E5 85 B3: fine in windows-1254; 于 is E4 BA 8E: 0x8E is undefined there and vanishes.
        CodePage.Lossy lossy = CodePage.named("windows-1254").mangleLossy("关于");
        assertThat(lossy.text()).isEqualTo("å…³äº");
        assertThat(lossy.lost()).isEqualTo(1);
        // í is C3 AD: the soft hyphen byte vanishes; à is C3 A0: the no-break space becomes a space.
        assertThat(CodePage.named("windows-1252").mangleLossy("íà")).isEqualTo(new CodePage.Lossy("Ã\u00C3 ", 0, 1, 1));
        assertThat(CodePage.named("windows-1252").mangleLossy("íà").kind()).isEqualTo("soft-hyphen");
        assertThat(lossy.kind()).isEqualTo("undefined");
    }

    @ParameterizedTest
    @MethodSource("names")
    void sloppyManglingIsUndoneByEncodingBackWithTheSamePage(String name) {
        String text = "Grüße, Привет, Γειά, 你好, 🎬 “quoted” — ok";
        CodePage page = CodePage.named(name);
        page.mangle(text).ifPresent(m -> {
            byte[] bytes = new byte[m.length()];
            Charset charset = Charset.forName(name);
            for (int i = 0; i < m.length(); i++) {
                char c = m.charAt(i);
                bytes[i] = c >= 0x80 && c <= 0x9F && new String(new byte[] {(byte) c}, charset).equals("\uFFFD")
                        ? (byte) c : String.valueOf(c).getBytes(charset)[0];
            }
            assertThat(new String(bytes, StandardCharsets.UTF_8)).isEqualTo(text);
        });
    }

    @Test
    void namesPagesTheWayReportsDo() {
        assertThat(CodePage.named("x-MacRoman").name()).isEqualTo("macroman");
        assertThat(CodePage.named("IBM437").name()).isEqualTo("cp437");
        assertThat(CodePage.named("windows-1254").name()).isEqualTo("windows-1254");
    }
}
