package dev.colloquy.format;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.colloquy.io.InputSources;
import dev.colloquy.model.Conversation;
import dev.colloquy.model.Finding;
import dev.colloquy.model.Role;
import dev.colloquy.model.SourcePosition;
import dev.colloquy.model.Turn;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RecordJsonTest {

    private static final Path FIXTURES = Paths.get("src/test/resources/golden/formats");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    record Flag(int turn, String note) implements Finding {
        @Override
        public String type() {
            return "test_flag";
        }
    }

    private static List<Conversation> readAll(Path p) {
        try (Stream<ReadResult> s = ConversationReader.read(InputSources.of(p), InputFormat.AUTO, RoleMap.defaults())) {
            List<ReadResult> all = s.toList();
            assertThat(all).allMatch(ReadResult.Ok.class::isInstance);
            return all.stream().map(r -> ((ReadResult.Ok) r).conversation()).toList();
        }
    }

    private Path write(List<Conversation> cs, OutputFormat format, String name) throws IOException {
        StringWriter w = new StringWriter();
        ConversationWriter writer = ConversationWriter.of(format, w);
        for (Conversation c : cs) {
            writer.write(c);
        }
        Path p = dir.resolve(name);
        Files.writeString(p, w.toString(), StandardCharsets.UTF_8);
        return p;
    }

    /** What a round trip must keep: everything but the position in the intermediate file. */
    private static Object essence(Conversation c) {
        Map<String, Object> meta = new LinkedHashMap<>(c.metadata());
        meta.remove("source");
        return List.of(c.id(), c.turns(), meta);
    }

    @Test
    void transcriptToOpenAiToTranscriptIsLossless() throws IOException {
        Path original = FIXTURES.resolve("transcript.txt");
        List<Conversation> first = readAll(original);
        assertThat(first).hasSize(2);
        assertThat(first.get(0).turns()).extracting(Turn::speaker).containsExactly("A", "B");
        assertThat(first.get(1).turns()).extracting(Turn::role).containsExactly(Role.USER, Role.SYSTEM, Role.USER);
        List<Conversation> back = readAll(write(first, OutputFormat.OPENAI, "t.jsonl"));
        assertThat(back).extracting(RecordJsonTest::essence).containsExactlyElementsOf(
                first.stream().map(RecordJsonTest::essence).toList());
        Path again = write(back, OutputFormat.TRANSCRIPT, "t.txt");
        assertThat(Files.readString(again, StandardCharsets.UTF_8)).isEqualTo(Files.readString(original,
                StandardCharsets.UTF_8));
    }

    @Test
    void shareGptToOpenAiToShareGptIsLossless() throws IOException {
        List<Conversation> first = readAll(FIXTURES.resolve("sharegpt.jsonl"));
        List<Conversation> viaOpenAi = readAll(write(first, OutputFormat.OPENAI, "s.jsonl"));
        assertThat(viaOpenAi).extracting(RecordJsonTest::essence)
                .containsExactlyElementsOf(first.stream().map(RecordJsonTest::essence).toList());
        List<Conversation> back = readAll(write(viaOpenAi, OutputFormat.SHAREGPT, "s2.jsonl"));
        assertThat(back).extracting(RecordJsonTest::essence)
                .containsExactlyElementsOf(first.stream().map(RecordJsonTest::essence).toList());
        JsonNode rec = JSON.readTree(Files.readAllLines(dir.resolve("s2.jsonl")).get(0));
        assertThat(rec.get("conversations").get(0).get("from").asText()).isEqualTo("system");
        assertThat(rec.get("conversations").get(3).get("from").asText()).isEqualTo("gpt");
        assertThat(rec.get("meta").get("speakers").get(3).asText()).isEqualTo("chatgpt");
        assertThat(rec.get("conversations").get(3).get("value").isNull()).isTrue();
        assertThat(rec.get("meta").get("tags")).hasSize(2);
    }

    @Test
    void openAiToOpenAiIsLosslessAndStable() throws IOException {
        List<Conversation> first = readAll(FIXTURES.resolve("openai.jsonl"));
        Path once = write(first, OutputFormat.OPENAI, "o1.jsonl");
        List<Conversation> back = readAll(once);
        assertThat(back).extracting(RecordJsonTest::essence)
                .containsExactlyElementsOf(first.stream().map(RecordJsonTest::essence).toList());
        Path twice = write(back, OutputFormat.OPENAI, "o2.jsonl");
        assertThat(Files.readString(twice)).isEqualTo(Files.readString(once));
    }

    @Test
    void openAiMessagesCarryOnlyKeysFineTuningAccepts() throws IOException {
        List<Conversation> cs = readAll(FIXTURES.resolve("openai.jsonl"));
        JsonNode rec = JSON.readTree(RecordJson.toJson(cs.get(0), OutputFormat.OPENAI));
        List<String> allowed = List.of("role", "content", "name", "weight", "tool_calls", "tool_call_id", "function_call");
        for (JsonNode m : rec.get("messages")) {
            m.fieldNames().forEachRemaining(k -> assertThat(allowed).contains(k));
            assertThat(m.get("content").isTextual() || m.get("content").isNull()).isTrue();
            if (m.has("name")) {
                assertThat(m.get("name").asText()).matches("^[a-zA-Z0-9_-]{1,64}$");
            }
        }
        JsonNode meta = rec.get("meta");
        assertThat(meta.get("source").asText()).endsWith("openai.jsonl:1");
        assertThat(meta.get("split").asText()).isEqualTo("train");
        assertThat(meta.get("speakers").get(1).asText()).isEqualTo("Jane Doe");
        assertThat(rec.get("messages").get(1).has("name")).isFalse();
        assertThat(rec.get("messages").get(1).get("content").asText()).isEqualTo("look");
        assertThat(meta.get("message_extra").get(1).get("content_parts")).hasSize(2);
        assertThat(meta.get("message_extra").get(3).get("x_custom").get("k")).hasSize(3);
        assertThat(meta.get("message_extra").get(4).get("original_role").asText()).isEqualTo("developer");
        assertThat(rec.get("messages").get(4).get("role").asText()).isEqualTo("system");
        assertThat(rec.get("messages").get(5).has("name")).isFalse();
        assertThat(meta.get("message_extra").get(5).get("name").asText()).isEqualTo("assistant");

        JsonNode named = JSON.readTree(RecordJson.toJson(cs.get(0), OutputFormat.OPENAI, true));
        assertThat(named.get("messages").get(1).get("name").asText()).isEqualTo("Jane_Doe");
        assertThat(named.get("messages").get(5).get("name").asText()).isEqualTo("assistant");
    }

    @Test
    void givesEveryMessageOfAFileTheSameKeysAndShareGptOneVocabulary() throws IOException {
        List<Conversation> cs = new java.util.ArrayList<>(readAll(FIXTURES.resolve("transcript.txt")));
        cs.addAll(readAll(FIXTURES.resolve("sharegpt.jsonl")));
        java.util.Set<java.util.Set<String>> keySets = new java.util.HashSet<>();
        java.util.Set<String> froms = new java.util.TreeSet<>();
        for (Conversation c : cs) {
            for (JsonNode m : JSON.readTree(RecordJson.toJson(c, OutputFormat.OPENAI)).get("messages")) {
                java.util.Set<String> keys = new java.util.TreeSet<>();
                m.fieldNames().forEachRemaining(keys::add);
                keys.removeAll(List.of("tool_calls", "tool_call_id", "function_call", "weight"));
                keySets.add(keys);
            }
            JSON.readTree(RecordJson.toJson(c, OutputFormat.SHAREGPT)).get("conversations")
                    .forEach(e -> froms.add(e.get("from").asText()));
        }
        assertThat(keySets).containsExactly(java.util.Set.of("role", "content"));
        assertThat(froms).isSubsetOf("human", "gpt", "system", "tool");
    }

    @Test
    void writesFindingsUnderMetaWithTheirType() throws IOException {
        Turn t = new Turn("A", Role.USER, "x").withFindings(List.of(new Flag(0, "n")));
        Conversation c = new Conversation("c1", new SourcePosition("f.txt", 3), List.of(t, new Turn("B", Role.ASSISTANT, "y")))
                .withFindings(List.of(new Flag(-1, "whole")));
        JsonNode rec = JSON.readTree(RecordJson.toJson(c, OutputFormat.OPENAI));
        assertThat(rec.get("meta").get("findings").get(0).get("type").asText()).isEqualTo("test_flag");
        assertThat(rec.get("meta").get("findings").get(0).get("note").asText()).isEqualTo("whole");
        assertThat(rec.get("meta").get("turn_findings").get(0).get(0).get("turn").asInt()).isZero();
        assertThat(rec.get("meta").get("turn_findings").get(1)).isEmpty();
        assertThat(rec.get("meta").get("source").asText()).isEqualTo("f.txt:3");
    }

    @Test
    void keepsMetaSourceAStringWhenTheInputHadAnObjectSource() throws IOException {
        String line = "{\"id\":\"x\",\"messages\":[{\"role\":\"user\",\"content\":\"q\"}],\"source\":{\"site\":\"a\"}}";
        Conversation c = ((ReadResult.Ok) JsonlRecords.parse(line, new SourcePosition("in.jsonl", 2), RoleMap.defaults()))
                .conversation();
        String out = RecordJson.toJson(c, OutputFormat.OPENAI);
        JsonNode meta = JSON.readTree(out).get("meta");
        assertThat(meta.get("source").asText()).isEqualTo("in.jsonl:2");
        assertThat(meta.get("input_source").get("site").asText()).isEqualTo("a");
        Conversation back = ((ReadResult.Ok) JsonlRecords.parse(out, new SourcePosition("o.jsonl", 1), RoleMap.defaults()))
                .conversation();
        assertThat(back.metadata()).containsEntry("source", Map.of("site", "a"));
    }

    @ParameterizedTest
    @CsvSource({"A, A", "Jane Doe, Jane_Doe", "o'brien.x, o_brien_x", "张三, ", "__, __"})
    void sanitizesSpeakerLabelsIntoOpenAiNames(String label, String expected) {
        assertThat(RecordEncoder.openAiName(label)).isEqualTo(expected);
    }

    @Test
    void writesOneJsonLineWithoutNewline() {
        Conversation c = new Conversation("x", new SourcePosition("f", 1), List.of(new Turn("A", Role.USER, "a\nb")));
        assertThat(RecordJson.toJson(c, OutputFormat.OPENAI)).doesNotContain("\n");
        assertThat(RecordJson.toJson(c, OutputFormat.SHAREGPT)).doesNotContain("\n");
    }
}
