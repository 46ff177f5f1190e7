package dev.colloquy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.colloquy.pipeline.ConfigException;
import dev.colloquy.repair.RepairResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ColloquyTest {

    @TempDir
    Path dir;

    @Test
    void repairsMojibakeAndSaysWhy() {
        RepairResult r = Colloquy.repair("crÃ¨me brÃ»lÃ©e");

        assertThat(r.text()).isEqualTo("crème brûlée");
        assertThat(r.repairs()).isNotEmpty();
    }

    @Test
    void leavesCleanTextUnchanged() {
        RepairResult r = Colloquy.repair("Привет, κόσμε — naïve café 你好");

        assertThat(r.text()).isEqualTo("Привет, κόσμε — naïve café 你好");
        assertThat(r.repairs()).isEmpty();
    }

    @Test
    void loadsAPipelineResolvingPathsFromItsDirectory() throws IOException {
        Path yaml = dir.resolve("p.yaml");
        Files.writeString(yaml, "input:\n  paths: [data/]\nsteps:\n  - step: repair\noutput:\n  dir: out\n",
                StandardCharsets.UTF_8);

        var run = Colloquy.pipeline(yaml);

        assertThat(run.config().input().paths()).containsExactly(dir.resolve("data/").toString());
        assertThat(run.config().output().dir()).isEqualTo(dir.resolve("out").toString());
    }

    @Test
    void namesTheLineOfAMisspeltKey() throws IOException {
        Path yaml = dir.resolve("p.yaml");
        Files.writeString(yaml, "steps:\n  - step: repair\n  - step: turns\n    minimum: 2\n", StandardCharsets.UTF_8);

        assertThatThrownBy(() -> Colloquy.pipeline(yaml)).isInstanceOf(ConfigException.class).hasMessageContaining(":4");
    }
}
