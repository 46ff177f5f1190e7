package dev.colloquy.pipeline;

import java.io.IOException;
import dev.colloquy.format.OutputFormat;

/**
 * The {@code local} engine: {@link LocalRunner} on this machine's cores, reading with {@link FormatCodec}. Option
 * {@code parquet=true} writes the kept records as {@code kept.parquet} instead (as {@code output.format: parquet}).
 */
final class LocalEngine implements PipelineEngine {

    static final String NAME = "local";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public RunSummary run(PipelineConfig config, RunOptions options) throws IOException {
        if (Boolean.parseBoolean(options.engine().get("parquet"))) {
            config = config.withOutputFormat(OutputFormat.PARQUET);
        }
        return new LocalRunner(config, new FormatCodec(), DedupStep.of(config).orElse(null))
                .listener(options.listener())
                .run(options.resume());
    }
}
