package dev.colloquy.spark;

import static org.assertj.core.api.Assertions.assertThat;

import dev.colloquy.pipeline.PipelineEngines;
import org.junit.jupiter.api.Test;

/** Core finds this module's engine by name through ServiceLoader, with no compile-time dependency on it. */
class SparkEngineDiscoveryTest {

    @Test
    void coreFindsTheSparkEngineByName() {
        assertThat(PipelineEngines.find("spark")).get().isInstanceOf(SparkEngine.class);
        assertThat(PipelineEngines.names()).containsExactly("local", "spark");
    }
}
