package dev.colloquy.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 13: one bad record or input never kills a run; every record ends in kept or quarantine. */
class LocalRunnerReliabilityTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String GOOD = "{\"messages\":[{\"role\":\"user\",\"content\":\"What is a river?\"},"
            + "{\"role\":\"assistant\",\"content\":\"Flowing water on its way to the sea.\"}]}";
    private static final String OTHER = GOOD.replace("river", "lake").replace("sea", "shore");

    @TempDir
    Path dir;

    private PipelineConfig config(Path out, Path... inputs) {
        StringBuilder paths = new StringBuilder();
        for (Path p : inputs) {
            paths.append(paths.length() == 0 ? "" : ", ").append(p);
        }
        return PipelineConfig.parse("test.yaml", """
                input:
                  paths: [%s]
                output:
                  dir: %s
                runner:
                  threads: 2
                """.formatted(paths, out), dir);
    }

    private RunSummary run(PipelineConfig config, RecordCodec codec) throws IOException {
        return new LocalRunner(config, codec, null).run(false);
    }

    private static List<JsonNode> lines(Path p) throws IOException {
        List<JsonNode> out = new ArrayList<>();
        for (String l : Files.readAllLines(p, StandardCharsets.UTF_8)) {
            out.add(JSON.readTree(l));
        }
        return out;
    }

    @Test
    void quarantinesAJsonlLineOfFourMegabytesOfControlCharactersAndKeepsItsNeighbours() throws IOException {
        byte[] junk = new byte[4 << 20];
        java.util.Arrays.fill(junk, (byte) 1);
        Path in = dir.resolve("cc.jsonl");
        try (var o = Files.newOutputStream(in)) {
            o.write((GOOD + "\n{\"messages\":\"").getBytes(StandardCharsets.UTF_8));
            o.write(junk);
            o.write(("\"}\n" + OTHER + "\n").getBytes(StandardCharsets.UTF_8));
        }
        Path out = dir.resolve("out");
        RunSummary s = run(config(out, in), new FormatCodec());
        assertThat(s.stats().recordsIn()).isEqualTo(3);
        assertThat(s.stats().kept()).isEqualTo(2);
        List<JsonNode> q = lines(out.resolve("quarantine.jsonl"));
        assertThat(q).hasSize(1);
        assertThat(q.get(0).get("reason").asText()).isEqualTo("binary_junk");
        assertThat(q.get(0).get("source").asText()).endsWith("cc.jsonl:2");
    }

    @Test
    void quarantinesATranscriptConversationOfFourMegabytesOfNulBytesAndKeepsTheOthers() throws IOException {
        Path in = dir.resolve("nul.txt");
        try (var o = Files.newOutputStream(in)) {
            o.write("[A]: What is a river?\n[B]: Flowing water.\n---\n[A]: ".getBytes(StandardCharsets.UTF_8));
            o.write(new byte[4 << 20]);
            o.write("\n[B]: x\n---\n[A]: What is a lake?\n[B]: Still water.\n".getBytes(StandardCharsets.UTF_8));
        }
        Path out = dir.resolve("out");
        RunSummary s = run(config(out, in), new FormatCodec());
        assertThat(s.stats().kept()).isEqualTo(2);
        assertThat(s.stats().quarantined()).isEqualTo(1);
        assertThat(lines(out.resolve("quarantine.jsonl")).get(0).get("reason").asText()).isEqualTo("binary_junk");
    }

    @Test
    void quarantinesAnInputThatCannotBeOpenedAsUnreadableAndReadsTheRest() throws IOException {
        Path a = Files.writeString(dir.resolve("a.jsonl"), GOOD + "\n");
        Path b = Files.writeString(dir.resolve("b.jsonl"), OTHER + "\n");
        // chmod 000 does not stop root (CI runs as root), so the codec refuses to open b as the OS would
        RecordCodec codec = new DenyingCodec(b.toString());
        Path out = dir.resolve("out");
        RunSummary s = run(config(out, a, b), codec);
        assertThat(s.stats().recordsIn()).isEqualTo(2);
        assertThat(s.stats().kept()).isEqualTo(1);
        JsonNode q = lines(out.resolve("quarantine.jsonl")).get(0);
        assertThat(q.get("step").asText()).isEqualTo("read");
        assertThat(q.get("reason").asText()).isEqualTo("unreadable");
        assertThat(q.get("source").asText()).isEqualTo(b + ":0");
        assertThat(q.get("message").asText()).contains(b.toString()).contains("permission denied");
    }

    /** FormatCodec, except that one input fails to open as a file without read permission does. */
    private static final class DenyingCodec implements RecordCodec {
        private final FormatCodec real = new FormatCodec();
        private final String denied;

        DenyingCodec(String denied) {
            this.denied = denied;
        }

        @Override
        public List<Input> inputs(List<String> paths) {
            List<Input> out = new ArrayList<>();
            for (Input in : real.inputs(paths)) {
                out.add(!in.name().equals(denied) ? in : new Input() {
                    @Override
                    public String name() {
                        return in.name();
                    }

                    @Override
                    public long size() {
                        return in.size();
                    }

                    @Override
                    public String identity() {
                        return in.identity();
                    }

                    @Override
                    public InputStream open() throws IOException {
                        throw new AccessDeniedException(in.name());
                    }
                });
            }
            return out;
        }

        @Override
        public void read(Input input, InputStream in, PipelineConfig.InputSpec spec, Sink sink) throws IOException {
            real.read(input, in, spec, sink);
        }

        @Override
        public String keptLine(dev.colloquy.model.Conversation c, dev.colloquy.format.OutputFormat format) {
            return real.keptLine(c, format);
        }

        @Override
        public String quarantineLine(dev.colloquy.model.Rejection r) {
            return real.quarantineLine(r);
        }
    }

    @Test
    void refusesInputsInsideTheOutputDirectoryAndAnOutputDirectoryInsideAnInputDirectory() throws IOException {
        Path in = Files.createDirectories(dir.resolve("in"));
        Files.writeString(in.resolve("a.jsonl"), GOOD + "\n");
        assertThatThrownBy(() -> run(config(in.resolve("out"), in), new FormatCodec()))
                .isInstanceOf(ConfigException.class).hasMessageContaining("inside the input directory");
        assertThatThrownBy(() -> run(config(in, in.resolve("a.jsonl")), new FormatCodec()))
                .isInstanceOf(ConfigException.class).hasMessageContaining("is inside the output directory");
        assertThat(in.resolve("out")).doesNotExist();
        assertThat(Files.readString(in.resolve("a.jsonl"))).isEqualTo(GOOD + "\n");
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"stats.json", "kept.jsonl", "kept_notes.txt",
            "quarantine.jsonl", "report.html", "kept-00001.parquet"})
    void refusesAnOutputDirectoryHoldingAFileNoRunWroteAndLeavesItIntact(String name) throws IOException {
        // -o ~/data must neither replace ~/data/stats.json nor delete ~/data/kept_notes.txt as a stale kept file
        Path in = Files.writeString(dir.resolve("a.jsonl"), GOOD + "\n");
        Path out = Files.createDirectories(dir.resolve("data"));
        Path theirs = Files.writeString(out.resolve(name), "someone's data");
        assertThatThrownBy(() -> run(config(out, in), new FormatCodec())).isInstanceOf(ConfigException.class)
                .hasMessageContaining("already holds " + name + ", which no colloquy run wrote there")
                .hasMessageContaining("choose a new or empty output directory");
        assertThat(Files.readString(theirs)).isEqualTo("someone's data");
        try (var files = Files.list(out)) {
            assertThat(files).containsExactly(theirs);
        }
    }

    @Test
    void writesIntoADirectoryOfOtherFilesAndRerunsOverItsOwnOutputs() throws IOException {
        Path in = Files.writeString(dir.resolve("a.jsonl"), GOOD + "\n");
        Path out = Files.createDirectories(dir.resolve("data"));
        Path theirs = Files.writeString(out.resolve("notes.txt"), "someone's data");
        assertThat(run(config(out, in), new FormatCodec()).stats().kept()).isEqualTo(1);
        assertThat(run(config(out, in), new FormatCodec()).stats().kept()).isEqualTo(1);
        assertThat(Files.readString(theirs)).isEqualTo("someone's data");
    }

    @Test
    void refusesASecondRunIntoADirectoryAnotherRunHolds() throws IOException {
        Path in = Files.writeString(dir.resolve("a.jsonl"), GOOD + "\n");
        Path out = dir.resolve("out");
        try (RunDirectory held = RunDirectory.claim(out)) {
            Path checkpoint = Files.writeString(Files.createDirectories(out.resolve(WorkDir.NAME)).resolve("fingerprint"),
                    "the other run's");
            assertThatThrownBy(() -> run(config(out, in), new FormatCodec())).isInstanceOf(ConfigException.class)
                    .hasMessageContaining("in use by another colloquy run (pid " + ProcessHandle.current().pid() + ")");
            assertThat(Files.readString(checkpoint)).isEqualTo("the other run's");
        }
        assertThat(run(config(out, in), new FormatCodec()).stats().kept()).isEqualTo(1);
    }

    @Test
    void takesOverALockFileLeftByADeadProcessAndCleansItsTemporaryFiles() throws IOException {
        Path in = Files.writeString(dir.resolve("a.jsonl"), GOOD + "\n");
        Path out = Files.createDirectories(dir.resolve("out").resolve(WorkDir.NAME)).getParent();
        Files.writeString(out.resolve(RunDirectory.LOCK), "2147483646\n"); // no such pid
        Path tmp = Files.writeString(out.resolve(".kept.jsonl.6f1c2e9a-0d3b-4c5e-8f7a-1b2c3d4e5f60.tmp"), "old");
        Path workTmp = Files.writeString(out.resolve(WorkDir.NAME)
                .resolve(".chunk-000000.kept.6f1c2e9a-0d3b-4c5e-8f7a-1b2c3d4e5f61.tmp"), "old");
        Path mine = Files.writeString(out.resolve(".notes.tmp"), "a user's file, not ours");
        assertThat(run(config(out, in), new FormatCodec()).stats().kept()).isEqualTo(1);
        assertThat(tmp).doesNotExist();
        assertThat(workTmp).doesNotExist();
        assertThat(mine).exists();
        assertThat(Files.readString(out.resolve(RunDirectory.LOCK)).strip())
                .isEqualTo(Long.toString(ProcessHandle.current().pid()));
    }

    @Test
    void writesTheCompletionMarkerLastSoAnOutputSetCutBetweenRenamesIsVisiblyIncomplete() throws IOException {
        Path in = Files.writeString(dir.resolve("a.jsonl"), GOOD + "\n{\"x\": 1}\n" + OTHER + "\n");
        Path whole = dir.resolve("whole");
        run(config(whole, in), new FormatCodec());
        assertThat(whole.resolve(RunDirectory.COMPLETE)).isRegularFile();
        assertThat(Files.readString(whole.resolve(RunDirectory.COMPLETE)))
                .contains("\"kept.jsonl\": " + Files.size(whole.resolve("kept.jsonl")))
                .contains("\"quarantine.jsonl\"").contains("\"stats.json\"");

        // kept.jsonl is renamed into place, then quarantine.jsonl cannot be: the run dies between the two
        Path out = dir.resolve("cut");
        RunDirectory.claim(out).close(); // a run's directory: its quarantine.jsonl may be replaced
        Files.createDirectories(out.resolve("quarantine.jsonl/blocker"));
        assertThatThrownBy(() -> run(config(out, in), new FormatCodec())).isInstanceOf(IOException.class);
        assertThat(out.resolve("kept.jsonl")).exists();
        assertThat(out.resolve(RunDirectory.COMPLETE)).doesNotExist();

        Files.delete(out.resolve("quarantine.jsonl/blocker"));
        Files.delete(out.resolve("quarantine.jsonl"));
        new LocalRunner(config(out, in), new FormatCodec(), null).run(true);
        assertThat(out.resolve(RunDirectory.COMPLETE)).isRegularFile();
        for (String f : List.of("kept.jsonl", "quarantine.jsonl")) {
            assertThat(Files.readAllBytes(out.resolve(f))).isEqualTo(Files.readAllBytes(whole.resolve(f)));
        }
    }
}
