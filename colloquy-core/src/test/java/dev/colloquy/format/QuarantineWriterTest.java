package dev.colloquy.format;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.colloquy.model.Conversation;
import dev.colloquy.model.Rejection;
import dev.colloquy.model.Role;
import dev.colloquy.model.SourcePosition;
import dev.colloquy.model.Turn;
import java.io.IOException;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class QuarantineWriterTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void writesOneJsonLinePerRejectionWithSourceStepReasonMessageAndRecord() throws IOException {
        StringWriter w = new StringWriter();
        QuarantineWriter q = QuarantineWriter.of(w);
        q.write(new Rejection(new SourcePosition("in.jsonl", 3), "read", "malformed_json", "invalid JSON", "{\"a\":"));
        q.write(new Rejection(new SourcePosition("in.jsonl", 4), "read", "no_messages", "none", Map.of("x", 1)));
        assertThat(q.written()).isEqualTo(2);
        List<String> lines = w.toString().lines().toList();
        assertThat(lines).hasSize(2);
        JsonNode first = JSON.readTree(lines.get(0));
        assertThat(first.fieldNames()).toIterable().containsExactly("source", "step", "reason", "message", "record");
        assertThat(first.get("source").asText()).isEqualTo("in.jsonl:3");
        assertThat(first.get("record").asText()).isEqualTo("{\"a\":");
        assertThat(JSON.readTree(lines.get(1)).get("record").get("x").asInt()).isEqualTo(1);
    }

    @Test
    void writesARejectedConversationAsItsOpenAiRecord() throws IOException {
        Conversation c = new Conversation("c", new SourcePosition("t.txt", 1), List.of(new Turn("A", Role.USER, "hi")));
        JsonNode line = JSON.readTree(QuarantineWriter.toJson(new Rejection(c.source(), "min_turns", "too_few_turns", "1 turn", c)));
        assertThat(line.get("step").asText()).isEqualTo("min_turns");
        assertThat(line.get("record").get("messages").get(0).get("content").asText()).isEqualTo("hi");
    }

    @Test
    void writesANullRecordForAnEmptyFile() throws IOException {
        JsonNode line = JSON.readTree(QuarantineWriter.toJson(new Rejection(new SourcePosition("e.txt", 0), "read",
                "empty_file", "empty", null)));
        assertThat(line.get("source").asText()).isEqualTo("e.txt:0");
        assertThat(line.get("record").isNull()).isTrue();
    }
}
