package dev.colloquy.parquet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.colloquy.format.ConversationReader;
import dev.colloquy.format.InputFormat;
import dev.colloquy.format.OutputFormat;
import dev.colloquy.format.ReadResult;
import dev.colloquy.format.RecordJson;
import dev.colloquy.format.RoleMap;
import dev.colloquy.format.TableWriter;
import dev.colloquy.io.InputSources;
import dev.colloquy.model.Conversation;
import dev.colloquy.model.Role;
import dev.colloquy.model.SourcePosition;
import dev.colloquy.model.Turn;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.HadoopFreeReadOptions;
import org.apache.parquet.schema.MessageType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Preference pairs and KTO labels through Parquet: TRL's prompt/chosen/rejected columns, nothing lost. */
class ParquetPairsTest {

    /** The real-file fixtures of core's layout golden tests (provenance in their README.md). */
    private static final Path LAYOUTS = Path.of("../colloquy-core/src/test/resources/golden/layouts");

    @TempDir
    Path dir;

    private static List<Conversation> read(Path p) {
        try (Stream<ReadResult> s = ConversationReader.read(InputSources.of(p), InputFormat.AUTO, RoleMap.defaults())) {
            List<ReadResult> all = s.toList();
            assertThat(all).allMatch(ReadResult.Ok.class::isInstance);
            return all.stream().map(r -> ((ReadResult.Ok) r).conversation()).toList();
        }
    }

    private Path write(String name, List<Conversation> cs) throws IOException {
        Path out = dir.resolve(name);
        try (TableWriter w = new ParquetChatWriter(out, OutputFormat.OPENAI)) {
            for (Conversation c : cs) {
                w.write(c);
            }
        }
        return out;
    }

    private static MessageType schemaOf(Path p) throws IOException {
        try (ParquetFileReader r = ParquetFileReader.open(new LocalInputFile(p),
                HadoopFreeReadOptions.of(new PlainCodecs()))) {
            return r.getFooter().getFileMetaData().getSchema();
        }
    }

    private static List<Object> trees(List<Conversation> cs) {
        return cs.stream().map(c -> (Object) RecordJson.toTree(c, OutputFormat.OPENAI)).toList();
    }

    @Test
    void writesPairsInPromptChosenRejectedColumnsAndReadsThemBackWhole() throws IOException {
        List<Conversation> cs = new ArrayList<>(read(LAYOUTS.resolve("hh_rlhf_trl.jsonl")));
        cs.addAll(read(LAYOUTS.resolve("dpo_zh_demo.json")));
        cs.add(new Conversation("plain", new SourcePosition("gen", 1), List.of(new Turn("user", Role.USER, "Привет"),
                new Turn("assistant", Role.ASSISTANT, "Здравствуйте!"))));
        Path p = write("pairs.parquet", cs);

        MessageType schema = schemaOf(p);
        assertThat(schema.getFields()).extracting(f -> f.getName())
                .containsExactly("id", "prompt", "chosen", "rejected", "meta");
        List<Conversation> back = read(p);
        assertThat(trees(back)).isEqualTo(trees(cs));
        assertThat(back.get(0).isPair()).isTrue();
        assertThat(back.get(5).isPair()).isFalse(); // a conversation in a pairs file is a prompt-only row
    }

    @Test
    void keepsTheShapeOfAPairThatComesAfterTheSchemaWasFixedForConversations() throws IOException {
        List<Conversation> cs = new ArrayList<>();
        for (int i = 0; i < ParquetChatWriter.FIRST_ROWS; i++) {
            cs.add(new Conversation("c" + i, new SourcePosition("gen", i), List.of(new Turn("user", Role.USER, "q" + i),
                    new Turn("assistant", Role.ASSISTANT, "a" + i))));
        }
        cs.add(read(LAYOUTS.resolve("dpo_en_demo.json")).get(0));
        Path p = write("late.parquet", cs);

        assertThat(schemaOf(p).containsField("messages")).isTrue();
        List<Conversation> back = read(p);
        assertThat(back.get(back.size() - 1).preference()).isEqualTo(cs.get(cs.size() - 1).preference());
        assertThat(trees(back)).isEqualTo(trees(cs));
    }

    @Test
    void keepsKtoLabelThroughParquet() throws IOException {
        List<Conversation> cs = read(LAYOUTS.resolve("kto_en_demo.json"));
        assertThat(cs.get(0).metadata()).containsEntry("label", true);
        assertThat(read(write("kto.parquet", cs)).get(0).metadata()).containsEntry("label", true);
    }
}
