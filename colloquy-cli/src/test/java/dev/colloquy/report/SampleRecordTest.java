package dev.colloquy.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SampleRecordTest {

    @Test
    void readsOpenAiLinesWithTheirFindings() {
        SampleRecord r = SampleRecord.of(SampleRecord.parse("{\"id\":\"c1\",\"messages\":[{\"role\":\"user\","
                + "\"content\":\"hi\"},{\"role\":\"assistant\",\"content\":\"hello\"}],\"meta\":{\"findings\":"
                + "[{\"type\":\"agreement_loop\"}],\"turn_findings\":[[],[{\"type\":\"holes\",\"offset\":2}]]}}")
                .orElseThrow()).orElseThrow();

        assertThat(r.id()).isEqualTo("c1");
        assertThat(r.turns()).containsExactly(new SampleRecord.Turn("user", "hi"), new SampleRecord.Turn("assistant", "hello"));
        assertThat(r.findings()).hasSize(1);
        assertThat(r.findingsOfTurn(1).get(0).path("offset").asInt()).isEqualTo(2);
        assertThat(r.findingsOfTurn(5)).isEmpty();
    }

    @Test
    void readsShareGptLines() {
        SampleRecord r = SampleRecord.of(SampleRecord.parse("{\"conversations\":[{\"from\":\"human\",\"value\":\"q\"},"
                + "{\"from\":\"gpt\",\"value\":\"a\"}]}").orElseThrow()).orElseThrow();

        assertThat(r.turns()).containsExactly(new SampleRecord.Turn("human", "q"), new SampleRecord.Turn("gpt", "a"));
        assertThat(r.id()).isEmpty();
    }

    @Test
    void leavesLinesThatAreNotJsonRecordsAlone() {
        assertThat(SampleRecord.parse("[A]: a transcript line")).isEmpty();
        assertThat(SampleRecord.parse("[1,2]")).isEmpty();
        assertThat(SampleRecord.of(SampleRecord.parse("{\"messages\":\"text\"}").orElseThrow())).isEmpty();
    }
}
