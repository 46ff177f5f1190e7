package dev.colloquy.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LocalRunnerTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long SEED = 20261125L;

    @TempDir
    static Path dir;
    static Path input;
    static TestCorpus corpus;

    @BeforeAll
    static void generate() throws IOException {
        input = dir.resolve("corpus.jsonl");
        corpus = TestCorpus.write(input, SEED, 600);
    }

    private static PipelineConfig config(Path out, String extra) {
        return PipelineConfig.parse("test.yaml", """
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
                  chunk_size: 50
                %s""".formatted(input, out, extra), dir);
    }

    private static RunSummary run(PipelineConfig config, boolean resume) throws IOException {
        return new LocalRunner(config, new JsonlTestCodec(), DedupStep.of(config).orElse(null)).run(resume);
    }

    @Test
    void accountsForEveryRecordRemovesDuplicatesAndKeepsLookAlikes() throws IOException {
        Path out = dir.resolve("e2e");
        RunSummary s = run(config(out, ""), false);

        assertThat(s.stats().recordsIn()).as("seed %d", SEED).isEqualTo(corpus.records);
        assertThat(s.stats().kept() + s.stats().quarantined()).isEqualTo(corpus.records);
        List<String> kept = ids(out.resolve("kept.jsonl"), "id");
        List<JsonNode> quarantine = lines(out.resolve("quarantine.jsonl"));
        assertThat(kept.size() + quarantine.size()).isEqualTo(corpus.records);
        assertThat(kept).doesNotContainAnyElementsOf(corpus.mustBeRemoved());
        assertThat(kept).containsAll(corpus.lookAlikes);
        assertThat(kept).doesNotContainAnyElementsOf(corpus.structural);
        Map<String, Long> reasons = new TreeMap<>();
        quarantine.forEach(q -> reasons.merge(q.path("step").asText() + "/" + q.path("reason").asText(), 1L, Long::sum));
        assertThat(reasons.get("read/malformed_json")).isEqualTo(corpus.malformed);
        assertThat(reasons.get("dedup/exact_duplicate")).isEqualTo(corpus.exactDuplicates.size());
        assertThat(reasons.get("dedup/near_duplicate")).isEqualTo(corpus.nearDuplicates.size());
        assertThat(reasons.get("structure/does_not_start_with_user")).isEqualTo(corpus.structural.size());
        assertThat(quarantine).filteredOn(q -> q.path("step").asText().equals("dedup"))
                .allSatisfy(q -> assertThat(q.path("message").asText()).contains("duplicate").contains("of record"));
        assertThat(out.resolve(WorkDir.NAME)).doesNotExist();
        JsonNode stats = JSON.readTree(out.resolve("stats.json").toFile());
        assertThat(stats.path("accounting_ok").asBoolean()).isTrue();
        assertThat(stats.path("dedup").path("removed").asLong()).isEqualTo(corpus.mustBeRemoved().size());
        assertThat(stats.has("timings")).isTrue();
    }

    @Test
    void writesByteIdenticalOutputsForTheSameInputAndConfig() throws IOException {
        Path a = dir.resolve("twice-a");
        Path b = dir.resolve("twice-b");
        run(config(a, ""), false);
        run(config(b, "").withThreads(1).withOutputDir(b.toString()), false);
        assertSameOutputs(a, b);
    }

    @ParameterizedTest(name = "a chunk's lines half written after the last checkpoint: {0}")
    @ValueSource(booleans = {false, true})
    void resumesAnInterruptedRunToTheSameOutputs(boolean halfWrittenChunk) throws IOException {
        Path whole = dir.resolve("whole-" + halfWrittenChunk);
        Path cut = dir.resolve("cut-" + halfWrittenChunk);
        run(config(whole, ""), false);
        PipelineConfig cfg = config(cut, "");
        interruptAfter(cfg, 4);
        Path work = cut.resolve(WorkDir.NAME);
        assertThat(work.resolve("chunk-000003.done")).exists();
        assertThat(cut.resolve("kept.jsonl")).doesNotExist();
        if (halfWrittenChunk) { // as a kill leaves them: resume must drop them
            Files.writeString(work.resolve("kept.lines"), "{\"id\":\"half\",\"messages\":[]}\n{\"id\":\"hal",
                    StandardOpenOption.APPEND);
            Files.writeString(work.resolve("quarantine.lines"), "{\"source\":\"x\"", StandardOpenOption.APPEND);
        }

        RunSummary resumed = run(cfg, true);

        assertThat(resumed.stats().recordsIn()).isEqualTo(corpus.records);
        assertSameOutputs(whole, cut);
    }

    @Test
    void refusesToResumeWhenTheKeptLinesAreShorterThanTheirCheckpoints() throws IOException {
        Path cut = dir.resolve("shortened");
        PipelineConfig cfg = config(cut, "");
        interruptAfter(cfg, 2);
        Path kept = cut.resolve(WorkDir.NAME).resolve("kept.lines");
        byte[] lines = Files.readAllBytes(kept);
        Files.write(kept, java.util.Arrays.copyOf(lines, lines.length - 1));

        assertThatThrownBy(() -> run(cfg, true)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("cannot --resume").hasMessageContaining("kept.lines")
                .hasMessageContaining((lines.length - 1) + " bytes where the checkpoints say " + lines.length);
    }

    /** Runs {@code cfg} until {@code chunks} chunks are checkpointed, then stops as a kill would. */
    private static void interruptAfter(PipelineConfig cfg, int chunks) {
        LocalRunner first = new LocalRunner(cfg, new JsonlTestCodec(), DedupStep.of(cfg).orElse(null))
                .abortAfterChunks(chunks);
        assertThatThrownBy(() -> first.run(false)).isInstanceOf(LocalRunner.Aborted.class);
    }

    @Test
    void refusesToResumeCheckpointsOfAnotherConfig() throws IOException {
        Path cut = dir.resolve("other");
        PipelineConfig cfg = config(cut, "");
        interruptAfter(cfg, 1);
        PipelineConfig changed = cfg.withChunkSize(70);
        assertThatThrownBy(() -> run(changed, true)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("cannot --resume");
    }

    @Test
    void writesCompressedShardsOfTheConfiguredSize() throws IOException {
        Path out = dir.resolve("shards");
        PipelineConfig cfg = config(out, "").withOutputDir(out.toString());
        cfg = new PipelineConfig(cfg.file(), cfg.input(), cfg.steps(), cfg.dedup(),
                new PipelineConfig.OutputSpec(out.toString(), dev.colloquy.format.OutputFormat.OPENAI, 100,
                        dev.colloquy.io.Compression.GZ), cfg.runner());
        RunSummary s = run(cfg, false);
        List<String> all = new ArrayList<>();
        for (String name : s.outputs()) {
            if (name.startsWith("kept-")) {
                try (InputStream in = new GZIPInputStream(Files.newInputStream(out.resolve(name)))) {
                    List<String> lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
                    assertThat(lines.size()).isLessThanOrEqualTo(100);
                    all.addAll(lines);
                }
            }
        }
        assertThat(s.outputs()).contains("kept-00000.jsonl.gz", "quarantine.jsonl");
        assertThat((long) all.size()).isEqualTo(s.stats().kept());
    }

    @Test
    void rejectsARunWithoutAnOutputDirectoryOrWithAMissingInput() {
        PipelineConfig noOut = PipelineConfig.parse("t.yaml", "input: {paths: [" + input + "]}\n", dir);
        assertThatThrownBy(() -> run(noOut, false)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("output.dir");
        PipelineConfig missing = config(dir.resolve("m"), "").withInputs(List.of(dir.resolve("nope.jsonl").toString()));
        assertThatThrownBy(() -> run(missing, false)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("nope.jsonl");
    }

    private static void assertSameOutputs(Path a, Path b) throws IOException {
        for (String f : List.of("kept.jsonl", "quarantine.jsonl")) {
            assertThat(Files.readAllBytes(b.resolve(f))).as(f).isEqualTo(Files.readAllBytes(a.resolve(f)));
        }
        ObjectNode sa = (ObjectNode) JSON.readTree(a.resolve("stats.json").toFile());
        ObjectNode sb = (ObjectNode) JSON.readTree(b.resolve("stats.json").toFile());
        sa.remove("timings");
        sb.remove("timings");
        assertThat(sb).isEqualTo(sa);
    }

    private static List<JsonNode> lines(Path p) throws IOException {
        List<JsonNode> out = new ArrayList<>();
        try (Stream<String> s = Files.lines(p, StandardCharsets.UTF_8)) {
            for (String l : s.toList()) {
                out.add(JSON.readTree(l));
            }
        }
        return out;
    }

    private static List<String> ids(Path p, String field) throws IOException {
        return lines(p).stream().map(n -> n.path(field).asText()).toList();
    }
}
