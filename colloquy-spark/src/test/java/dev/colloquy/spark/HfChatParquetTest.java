package dev.colloquy.spark;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.colloquy.pipeline.PipelineConfig;
import dev.colloquy.pipeline.RunSummary;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kept records written as Parquet in the Hugging Face chat schema (with the local engine's {@code meta} column)
 * read back as the same conversations, and a Parquet input runs through the pipeline like any other.
 */
class HfChatParquetTest {

    private static final ObjectMapper JSON = new ObjectMapper();

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
    void writesKeptRecordsInTheChatSchemaAndReadsThemBackAsInput() throws IOException {
        Path in = dir.resolve("in.jsonl");
        Files.writeString(in, """
                {"id":"a","messages":[{"role":"user","content":"Where does the river start?"},{"role":"assistant","content":"In the hills north of town."}]}
                {"id":"b","messages":[{"role":"system","content":"Be brief."},{"role":"user","content":"Ça va ?"},{"role":"assistant","content":"Oui, merci."}]}
                {"id":"c","messages":[{"role":"robot","content":"beep"}]}
                """);
        RunSummary first = new SparkEngine().run(config(in.toString(), dir.resolve("first")), Map.of("parquet", "true"));
        assertThat(first.stats().kept()).isEqualTo(2);

        Path parquet = dir.resolve("first/kept.parquet");
        assertThat(spark.read().parquet(parquet.toString()).schema().simpleString())
                .isEqualTo("struct<id:string,messages:array<struct<role:string,content:string>>,meta:string>");
        List<Row> rows = spark.read().parquet(parquet.toString()).orderBy("id").collectAsList();
        assertThat(rows).extracting(r -> r.getString(0)).containsExactly("a", "b");
        List<String> roles = new ArrayList<>();
        for (Object m : rows.get(1).getList(1)) {
            roles.add(((Row) m).getString(0) + ":" + ((Row) m).getString(1));
        }
        assertThat(roles).containsExactly("system:Be brief.", "user:Ça va ?", "assistant:Oui, merci.");

        RunSummary second = new SparkEngine().run(config(parquet.toString(), dir.resolve("second")), Map.of());
        assertThat(second.stats().recordsIn()).isEqualTo(2);
        assertThat(second.stats().kept()).isEqualTo(2);
        List<String> ids = new ArrayList<>();
        for (String line : Files.readAllLines(dir.resolve("second/kept.jsonl"))) {
            JsonNode n = JSON.readTree(line);
            ids.add(n.path("id").asText() + "/" + n.path("messages").size());
        }
        assertThat(ids).containsExactlyInAnyOrder("a/2", "b/3");
    }

    private static PipelineConfig config(String input, Path out) {
        return PipelineConfig.parse("parquet.yaml", """
                input:
                  paths: [%s]
                steps:
                  - step: training_ready
                output:
                  dir: %s
                """.formatted(input, out), dir);
    }
}
