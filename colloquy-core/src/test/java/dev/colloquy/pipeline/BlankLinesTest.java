package dev.colloquy.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Blank JSON Lines lines are no records, but none may vanish uncounted (issue 11). */
class BlankLinesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private static String record(int i) {
        return "{\"id\":\"r" + i + "\",\"messages\":[{\"role\":\"user\",\"content\":\"Quelle est la question " + i
                + " ?\"},{\"role\":\"assistant\",\"content\":\"Réponse numéro " + i + ", détaillée.\"}]}";
    }

    /** 200 records with 12 blank lines planted (empty, spaces, tabs, CR, a no-break space), seeded. */
    private Path plantedCorpus() throws IOException {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            lines.add(record(i));
        }
        String[] blanks = {"", "", "   ", "\t", "\r", " \r", "", "\u2003", "", "  \t  ", "", ""};
        Random rnd = new Random(11);
        for (String b : blanks) {
            lines.add(rnd.nextInt(lines.size() + 1), b);
        }
        Path in = dir.resolve("planted.jsonl");
        Files.writeString(in, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
        return in;
    }

    private RunSummary run(Path input, Path out, int chunk) throws IOException {
        PipelineConfig c = PipelineConfig.parse("t.yaml", """
                input:
                  paths: [%s]
                steps:
                  - step: training_ready
                output:
                  dir: %s
                runner:
                  threads: 2
                  chunk_size: %d
                """.formatted(input, out, chunk), dir);
        return new LocalRunner(c, new FormatCodec(), null).run(false);
    }

    @Test
    void countsTwelvePlantedBlankLinesAndTheLinesReadAddUp() throws IOException {
        Path out = dir.resolve("out");
        RunSummary s = run(plantedCorpus(), out, 16);
        assertThat(s.stats().recordsIn()).isEqualTo(200);
        assertThat(s.stats().blankLines()).isEqualTo(12);
        assertThat(s.stats().linesRead()).isEqualTo(212);
        assertThat(s.stats().recordsIn() + s.stats().blankLines()).isEqualTo(s.stats().linesRead());
        JsonNode stats = JSON.readTree(out.resolve("stats.json").toFile());
        assertThat(stats.path("blank_lines").asLong()).isEqualTo(12);
        assertThat(stats.path("lines_read").asLong()).isEqualTo(212);
        // The kept records still name their true lines.
        List<String> kept = Files.readAllLines(out.resolve("kept.jsonl"));
        assertThat(kept).hasSize(200);
        List<String> in = Files.readAllLines(dir.resolve("planted.jsonl"));
        for (String k : kept) {
            String src = JSON.readTree(k).path("meta").path("source").asText();
            int line = Integer.parseInt(src.substring(src.lastIndexOf(':') + 1));
            assertThat(in.get(line - 1)).contains("\"id\":\"" + JSON.readTree(k).path("id").asText() + "\"");
        }
    }

    @Test
    void aMegabyteOfNewlinesIsAnEmptyFileWithEveryBlankLineCounted() throws IOException {
        Path in = dir.resolve("newlines.jsonl");
        Files.write(in, "\n".repeat(1 << 20).getBytes(StandardCharsets.US_ASCII));
        Path out = dir.resolve("nl");
        RunSummary s = run(in, out, 100);
        assertThat(s.stats().blankLines()).isEqualTo(1 << 20);
        assertThat(s.stats().linesRead()).isEqualTo(1 << 20);
        assertThat(s.stats().recordsIn()).isEqualTo(1);
        assertThat(s.stats().rejections()).containsEntry("read", java.util.Map.of("empty_file", 1L));
        assertThat(Files.readString(out.resolve("quarantine.jsonl"))).contains("newlines.jsonl:0");
    }

    @Test
    void aResumedRunCountsTheSameBlankLines() throws IOException {
        Path input = plantedCorpus();
        Path out = dir.resolve("resumed");
        PipelineConfig c = PipelineConfig.parse("t.yaml", """
                input:
                  paths: [%s]
                output:
                  dir: %s
                runner:
                  chunk_size: 20
                """.formatted(input, out), dir);
        try {
            new LocalRunner(c, new FormatCodec(), null).abortAfterChunks(4).run(false);
        } catch (LocalRunner.Aborted expected) {
            // as a kill would
        }
        RunSummary s = new LocalRunner(c, new FormatCodec(), null).run(true);
        assertThat(s.stats().blankLines()).isEqualTo(12);
        assertThat(s.stats().linesRead()).isEqualTo(212);
        assertThat(s.stats().recordsIn()).isEqualTo(200);
    }
}
