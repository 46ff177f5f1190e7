package dev.colloquy.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PipelineRunTest {

    private static final String YAML = """
            input:
              paths: [nowhere.jsonl]
            steps:
              - step: repair
            output:
              dir: nowhere
            """;

    @TempDir
    Path dir;

    @Test
    void runsOnTheGivenInputsIntoTheGivenDirectory() throws IOException {
        Path in = dir.resolve("in.jsonl");
        Files.writeString(in, "{\"messages\":[{\"role\":\"user\",\"content\":\"cafÃ©\"}]}\n{broken\n",
                StandardCharsets.UTF_8);
        Path out = dir.resolve("out");

        RunSummary s = PipelineRun.of(PipelineConfig.parse("p.yaml", YAML, dir))
                .inputs(in.toString()).output(out).threads(1).run();

        assertThat(s.stats().recordsIn()).isEqualTo(2);
        assertThat(s.stats().kept()).isEqualTo(1);
        assertThat(s.stats().unreadable()).isEqualTo(1);
        assertThat(out.resolve("kept.jsonl")).content(StandardCharsets.UTF_8).contains("café");
        assertThat(out.resolve("quarantine.jsonl")).exists();
    }

    @Test
    void leavesTheLoadedConfigUnchanged() {
        PipelineRun loaded = PipelineRun.of(PipelineConfig.parse("p.yaml", YAML, dir));

        PipelineRun changed = loaded.inputs("a.jsonl", "b/").output(dir.resolve("elsewhere")).threads(3);

        assertThat(changed.config().input().paths()).containsExactly("a.jsonl", "b/");
        assertThat(changed.config().runner().threads()).isEqualTo(3);
        assertThat(loaded.config().input().paths()).containsExactly(dir.resolve("nowhere.jsonl").toString());
    }

    @Test
    void rejectsAnEngineThatIsNotOnTheClasspathNamingTheOnesThatAre() {
        PipelineRun run = PipelineRun.of(PipelineConfig.parse("p.yaml", YAML, dir)).engine("flink");

        assertThatThrownBy(run::run).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("no engine 'flink' on the classpath (available: local)");
    }

    @Test
    void rejectsNegativeThreads() {
        PipelineRun run = PipelineRun.of(PipelineConfig.parse("p.yaml", YAML, dir));

        assertThatThrownBy(() -> run.threads(-1)).hasMessage("threads must be >= 0, was -1");
    }

    @Test
    void findsTheLocalEngineByName() {
        assertThat(PipelineEngines.find("local")).get().extracting(PipelineEngine::name).isEqualTo("local");
        assertThat(PipelineEngines.names()).isEqualTo(List.of("local"));
    }
}
