package dev.colloquy.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.colloquy.model.Conversation;
import dev.colloquy.model.Rejection;
import dev.colloquy.model.Role;
import dev.colloquy.model.SourcePosition;
import dev.colloquy.model.Turn;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;

/** A minimal OpenAI-messages JSONL codec, so runner tests do not depend on the formats package. */
final class JsonlTestCodec implements RecordCodec {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public List<Input> inputs(List<String> paths) {
        List<Input> out = new ArrayList<>();
        for (String p : paths) {
            Path path = Paths.get(p);
            if (!Files.isRegularFile(path)) {
                throw new IllegalArgumentException("input not found: " + p);
            }
            out.add(new Input() {
                @Override
                public String name() {
                    return p;
                }

                @Override
                public long size() {
                    try {
                        return Files.size(path);
                    } catch (IOException e) {
                        return -1;
                    }
                }

                @Override
                public String identity() {
                    return Long.toString(size());
                }

                @Override
                public InputStream open() throws IOException {
                    return Files.newInputStream(path);
                }
            });
        }
        return out;
    }

    @Override
    public void read(Input input, InputStream in, PipelineConfig.InputSpec spec, Sink sink) throws IOException {
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        String line;
        long n = 0;
        while ((line = r.readLine()) != null) {
            n++;
            SourcePosition pos = new SourcePosition(input.name(), n);
            try {
                JsonNode node = JSON.readTree(line);
                List<Turn> turns = new ArrayList<>();
                for (JsonNode m : node.path("messages")) {
                    Role role = Role.parse(m.path("role").asText()).orElse(Role.USER);
                    turns.add(new Turn(role.wireName(), role, m.path("content").asText()));
                }
                sink.conversation(new Conversation(node.path("id").asText("line" + n), pos, turns));
            } catch (IOException e) {
                sink.unreadable(new Rejection(pos, "read", "malformed_json", "not valid JSON", line));
            }
        }
    }

    @Override
    public String keptLine(Conversation c, dev.colloquy.format.OutputFormat format) {
        ObjectNode o = JSON.createObjectNode();
        o.put("id", c.id());
        ArrayNode msgs = o.putArray("messages");
        for (Turn t : c.turns()) {
            msgs.addObject().put("role", t.role().wireName()).put("content", t.text());
        }
        o.putObject("meta").put("source", c.source().toString());
        return write(o);
    }

    @Override
    public String quarantineLine(Rejection r) {
        ObjectNode o = JSON.createObjectNode();
        o.put("source", r.source().toString()).put("step", r.step()).put("reason", r.reason())
                .put("message", r.message());
        o.put("record", r.record() instanceof Conversation c ? c.id() : String.valueOf(r.record()));
        return write(o);
    }

    private static String write(ObjectNode o) {
        try {
            return JSON.writeValueAsString(o);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
