package dev.colloquy.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

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
}
