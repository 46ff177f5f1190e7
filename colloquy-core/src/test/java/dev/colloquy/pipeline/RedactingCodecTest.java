package dev.colloquy.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RedactingCodecTest {

    @Test
    void passesLinesWithoutPersonalDataOnByteForByte() {
        String line = "{\"id\":\"a\",\"n\":1.50,\"big\":12345678901234567890,\"messages\":[{\"role\":\"user\","
                + "\"content\":\"Ünïcödé 2024-03-05 12:30:45 version 1.2.3.4\"}]}";
        assertThat(RedactingCodec.redact(line, true)).isSameAs(line);
    }

    @Test
    void redactsEveryStringAndKeyOfAJsonLineNumberingAfterThePlaceholdersAlreadyThere() {
        String line = "{\"id\":\"bob@example.org\",\"messages\":[{\"content\":\"<EMAIL_1> wrote\"}],"
                + "\"meta\":{\"10.1.2.3\":1.50,\"by\":\"bob@example.org\",\"n\":[7]}}";
        assertThat(RedactingCodec.redact(line, true)).isEqualTo("{\"id\":\"<EMAIL_2>\",\"messages\":[{\"content\":"
                + "\"<EMAIL_1> wrote\"}],\"meta\":{\"<IP_ADDRESS_1>\":1.50,\"by\":\"<EMAIL_2>\",\"n\":[7]}}");
    }

    @Test
    void redactsTranscriptLinesAsText() {
        assertThat(RedactingCodec.redact("[A]: mail bob@example.org\n[B]: ok\n---", false))
                .isEqualTo("[A]: mail <EMAIL_1>\n[B]: ok\n---");
    }

    @Test
    void findsAValueAfterATabOrALineBreakInAnyString() {
        // written as "\t" and "\n", the tab and the line break read as letters glued to the number
        String line = "{\"id\":\"a\",\"meta\":{\"note\":\"call\\t+44 20 7946 0958\",\"n\":\"x\\n555-123-4567\"}}";
        assertThat(RedactingCodec.redact(line, true))
                .isEqualTo("{\"id\":\"a\",\"meta\":{\"note\":\"call\\t<PHONE_1>\",\"n\":\"x\\n<PHONE_2>\"}}");
    }

    @Test
    void decodesJsonEscapesForTheFilter() {
        assertThat(RedactingCodec.unescaped("{\"a\":\"q\\\"\\\\\\/\\t\\n\\r\\b\\f\\u00e9\\ud83d\\ude00\"}"))
                .isEqualTo("{\"a\":\"q\"\\/\t\n\r\b\f\u00e9\ud83d\ude00\"}");
        String plain = "{\"a\":\"no escapes\"}";
        assertThat(RedactingCodec.unescaped(plain)).isSameAs(plain);
    }

    /*
     * The quick question a line is asked first (is there anything to replace anywhere?) is only a filter: on any
     * line, redact must answer what masking every string of it answers. Seeded lines of pieces that make values,
     * near-values and the characters JSON escapes, side by side in any order.
     */
    @Test
    void theFilterNeverPassesALineWhoseStringsHoldAValue() throws JsonProcessingException {
        String[] pieces = {"call", " ", "\t", "\n", "\r", "\"", "\\", "/", "\u0001", "+44 20 7946 0958", "555-123-4567",
            "bob@example.org", "10.1.2.3", "4111 1111 1111 1111", "ftp://u:p@host.example", "version ", "x", "\u00e9",
            "-", ".", ":", "0", "(", ")", "\u6f22"};
        ObjectMapper json = new ObjectMapper();
        Random random = new Random(20261207);
        int masked = 0;
        for (int n = 0; n < 3000; n++) {
            Map<String, Object> record = new LinkedHashMap<>();
            record.put("id", "r" + n);
            int strings = 1 + random.nextInt(3);
            for (int k = 0; k < strings; k++) {
                StringBuilder value = new StringBuilder();
                for (int p = 1 + random.nextInt(6); p > 0; p--) {
                    value.append(pieces[random.nextInt(pieces.length)]);
                }
                record.put(k == 2 ? value.toString() : "s" + k, k == 2 ? 1 : value.toString());
            }
            String line = json.writeValueAsString(record);
            String expected = RedactingCodec.redactStrings(line);
            assertThat(RedactingCodec.redact(line, true)).as(line).isEqualTo(expected);
            masked += expected.equals(line) ? 0 : 1;
        }
        assertThat(masked).as("lines holding a value").isGreaterThan(1000);
    }
}
