package dev.colloquy.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A sample record as the report shows it, read back from its output JSON line (OpenAI or ShareGPT shape, with
 * the findings the pipeline stored under {@code meta}). Transcript output lines are not JSON: they have no
 * turns here and are shown raw.
 *
 * @param id           the record id, or empty
 * @param turns        its turns in order
 * @param findings     conversation-level findings ({@code meta.findings})
 * @param turnFindings per-turn findings ({@code meta.turn_findings}), index = turn
 */
record SampleRecord(String id, List<Turn> turns, List<JsonNode> findings, List<List<JsonNode>> turnFindings) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One turn: who speaks and what. */
    record Turn(String speaker, String text) {
    }

    static Optional<JsonNode> parse(String line) {
        try {
            JsonNode n = JSON.readTree(line);
            return n != null && n.isObject() ? Optional.of(n) : Optional.empty();
        } catch (java.io.IOException e) {
            return Optional.empty();
        }
    }

    static Optional<SampleRecord> of(JsonNode n) {
        JsonNode msgs = n.path("messages").isArray() ? n.path("messages") : n.path("conversations");
        if (!msgs.isArray()) {
            return Optional.empty();
        }
        List<Turn> turns = new ArrayList<>();
        for (JsonNode m : msgs) {
            String speaker = m.has("role") ? m.path("role").asText() : m.path("from").asText();
            JsonNode text = m.has("content") ? m.path("content") : m.path("value");
            turns.add(new Turn(speaker, text.isTextual() ? text.asText() : text.toString()));
        }
        JsonNode meta = n.path("meta");
        List<JsonNode> findings = new ArrayList<>();
        meta.path("findings").forEach(findings::add);
        List<List<JsonNode>> perTurn = new ArrayList<>();
        for (JsonNode tf : meta.path("turn_findings")) {
            List<JsonNode> l = new ArrayList<>();
            tf.forEach(l::add);
            perTurn.add(l);
        }
        return Optional.of(new SampleRecord(n.path("id").asText(""), turns, findings, perTurn));
    }

    List<JsonNode> findingsOfTurn(int turn) {
        return turn < turnFindings.size() ? turnFindings.get(turn) : List.of();
    }
}
