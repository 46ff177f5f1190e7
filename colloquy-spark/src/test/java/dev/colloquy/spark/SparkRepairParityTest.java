package dev.colloquy.spark;

import static org.assertj.core.api.Assertions.assertThat;

import dev.colloquy.pipeline.PipelineConfig;
import dev.colloquy.pipeline.PipelineEngines;
import dev.colloquy.pipeline.RunSummary;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Spark repairs as the local engine does: the seed and the example corpus (its planted mojibake, lost bytes and
 * emoji) through a pipeline whose only step is {@code repair}, with the input split across several tasks, give
 * byte-identical kept records. {@code RepairModesTest} (colloquy-cli) holds the local engine to {@code colloquy fix}.
 */
class SparkRepairParityTest {

    @TempDir
    Path dir;

    @Test
    void repairsTheSeedAndTheExampleCorpusByteForByteAsTheLocalEngine() throws IOException {
        Path in = Files.createDirectories(dir.resolve("in"));
        Files.copy(Path.of("../examples/seed.txt"), in.resolve("seed.txt"));
        for (String f : new String[] {"openai.jsonl", "sharegpt.jsonl", "transcripts.txt"}) {
            Files.copy(Path.of("../examples/corpus").resolve(f), in.resolve(f));
        }
        RunSummary local = PipelineEngines.named("local").run(config(in, dir.resolve("local")), Map.of());
        SparkSession spark = SparkSessions.start("local[2]");
        try {
            spark.conf().set(InputParts.SPLIT_BYTES_KEY, "16k"); // several tasks per file
            new SparkEngine().run(config(in, dir.resolve("spark")), Map.of());
        } finally {
            spark.stop();
        }
        assertThat(local.stats().kept()).isGreaterThan(100);
        String kept = Files.readString(dir.resolve("local/kept.jsonl"));
        assertThat(kept).contains("🎬").contains("mojibake_repaired");
        assertThat(Files.readString(dir.resolve("spark/kept.jsonl"))).isEqualTo(kept);
    }

    private PipelineConfig config(Path in, Path out) {
        return PipelineConfig.parse("repair-parity.yaml", "input: {paths: [" + in + "]}\nsteps: [{step: repair}]\n"
                + "output: {dir: " + out + "}\n", dir);
    }
}
