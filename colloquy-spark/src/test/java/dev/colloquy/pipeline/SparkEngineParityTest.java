package dev.colloquy.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.colloquy.spark.SparkEngine;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Spark engine runs the same pipeline as the local one: on the same generated corpus (planted exact and
 * near duplicates across files, look-alikes, malformed lines, structural defects, mojibake) both write the same
 * kept records, the same quarantine and the same stats. Lives in the pipeline package to reuse its test corpus.
 */
class SparkEngineParityTest {

    private static final long SEED = 20261125L;
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;
    static SparkSession spark;
    static int records;

    @BeforeAll
    static void startSparkAndGenerate() throws IOException {
        spark = SparkSession.builder().master("local[2]").appName("colloquy-test")
                .config("spark.driver.bindAddress", "127.0.0.1").config("spark.driver.host", "127.0.0.1")
                .config("spark.ui.enabled", "false").config("spark.sql.shuffle.partitions", "4")
                .getOrCreate();
        Path corpus = Files.createDirectories(dir.resolve("corpus"));
        int[] perFile = new int[3];
        for (int f = 0; f < 3; f++) {
            perFile[f] = TestCorpus.write(corpus.resolve("part-" + f + ".jsonl"), SEED + f, 150).records;
            records += perFile[f];
        }
        // The same conversations again in a later file: exact duplicates across files (and partitions).
        Files.copy(corpus.resolve("part-0.jsonl"), corpus.resolve("part-3.jsonl"));
        records += perFile[0];
    }

    @AfterAll
    static void stopSpark() {
        spark.stop();
    }

    private static PipelineConfig config(Path out) {
        return PipelineConfig.parse("parity.yaml", """
                input:
                  paths: [%s]
                steps:
                  - step: repair
                  - step: turns
                    min: 2
                  - step: structure
                  - step: training_ready
                dedup:
                  mode: both
                output:
                  dir: %s
                runner:
                  threads: 2
                  chunk_size: 64
                """.formatted(dir.resolve("corpus"), out), dir);
    }

    @Test
    void sparkAndLocalEnginesWriteTheSameKeptSetQuarantineAndCounts() throws IOException {
        Path localOut = dir.resolve("local");
        Path sparkOut = dir.resolve("spark");
        PipelineConfig local = config(localOut);
        RunSummary l = new LocalRunner(local, new FormatCodec(), DedupStep.of(local).orElse(null)).run(false);
        RunSummary s = new SparkEngine().run(config(sparkOut), Map.of());

        assertThat(s.stats().recordsIn()).isEqualTo(l.stats().recordsIn()).isEqualTo(records);
        assertThat(s.stats().kept()).isEqualTo(l.stats().kept());
        assertThat(s.stats().rejections()).isEqualTo(l.stats().rejections());
        assertThat(s.stats().rejections().get("dedup")).containsKeys("exact_duplicate", "near_duplicate");
        assertThat(Files.readString(sparkOut.resolve("kept.jsonl")))
                .isEqualTo(Files.readString(localOut.resolve("kept.jsonl")));
        assertThat(Files.readString(sparkOut.resolve("quarantine.jsonl")))
                .isEqualTo(Files.readString(localOut.resolve("quarantine.jsonl")));
        assertThat(withoutTimings(sparkOut)).isEqualTo(withoutTimings(localOut));
    }

    /**
     * A Spark run reports how it advances on the listener, as the local engine does on stderr: each stage of
     * each phase when it ends, and for the read phase the records read and those the steps kept (dedup comes
     * later), here over the four input files, one read task each.
     */
    @Test
    void sparkRunReportsEveryPhaseWithTheRecordsReadAndKeptByTheSteps() throws IOException {
        java.util.List<String> notes = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
        RunListener listener = new RunListener() {
            @Override
            public void note(String line) {
                notes.add(line);
            }
        };
        RunSummary s = new SparkEngine().run(config(dir.resolve("progress")),
                new RunOptions(false, listener, Map.of()));

        long removedByDedup = s.stats().rejections().get("dedup").values().stream().mapToLong(Long::longValue).sum();
        assertThat(notes).anySatisfy(n -> assertThat(n)
                .startsWith("read + steps: stage ")
                .contains(", 4/4 tasks done in ")
                .contains(", %,d records read, %,d kept by the steps".formatted(records, s.stats().kept() + removedByDedup)));
        assertThat(notes).anySatisfy(n -> assertThat(n).startsWith("dedup + sort + tally: stage ").contains(" done in "));
        assertThat(notes).anySatisfy(n -> assertThat(n).startsWith("write: stage "));
        assertThat(notes).allSatisfy(n -> assertThat(n).matches(
                "(line numbers of ranges|read \\+ steps|dedup \\+ sort \\+ tally|write): stage \\d+, \\d+/\\d+ tasks.*"));
    }

    /**
     * One large JSON Lines file is cut into line-aligned byte ranges (here 16 KiB, so dozens of read tasks): planted
     * blank lines (empty, spaces, CR), a BOM on line 1, a record longer than several ranges and malformed lines
     * land on and across range boundaries; outputs, sources (file:line) and stats must equal the local engine's.
     */
    @Test
    void oneLargeJsonLinesFileIsReadByManyTasksWithTheLocalResults() throws IOException {
        Path big = Files.createDirectories(dir.resolve("big")).resolve("all.jsonl");
        java.util.List<String> lines = new java.util.ArrayList<>();
        for (int f = 0; f < 4; f++) {
            lines.addAll(Files.readAllLines(dir.resolve("corpus").resolve("part-" + f + ".jsonl")));
        }
        String longTurn = "Ein sehr langer Absatz über Flüsse, Seen und das Meer. ".repeat(900);
        lines.add(lines.size() / 2, "{\"id\":\"long\",\"messages\":[{\"role\":\"user\",\"content\":\"Erzähl mir"
                + " alles.\"},{\"role\":\"assistant\",\"content\":\"" + longTurn + "\"}]}");
        java.util.Random rnd = new java.util.Random(SEED);
        String[] blanks = {"", " ", "\r", "\t \t", ""};
        int planted = 0;
        for (int i = 0; i < 40; i++) {
            lines.add(1 + rnd.nextInt(lines.size()), blanks[i % blanks.length]);
            planted++;
        }
        lines.add(1 + rnd.nextInt(lines.size()), "{\"messages\": [ broken");
        lines.set(0, "\uFEFF" + lines.get(0));
        Files.writeString(big, String.join("\n", lines) + "\n");
        assertThat(Files.size(big)).isGreaterThan(600_000);

        Path localOut = dir.resolve("big-local");
        Path sparkOut = dir.resolve("big-spark");
        PipelineConfig local = config(localOut).withInputs(java.util.List.of(big.toString()));
        RunSummary l = new LocalRunner(local, new FormatCodec(), DedupStep.of(local).orElse(null)).run(false);
        spark.conf().set("spark.colloquy.splitBytes", "16k");
        RunSummary s;
        try {
            s = new SparkEngine().run(config(sparkOut).withInputs(java.util.List.of(big.toString())), Map.of());
        } finally {
            spark.conf().unset("spark.colloquy.splitBytes");
        }

        assertThat(s.timings().get("spark.read_tasks")).isGreaterThanOrEqualTo(Files.size(big) / 16384.0);
        assertThat(l.stats().blankLines()).isEqualTo(planted);
        assertThat(s.stats().blankLines()).isEqualTo(planted);
        assertThat(s.stats().linesRead()).isEqualTo(l.stats().linesRead()).isEqualTo(lines.size());
        assertThat(s.stats().rejections()).isEqualTo(l.stats().rejections());
        assertThat(Files.readString(sparkOut.resolve("kept.jsonl")))
                .isEqualTo(Files.readString(localOut.resolve("kept.jsonl")));
        assertThat(Files.readString(sparkOut.resolve("kept.jsonl"))).contains("\"id\":\"long\"");
        assertThat(Files.readString(sparkOut.resolve("quarantine.jsonl")))
                .isEqualTo(Files.readString(localOut.resolve("quarantine.jsonl")));
        assertThat(withoutTimings(sparkOut)).isEqualTo(withoutTimings(localOut));
    }

    private static ObjectNode withoutTimings(Path out) throws IOException {
        ObjectNode n = (ObjectNode) JSON.readTree(out.resolve("stats.json").toFile());
        n.remove("timings");
        return n;
    }
}
