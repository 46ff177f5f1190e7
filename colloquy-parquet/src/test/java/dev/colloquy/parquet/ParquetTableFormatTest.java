package dev.colloquy.parquet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.colloquy.format.ConversationReader;
import dev.colloquy.format.InputFormat;
import dev.colloquy.format.OutputFormat;
import dev.colloquy.format.ReadResult;
import dev.colloquy.format.RecordJson;
import dev.colloquy.format.RoleMap;
import dev.colloquy.format.TableFormat;
import dev.colloquy.format.TableReader;
import dev.colloquy.format.TableWriter;
import dev.colloquy.io.InputSources;
import dev.colloquy.model.Conversation;
import dev.colloquy.model.Rejection;
import dev.colloquy.model.Role;
import dev.colloquy.model.SourcePosition;
import dev.colloquy.model.Turn;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.apache.parquet.HadoopFreeReadOptions;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroup;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.schema.GroupType;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.MessageTypeParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ParquetTableFormatTest {

    @TempDir
    Path dir;

    private static List<ReadResult> read(Path p) {
        try (Stream<ReadResult> s = ConversationReader.read(InputSources.of(p), InputFormat.AUTO, RoleMap.defaults())) {
            return s.toList();
        }
    }

    private static List<Conversation> kept(List<ReadResult> results) {
        return results.stream().filter(ReadResult.Ok.class::isInstance)
                .map(r -> ((ReadResult.Ok) r).conversation()).toList();
    }

    private static List<Rejection> rejected(List<ReadResult> results) {
        return results.stream().filter(ReadResult.Bad.class::isInstance)
                .map(r -> ((ReadResult.Bad) r).rejection()).toList();
    }

    private Path write(String name, List<Conversation> conversations, long rowGroupBytes) throws IOException {
        Path out = dir.resolve(name);
        try (TableWriter w = new ParquetChatWriter(out, OutputFormat.OPENAI, rowGroupBytes)) {
            for (Conversation c : conversations) {
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

    private Path golden(String name) throws IOException {
        Path p = dir.resolve(name);
        try (InputStream in = Objects.requireNonNull(getClass().getResourceAsStream("/golden/formats/" + name))) {
            Files.copy(in, p);
        }
        return p;
    }

    /** The OpenAI records as trees: key order inside a message is not part of a record's meaning. */
    private static List<Object> openAiLines(List<Conversation> cs) {
        return cs.stream().map(c -> (Object) RecordJson.toTree(c, OutputFormat.OPENAI)).toList();
    }

    private static Conversation chat(int i, String user, String assistant) {
        return new Conversation("c" + i, new SourcePosition("gen", i), List.of(
                new Turn("user", Role.USER, user), new Turn("assistant", Role.ASSISTANT, assistant)));
    }

    @Test
    void isFoundByCoreThroughTheServiceLoader() {
        assertThat(TableFormat.named("parquet")).containsInstanceOf(ParquetTableFormat.class);
        assertThat(TableFormat.recognizing("PAR1xyz".getBytes(StandardCharsets.US_ASCII))).isPresent();
        assertThat(TableFormat.recognizing("{\"messages\"".getBytes(StandardCharsets.US_ASCII))).isEmpty();
    }

    @Test
    void writesTheHuggingFaceChatSchemaWithoutToolColumnsWhenNoRecordHasToolCalls() throws IOException {
        Path p = write("plain.parquet", List.of(chat(1, "Привет, как дела?", "Χαίρετε! 你好 🙂")), 1 << 20);
        MessageType expected = MessageTypeParser.parseMessageType("""
                message conversation {
                  required binary id (STRING);
                  required group messages (LIST) {
                    repeated group list {
                      required group element {
                        required binary role (STRING);
                        optional binary content (STRING);
                      }
                    }
                  }
                  optional binary meta (STRING);
                }""");
        assertThat(schemaOf(p)).isEqualTo(expected);
    }

    @Test
    void roundTripsTheOpenAiGoldenFileWithTypedToolCallColumns() throws IOException {
        List<Conversation> original = kept(read(golden("openai.jsonl")));
        assertThat(original).hasSize(2);
        Path p = write("golden.parquet", original, 1 << 20);

        assertThat(hasToolCallColumns(schemaOf(p))).isTrue();
        List<ReadResult> back = read(p);
        assertThat(rejected(back)).isEmpty();
        assertThat(openAiLines(kept(back))).isEqualTo(openAiLines(original));
    }

    /** Whether the messages (or prompt) of {@code schema} have the typed tool-call columns. */
    private static boolean hasToolCallColumns(MessageType schema) {
        String list = schema.containsField(ChatSchema.MESSAGES) ? ChatSchema.MESSAGES : ChatSchema.PROMPT;
        GroupType element = schema.getType(list).asGroupType().getType(0).asGroupType().getType(0).asGroupType();
        return element.containsField(ChatSchema.TOOL_CALLS);
    }

    @Test
    void roundTripsTheShareGptAndTranscriptGoldenFiles() throws IOException {
        for (String name : List.of("sharegpt.jsonl", "transcript.txt")) {
            List<Conversation> original = kept(read(golden(name)));
            assertThat(original).isNotEmpty();
            List<Conversation> back = kept(read(write(name + ".parquet", original, 1 << 20)));
            assertThat(openAiLines(back)).as(name).isEqualTo(openAiLines(original));
            assertThat(back.stream().map(c -> RecordJson.toJson(c, OutputFormat.SHAREGPT)).toList()).as(name)
                    .isEqualTo(original.stream().map(c -> RecordJson.toJson(c, OutputFormat.SHAREGPT)).toList());
        }
    }

    @Test
    void readsSnappyAndGzipFilesAsPyarrowAndHuggingFaceWriteThem() throws IOException {
        for (CompressionCodecName codec : List.of(CompressionCodecName.SNAPPY, CompressionCodecName.GZIP,
                CompressionCodecName.UNCOMPRESSED)) {
            Path p = dir.resolve(codec + ".parquet");
            MessageType schema = ChatSchema.of(false);
            try (ParquetWriter<Group> w = ExampleParquetWriter.builder(new LocalOutputFile(p))
                    .withConf(new PlainParquetConfiguration()).withCodecFactory(new PlainCodecs())
                    .withCompressionCodec(codec).withType(schema).build()) {
                Group row = new SimpleGroup(schema);
                row.append("id", "x");
                Group list = row.addGroup("messages");
                list.addGroup("list").addGroup("element").append("role", "user").append("content", "Ünïcödé ✓");
                list.addGroup("list").addGroup("element").append("role", "assistant").append("content", "ok");
                w.write(row);
            }
            List<Conversation> back = kept(read(p));
            assertThat(back).as(codec.name()).hasSize(1);
            assertThat(back.get(0).turns().get(0).text()).isEqualTo("Ünïcödé ✓");
            assertThat(back.get(0).source()).isEqualTo(new SourcePosition(p.toString(), 1));
        }
    }

    @Test
    void readsAFileWrittenByPyarrowWithItsExtraColumnsAsMetadata() throws IOException {
        Path p = dir.resolve("pyarrow-chat.parquet");
        try (InputStream in = Objects.requireNonNull(
                getClass().getResourceAsStream("/golden/parquet/pyarrow-chat.parquet"))) {
            Files.copy(in, p);
        }
        List<ReadResult> r = read(p);
        assertThat(rejected(r)).isEmpty();
        List<Conversation> cs = kept(r);
        assertThat(cs).hasSize(3);
        assertThat(cs.get(0).turns().get(1).text()).isEqualTo("«Ευχαριστώ» (efcharistó).");
        assertThat(cs.get(1).turns()).extracting(Turn::role).containsExactly(Role.SYSTEM, Role.USER, Role.ASSISTANT);
        assertThat(cs.get(2).turns().get(1).text()).isEqualTo("안녕하세요! नमस्ते! مرحبا!");
        assertThat(cs.get(2).metadata()).containsEntry("prompt_id", "p3").containsEntry("source", "fixture");
        assertThat(cs.get(2).source().line()).isEqualTo(3);
    }

    @Test
    void quarantinesARowWhoseTextIsNotUtf8AndKeepsTheOthers() throws IOException {
        Path p = dir.resolve("latin1.parquet");
        MessageType schema = ChatSchema.of(false);
        try (ParquetWriter<Group> w = ExampleParquetWriter.builder(new LocalOutputFile(p))
                .withConf(new PlainParquetConfiguration()).withCodecFactory(new PlainCodecs()).withType(schema).build()) {
            for (String content : List.of("fine", "caf\u00e9 in Latin-1")) {
                Group row = new SimpleGroup(schema);
                row.append("id", content.substring(0, 4));
                Group el = row.addGroup("messages").addGroup("list").addGroup("element");
                el.append("role", "user");
                el.append("content", org.apache.parquet.io.api.Binary.fromConstantByteArray(
                        content.getBytes(StandardCharsets.ISO_8859_1)));
                w.write(row);
            }
        }
        List<ReadResult> r = read(p);
        assertThat(kept(r)).extracting(Conversation::id).containsExactly("fine");
        assertThat(rejected(r)).singleElement().satisfies(b -> {
            assertThat(b.reason()).isEqualTo("invalid_utf8");
            assertThat(b.source().line()).isEqualTo(2);
            assertThat(b.message()).contains("content");
        });
    }

    @Test
    void namesTheColumnsFoundWhenTheFileHoldsNoConversationLayout() throws IOException {
        Path p = dir.resolve("other.parquet");
        MessageType schema = MessageTypeParser.parseMessageType(
                "message m { required binary text (STRING); optional int32 label; }");
        try (ParquetWriter<Group> w = ExampleParquetWriter.builder(new LocalOutputFile(p))
                .withConf(new PlainParquetConfiguration()).withCodecFactory(new PlainCodecs()).withType(schema).build()) {
            w.write(new SimpleGroup(schema).append("text", "hello").append("label", 1));
        }
        List<Rejection> bad = rejected(read(p));
        assertThat(bad).hasSize(1);
        assertThat(bad.get(0).reason()).isEqualTo("unknown_layout");
        assertThat(bad.get(0).message()).contains("[text, label]").contains("messages");
    }

    @Test
    void quarantinesATruncatedFileNamingIt() throws IOException {
        Path whole = write("whole.parquet", List.of(chat(1, "a", "b"), chat(2, "c", "d")), 1 << 20);
        byte[] bytes = Files.readAllBytes(whole);
        Path cut = dir.resolve("cut.parquet");
        Files.write(cut, Arrays.copyOf(bytes, bytes.length - 40));

        List<ReadResult> r = read(cut);
        assertThat(kept(r)).isEmpty();
        assertThat(rejected(r)).singleElement().satisfies(b -> {
            assertThat(b.reason()).isEqualTo("truncated_archive");
            assertThat(b.source().file()).isEqualTo(cut.toString());
            assertThat(b.message()).contains("nothing of it was read").contains("the file is not a Parquet file")
                    .doesNotContainPattern("InputFile@"); // no identity hash: the same message every run
        });
    }

    @Test
    void keepsTheReadableRowGroupsOfADamagedFileAndQuarantinesTheDamagedOne() throws IOException {
        List<Conversation> many = new ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            many.add(chat(i, "question " + i + " " + "ж".repeat(i % 50), "answer " + i + " " + "λ".repeat(i % 70)));
        }
        Path p = write("groups.parquet", many, 64 << 10);
        List<Long> starts;
        try (ParquetFileReader r = ParquetFileReader.open(new LocalInputFile(p),
                HadoopFreeReadOptions.of(new PlainCodecs()))) {
            assertThat(r.getRowGroups().size()).isGreaterThanOrEqualTo(3);
            starts = r.getRowGroups().stream().map(b -> b.getStartingPos()).toList();
        }
        byte[] bytes = Files.readAllBytes(p);
        int middle = (int) (starts.get(1) + 100);
        for (int i = middle; i < middle + 64; i++) {
            bytes[i] ^= 0x5A;
        }
        Files.write(p, bytes);

        List<ReadResult> r = read(p);
        List<Rejection> bad = rejected(r);
        assertThat(bad).singleElement().satisfies(b -> {
            assertThat(b.reason()).isEqualTo("truncated_archive");
            assertThat(b.message()).startsWith("row group 1 from row ");
        });
        List<Conversation> good = kept(r);
        assertThat(good.size()).isGreaterThan(0).isLessThan(3000);
        for (Conversation c : good) {
            int i = Integer.parseInt(c.id().substring(1));
            assertThat(c.turns().get(0).text()).isEqualTo(many.get(i).turns().get(0).text());
        }
    }

    @Test
    void readsARunOfRowGroupsAloneWithTheRowNumbersOfTheWholeFile() throws IOException {
        Path p = write("groups.parquet", manyChats(3000), 16 << 10);
        try (TableReader r = new ParquetTableFormat().open(p, p.toString())) {
            long[] groups = r.rowGroupBytes();
            assertThat(groups).hasSizeGreaterThan(3).doesNotContain(0L);
            List<Long> numbers = new ArrayList<>();
            for (int from = 0; from < groups.length; from += 2) {
                r.rows(from, Math.min(groups.length, from + 2))
                        .forEachRemaining(row -> numbers.add(((TableReader.Fields) row).number()));
            }
            List<Long> whole = new ArrayList<>();
            r.rows().forEachRemaining(row -> whole.add(((TableReader.Fields) row).number()));
            assertThat(numbers).isEqualTo(whole).hasSize(3000).startsWith(1L, 2L).endsWith(3000L);
        }
    }

    @Test
    void writesManyRowGroupsAndReadsEveryRowBackInOrder() throws IOException {
        List<Conversation> many = manyChats(5000);
        Path p = write("order.parquet", many, 32 << 10);
        List<Conversation> back = kept(read(p));
        assertThat(back).hasSize(5000);
        assertThat(openAiLines(back)).isEqualTo(openAiLines(many));
        assertThat(back.get(4999).source().line()).isEqualTo(5000);
    }

    /** {@code n} short chats in Japanese and Hindi besides their numbers, each different. */
    private static List<Conversation> manyChats(int n) {
        List<Conversation> many = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            many.add(chat(i, "q" + i + " 日本語のテキスト " + i, "a" + i + " हिन्दी पाठ"));
        }
        return many;
    }
}
