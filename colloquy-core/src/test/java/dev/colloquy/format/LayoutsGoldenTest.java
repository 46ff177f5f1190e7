package dev.colloquy.format;

import static org.assertj.core.api.Assertions.assertThat;

import dev.colloquy.io.InputSources;
import dev.colloquy.model.Conversation;
import dev.colloquy.model.Rejection;
import dev.colloquy.model.Role;
import dev.colloquy.model.SourcePosition;
import dev.colloquy.model.Turn;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each layout read from a real file (see golden/layouts/README.md), then round-tripped through our writers. */
class LayoutsGoldenTest {

    @TempDir
    Path dir;

    private Path golden(String name) throws IOException {
        Path p = dir.resolve(name);
        try (InputStream in = Objects.requireNonNull(getClass().getResourceAsStream("/golden/layouts/" + name))) {
            Files.copy(in, p);
        }
        return p;
    }

    private static List<ReadResult> read(Path p, RoleMap roles) {
        try (Stream<ReadResult> s = ConversationReader.read(InputSources.of(p), InputFormat.AUTO, roles)) {
            return s.toList();
        }
    }

    private static List<Conversation> kept(List<ReadResult> rs) {
        assertThat(rs.stream().filter(ReadResult.Bad.class::isInstance)
                .map(r -> ((ReadResult.Bad) r).rejection().message())).isEmpty();
        return rs.stream().map(r -> ((ReadResult.Ok) r).conversation()).toList();
    }

    private List<Conversation> writeAndRead(List<Conversation> cs, OutputFormat f) throws IOException {
        StringWriter w = new StringWriter();
        ConversationWriter cw = ConversationWriter.of(f, w);
        for (Conversation c : cs) {
            cw.write(c);
        }
        Path p = dir.resolve("round." + f.cliName());
        Files.writeString(p, w.toString(), StandardCharsets.UTF_8);
        return kept(read(p, RoleMap.defaults()));
    }

    private static List<Object> trees(List<Conversation> cs) {
        return cs.stream().map(c -> (Object) RecordJson.toTree(c, OutputFormat.OPENAI)).toList();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "alpaca_en_demo.json,      5, 2",
            "identity.json,            4, 2",
            "kto_en_demo.json,         1, 2",
            "lmsys_shape.jsonl,        2, 2",
            "conversations_roles.jsonl, 1, 3"})
    void readsTheLayoutAndRoundTripsItThroughOpenAiAndShareGpt(String file, int records, int firstTurns)
            throws IOException {
        List<Conversation> cs = kept(read(golden(file), RoleMap.defaults()));
        assertThat(cs).hasSize(records);
        assertThat(cs.get(0).turns()).hasSize(firstTurns);
        for (Conversation c : cs) {
            assertThat(c.turns().get(c.turns().size() - 1).role()).isEqualTo(Role.ASSISTANT);
        }
        assertThat(trees(writeAndRead(cs, OutputFormat.OPENAI))).isEqualTo(trees(cs));
        assertThat(trees(writeAndRead(cs, OutputFormat.SHAREGPT))).isEqualTo(trees(cs));
    }

    @Test
    void joinsAlpacaInstructionAndInputAsLlamaFactoryDoes() throws IOException {
        List<Conversation> cs = kept(read(golden("alpaca_en_demo.json"), RoleMap.defaults()));
        assertThat(cs.get(2).turns().get(0).text())
                .isEqualTo("Given the parameters of a triangle, find out its perimeter.\nSide 1 = 4\nSide 2 = 6\nSide 3 = 8");
        assertThat(cs.get(3).turns().get(1).text()).startsWith("🚀Ready for takeoff!");
        List<Conversation> zh = kept(read(golden("identity.json"), RoleMap.defaults()));
        assertThat(zh.get(2).turns().get(0).text()).isEqualTo("你好");
    }

    @Test
    void keepsKtoLabelThroughEveryJsonFormat() throws IOException {
        List<Conversation> cs = kept(read(golden("kto_en_demo.json"), RoleMap.defaults()));
        assertThat(cs.get(0).metadata()).containsEntry("label", true);
        assertThat(writeAndRead(cs, OutputFormat.OPENAI).get(0).metadata()).containsEntry("label", true);
        assertThat(writeAndRead(cs, OutputFormat.SHAREGPT).get(0).metadata()).containsEntry("label", true);
    }

    @Test
    void keepsLmsysFieldsAsMetadata() throws IOException {
        Conversation c = kept(read(golden("lmsys_shape.jsonl"), RoleMap.defaults())).get(1);
        assertThat(c.metadata()).containsEntry("model", "koala-13b").containsEntry("language", "Russian");
        assertThat(c.turns().get(3).text()).isEqualTo("Волга: около 3 530 км.");
    }

    @Test
    void readsAlpacaSystemAndHistoryBeforeTheInstruction() {
        String line = "{\"system\":\"Be terse.\",\"history\":[[\"Bonjour ?\",\"Salut !\"]],"
                + "\"instruction\":\"Et en grec ?\",\"input\":\"\",\"output\":\"Γεια σου!\"}";
        Conversation c = ((ReadResult.Ok) JsonlRecords.parse(line, new SourcePosition("a.jsonl", 1),
                RoleMap.defaults())).conversation();
        assertThat(c.turns()).extracting(Turn::role)
                .containsExactly(Role.SYSTEM, Role.USER, Role.ASSISTANT, Role.USER, Role.ASSISTANT);
        assertThat(c.turns()).extracting(Turn::text)
                .containsExactly("Be terse.", "Bonjour ?", "Salut !", "Et en grec ?", "Γεια σου!");
    }

    @Test
    void mapsOtherColumnAndKeyNamesWithColumns() {
        String line = "{\"dialog\":[{\"speaker\":\"human\",\"text\":\"hi\"},{\"speaker\":\"bot\",\"text\":\"hello\"}]}";
        RoleMap roles = RoleMap.parse("human=user,bot=assistant")
                .withColumns(Columns.parse("messages=dialog,role=speaker,content=text"));
        Conversation c = ((ReadResult.Ok) JsonlRecords.parse(line, new SourcePosition("d.jsonl", 1), roles))
                .conversation();
        assertThat(c.turns()).extracting(Turn::role).containsExactly(Role.USER, Role.ASSISTANT);
        assertThat(c.turns()).extracting(Turn::text).containsExactly("hi", "hello");

        Rejection bad = ((ReadResult.Bad) JsonlRecords.parse(line, new SourcePosition("d.jsonl", 1),
                RoleMap.defaults())).rejection();
        assertThat(bad.reason()).isEqualTo("no_messages");
        assertThat(bad.message()).contains("[dialog]").contains("--columns");
    }
}
