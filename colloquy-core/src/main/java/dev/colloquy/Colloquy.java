package dev.colloquy;

import dev.colloquy.pipeline.ConfigException;
import dev.colloquy.pipeline.PipelineConfig;
import dev.colloquy.pipeline.PipelineRun;
import dev.colloquy.repair.RepairResult;
import dev.colloquy.repair.TextRepairer;
import java.nio.file.Path;

/**
 * The front door for using Colloquy from Java: repair a string, or run a curation pipeline.
 *
 * <pre>{@code
 * RepairResult r = Colloquy.repair("cafÃ© crÃ¨me");   // r.text() is "café crème", r.repairs() says why
 * RunSummary s = Colloquy.pipeline(Path.of("pipeline.yaml")).inputs("data/").output(Path.of("out")).run();
 * }</pre>
 *
 * <p>Everything here is thread-safe. The machinery behind it lives in {@code dev.colloquy.repair}
 * ({@link TextRepairer}) and {@code dev.colloquy.pipeline} ({@link PipelineRun}) for callers who need more.
 */
public final class Colloquy {

    private Colloquy() {
    }

    /**
     * Repairs one string with the default settings: mojibake and other encoding damage undone, each change
     * recorded with its reason. Clean text comes back unchanged.
     */
    public static RepairResult repair(String text) {
        return TextRepairer.defaults().repair(text);
    }

    /**
     * Loads and validates a {@code PIPELINE.yaml} (docs/pipeline.md); relative paths in it are taken from the
     * file's directory. Throws {@link ConfigException} naming the line of any problem.
     */
    public static PipelineRun pipeline(Path yaml) {
        return PipelineRun.of(PipelineConfig.load(yaml));
    }
}
