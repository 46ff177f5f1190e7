package dev.colloquy.spark;

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
import dev.colloquy.pipeline.PipelineConfig;
import dev.colloquy.pipeline.PipelineEngines;
import dev.colloquy.pipeline.RunSummary;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.schema.Type;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 12: Spark's Parquet output has the local engine's schema and rows. The same input (real preference-pair,
 * KTO and Alpaca files, a tool call, a duplicate pair, a pair with identical answers) runs through both engines
 * with {@code parquet=true}; both {@code kept.parquet} files, and the part files Spark's own writer makes for a
 * cluster output directory, are read back and compared column by column and row by row. Parquet inputs (files,
 * a dataset directory of part files, damaged files) are read by Spark as by the local engine.
 */
class SparkParquetParityTest {

    /** Real files of core's layout golden tests (provenance in their README.md). */
    private static final Path LAYOUTS = Path.of("../colloquy-core/src/test/resources/golden/layouts");

    @TempDir
    static Path dir;
    static SparkSession spark;

    @BeforeAll
    static void startSpark() {
        spark = SparkSessions.start("local[2]");
    }

    @AfterAll
    static void stopSpark() {
        spark.stop();
    }

    @Test
    void writesPairsKtoLabelsAndToolCallsInTheColumnsAndRowsOfTheLocalEngine() throws IOException {
        Path in = Files.createDirectories(dir.resolve("pairs-in"));
        for (String f : List.of("hh_rlhf_trl.jsonl", "dpo_en_demo.json", "dpo_zh_demo.json", "kto_en_demo.json",
                "alpaca_en_demo.json")) {
            Files.copy(LAYOUTS.resolve(f), in.resolve(f));
        }
        Files.writeString(in.resolve("z-more.jsonl"), """
                {"id":"tool","messages":[{"role":"user","content":"Weather in Oslo?"},{"role":"assistant","content":null,"tool_calls":[{"id":"call_1","type":"function","function":{"name":"weather","arguments":"{\\"city\\":\\"Oslo\\"}"}}]},{"role":"tool","tool_call_id":"call_1","content":"4 °C, rain"},{"role":"assistant","content":"4 °C and rain in Oslo."}]}
                {"prompt":[{"role":"user","content":"Say hi."}],"chosen":[{"role":"assistant","content":"Hi!"}],"rejected":[{"role":"assistant","content":"Hi!"}]}
                {"prompt":[{"role":"user","content":"Is the sea salty?"}],"chosen":[{"role":"assistant","content":"Yes, about 3.5% salt."}],"rejected":[{"role":"assistant","content":"No."}],"score_chosen":9.0}
                {"prompt":[{"role":"user","content":"Is the sea salty?"}],"chosen":[{"role":"assistant","content":"Yes, about 3.5% salt."}],"rejected":[{"role":"assistant","content":"No."}],"score_chosen":9.0}
                """);
        Outputs out = runBoth(in, "pairs");
        assertThat(out.local.stats().quarantined()).isEqualTo(2); // identical answers, exact duplicate

        List<Map<String, Object>> local = rows(out.localFile);
        assertThat(columns(out.localFile)).containsExactly("id", "prompt", "chosen", "rejected", "meta");
        assertThat(local).hasSize((int) out.local.stats().kept());
        assertThat(local).anySatisfy(r -> assertThat(r).containsKeys("prompt", "chosen", "rejected"));
        assertThat(local).anySatisfy(r -> assertThat((String) r.get("meta")).contains("\"label\":true"));
        assertThat(local).anySatisfy(r -> assertThat(r.get("prompt").toString()).contains("tool_calls"));
        assertSameParquet(out);
    }

    @Test
    void writesTheHuggingFaceChatSchemaWhereNoPairsExist() throws IOException {
        Path in = Files.createDirectories(dir.resolve("chat-in"));
        for (String f : List.of("alpaca_en_demo.json", "identity.json", "conversations_roles.jsonl",
                "lmsys_shape.jsonl", "kto_en_demo.json")) {
            Files.copy(LAYOUTS.resolve(f), in.resolve(f));
        }
        Outputs out = runBoth(in, "chat");

        assertThat(spark.read().parquet(out.sparkFile.toString()).schema().simpleString())
                .isEqualTo("struct<id:string,messages:array<struct<role:string,content:string>>,meta:string>");
        assertThat(rows(out.localFile)).hasSize((int) out.local.stats().kept()).hasSizeGreaterThan(10);
        assertSameParquet(out);
    }

    @Test
    void readsParquetFilesAndSparkDatasetDirectoriesAndQuarantinesDamagedOnesAsTheLocalEngineDoes() throws IOException {
        Path in = Files.createDirectories(dir.resolve("bad-in"));
        Path good = in.resolve("a-good.parquet");
        try (TableWriter w = TableFormat.named("parquet").orElseThrow().create(good, OutputFormat.OPENAI);
             Stream<ReadResult> rs = ConversationReader.read(InputSources.of(LAYOUTS.resolve("hh_rlhf_trl.jsonl")),
                     InputFormat.AUTO, RoleMap.defaults())) {
            for (ReadResult r : rs.toList()) {
                w.write(((ReadResult.Ok) r).conversation());
            }
        }
        byte[] bytes = Files.readAllBytes(good);
        Files.write(in.resolve("b-truncated.parquet"), Arrays.copyOf(bytes, bytes.length / 2));
        Path other = dir.resolve("other-columns.parquet");
        spark.createDataFrame(List.of(RowFactory.create("What is 2+2?", "4")), DataTypes.createStructType(List.of(
                        DataTypes.createStructField("question", DataTypes.StringType, false),
                        DataTypes.createStructField("answer", DataTypes.StringType, false))))
                .coalesce(1).write().parquet(other.toString());
        try (Stream<Path> s = Files.list(other)) {
            Files.copy(s.filter(p -> p.getFileName().toString().endsWith(".parquet")).findFirst().orElseThrow(),
                    in.resolve("c-other-columns.parquet"));
        }

        // a dataset directory as Spark writes it: part files in order, _SUCCESS and .crc files beside them
        List<String> lines = new ArrayList<>();
        for (String f : List.of("dpo_zh_demo.json", "kto_en_demo.json")) {
            try (Stream<ReadResult> rs = ConversationReader.read(InputSources.of(LAYOUTS.resolve(f)), InputFormat.AUTO,
                    RoleMap.defaults())) {
                rs.forEach(r -> lines.add(RecordJson.toJson(((ReadResult.Ok) r).conversation(), OutputFormat.OPENAI)));
            }
        }
        HfChatParquet.write(spark, JavaSparkContext.fromSparkContext(spark.sparkContext()).parallelize(lines, 3),
                in.resolve("d-parts.parquet").toString());
        assertThat(in.resolve("d-parts.parquet/_SUCCESS")).exists();

        RunSummary local = PipelineEngines.named("local").run(config(in, dir.resolve("bad-local")), Map.of());
        RunSummary onSpark = new SparkEngine().run(config(in, dir.resolve("bad-spark")), Map.of());

        assertThat(local.stats().kept()).isEqualTo(3 + lines.size());
        assertThat(onSpark.stats().kept()).isEqualTo(3 + lines.size());
        String quarantine = Files.readString(dir.resolve("bad-local/quarantine.jsonl"));
        assertThat(quarantine).contains("\"reason\":\"truncated_archive\"", "\"reason\":\"unknown_layout\"",
                "question", "answer", "--columns").doesNotContain("empty_file");
        assertThat(Files.readString(dir.resolve("bad-spark/quarantine.jsonl"))).isEqualTo(quarantine);
        assertThat(Files.readString(dir.resolve("bad-spark/kept.jsonl")))
                .isEqualTo(Files.readString(dir.resolve("bad-local/kept.jsonl")));
    }

    /**
     * One large Parquet file is read by several tasks, each a run of whole row groups: with a duplicate in a later
     * group and a damaged group in the middle, kept records, quarantine (sources {@code file:ROW}) and stats equal
     * the local engine's, which reads the file in one go.
     */
    @Test
    void oneLargeParquetFileIsReadByManyTasksOfWholeRowGroupsWithTheLocalResults() throws IOException {
        java.util.Random rnd = new java.util.Random(20261206L);
        String[] words = ("river lake sea mountain valley forest harbour bridge tower garden library market school "
                + "winter summer morning evening coffee bread letter window kitchen bicycle train station").split(" ");
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            lines.add(i % 50 == 49 ? lines.get(rnd.nextInt(lines.size())) // an exact duplicate of an earlier one
                    : "{\"messages\":[{\"role\":\"user\",\"content\":\"" + sentence(rnd, words, 8)
                    + "?\"},{\"role\":\"assistant\",\"content\":\"" + sentence(rnd, words, 40) + ".\"}]}");
        }
        Path written = dir.resolve("groups-written");
        spark.conf().set("parquet.block.size", "16384");
        try {
            HfChatParquet.write(spark, JavaSparkContext.fromSparkContext(spark.sparkContext()).parallelize(lines, 1),
                    written.toString());
        } finally {
            spark.conf().unset("parquet.block.size");
        }
        Path in = Files.createDirectories(dir.resolve("groups-in"));
        Path big = in.resolve("big.parquet");
        try (Stream<Path> s = Files.list(written)) {
            Files.copy(s.filter(p -> p.getFileName().toString().endsWith(".parquet")).findFirst().orElseThrow(), big);
        }
        List<Long> starts;
        try (ParquetFileReader r = ParquetFileReader.open(new LocalInputFile(big))) {
            starts = r.getRowGroups().stream().map(b -> b.getStartingPos()).toList();
        }
        assertThat(starts).hasSizeGreaterThan(6);
        byte[] noise = new byte[64];
        Arrays.fill(noise, (byte) 0x5A);
        try (java.nio.channels.FileChannel ch = java.nio.channels.FileChannel.open(big,
                java.nio.file.StandardOpenOption.WRITE)) {
            ch.write(java.nio.ByteBuffer.wrap(noise), starts.get(starts.size() / 2));
        }

        RunSummary local = PipelineEngines.named("local").run(config(in, dir.resolve("groups-local")), Map.of());
        spark.conf().set(InputParts.SPLIT_BYTES_KEY, Long.toString(Files.size(big) / 4));
        RunSummary onSpark;
        try {
            onSpark = new SparkEngine().run(config(in, dir.resolve("groups-spark")), Map.of());
        } finally {
            spark.conf().unset(InputParts.SPLIT_BYTES_KEY);
        }

        assertThat(onSpark.timings().get("spark.read_tasks")).isGreaterThanOrEqualTo(3.0);
        String quarantine = Files.readString(dir.resolve("groups-local/quarantine.jsonl"));
        assertThat(quarantine).contains("\"reason\":\"exact_duplicate\"", "\"reason\":\"truncated_archive\"");
        assertThat(Files.readString(dir.resolve("groups-spark/quarantine.jsonl"))).isEqualTo(quarantine);
        assertThat(Files.readString(dir.resolve("groups-spark/kept.jsonl")))
                .isEqualTo(Files.readString(dir.resolve("groups-local/kept.jsonl")));
        assertThat(onSpark.stats().toJson()).isEqualTo(local.stats().toJson());
    }

    private static String sentence(java.util.Random rnd, String[] words, int n) {
        StringBuilder b = new StringBuilder(words[rnd.nextInt(words.length)]);
        for (int i = 1; i < n; i++) {
            b.append(' ').append(words[rnd.nextInt(words.length)]);
        }
        return b.toString();
    }

    private record Outputs(RunSummary local, Path localFile, Path sparkFile, Path partsDir) {
    }

    /**
     * The input through the local engine and through Spark with {@code parquet=true} (a local output directory),
     * and the local engine's kept lines through the writer Spark uses for a cluster output directory.
     */
    private static Outputs runBoth(Path in, String name) throws IOException {
        RunSummary local = PipelineEngines.named("local").run(config(in, dir.resolve(name + "-local")),
                Map.of("parquet", "true"));
        RunSummary onSpark = new SparkEngine().run(config(in, dir.resolve(name + "-spark")), Map.of("parquet", "true"));
        assertThat(onSpark.stats().kept()).isEqualTo(local.stats().kept());
        assertThat(onSpark.outputs()).contains("kept.parquet").doesNotContain("kept.jsonl");
        assertThat(dir.resolve(name + "-spark/kept.jsonl")).doesNotExist();

        PipelineEngines.named("local").run(config(in, dir.resolve(name + "-lines")), Map.of());
        List<String> lines = Files.readAllLines(dir.resolve(name + "-lines/kept.jsonl"));
        Path parts = dir.resolve(name + "-cluster/kept.parquet");
        HfChatParquet.write(spark, JavaSparkContext.fromSparkContext(spark.sparkContext()).parallelize(lines, 3),
                parts.toString());
        return new Outputs(local, dir.resolve(name + "-local/kept.parquet"), dir.resolve(name + "-spark/kept.parquet"),
                parts);
    }

    private static void assertSameParquet(Outputs out) throws IOException {
        List<Path> parts;
        try (Stream<Path> s = Files.list(out.partsDir)) {
            parts = s.filter(p -> p.getFileName().toString().endsWith(".parquet")).sorted().toList();
        }
        assertThat(parts).hasSizeGreaterThan(1);
        List<Map<String, Object>> local = rows(out.localFile);
        assertThat(rows(out.sparkFile)).isEqualTo(local);
        List<Map<String, Object>> fromParts = new ArrayList<>();
        for (Path p : parts) {
            fromParts.addAll(rows(p));
            assertThat(schema(p)).isEqualTo(schema(out.localFile));
        }
        assertThat(fromParts).isEqualTo(local);
        assertThat(schema(out.sparkFile)).isEqualTo(schema(out.localFile));
        assertThat(spark.read().parquet(out.partsDir.toString()).schema())
                .isEqualTo(spark.read().parquet(out.localFile.toString()).schema());
    }

    private static PipelineConfig config(Path in, Path out) {
        return PipelineConfig.parse("parquet-parity.yaml", """
                input:
                  paths: [%s]
                steps:
                  - step: repair
                dedup:
                  mode: exact
                output:
                  dir: %s
                """.formatted(in, out), dir);
    }

    /** The Parquet columns below the root, as written (names, repetitions, logical types, nesting). */
    private static List<Type> schema(Path file) throws IOException {
        try (ParquetFileReader r = ParquetFileReader.open(new LocalInputFile(file))) {
            return r.getFooter().getFileMetaData().getSchema().getFields();
        }
    }

    private static List<String> columns(Path file) throws IOException {
        try (TableReader r = TableFormat.named("parquet").orElseThrow().open(file, file.toString())) {
            return r.columns();
        }
    }

    /** Every row as our Parquet reader gives it to the decoders (lists, structs, strings). */
    private static List<Map<String, Object>> rows(Path file) throws IOException {
        List<Map<String, Object>> out = new ArrayList<>();
        try (TableReader r = TableFormat.named("parquet").orElseThrow().open(file, file.toString())) {
            r.rows().forEachRemaining(row -> {
                assertThat(row).isInstanceOf(TableReader.Fields.class);
                out.add(((TableReader.Fields) row).fields());
            });
        }
        return out;
    }
}
