package dev.colloquy.spark;

import dev.colloquy.format.OutputFormat;
import dev.colloquy.pipeline.PipelineConfig;
import dev.colloquy.pipeline.PipelineEngine;
import dev.colloquy.pipeline.RunOptions;
import dev.colloquy.pipeline.RunSummary;
import java.io.IOException;
import java.util.Map;
import org.apache.spark.sql.SparkSession;

/**
 * {@code colloquy run PIPELINE.yaml --engine spark [--master local[2]]}: the pipeline on Apache Spark. With a
 * master given, a session is started in this process (local settings: loopback only, no UI) and stopped at the
 * end; without one, the session of the surrounding {@code spark-submit} is used.
 *
 * <p>Options: {@code master} (e.g. {@code local[2]}, {@code yarn}), {@code parquet=true} to write the kept records
 * as {@code kept.parquet} instead of JSON Lines, as {@code output.format: parquet} does and as the local engine does:
 * the same columns and rows ({@link HfChatParquet}).
 */
public final class SparkEngine implements PipelineEngine {

    @Override
    public String name() {
        return "spark";
    }

    @Override
    public RunSummary run(PipelineConfig config, RunOptions runOptions) throws IOException {
        Map<String, String> options = runOptions.engine();
        String master = options.get("master");
        if (Boolean.parseBoolean(options.getOrDefault("parquet", "false"))) {
            // one meaning on both engines: the kept records as kept.parquet instead of JSON Lines
            config = config.withOutputFormat(OutputFormat.PARQUET);
        }
        SparkSession spark = SparkSessions.start(master);
        try {
            return new SparkPipeline(spark, config, runOptions.listener()).run();
        } finally {
            if (master != null) {
                spark.stop();
            }
        }
    }
}
