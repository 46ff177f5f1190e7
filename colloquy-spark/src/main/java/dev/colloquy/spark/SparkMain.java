package dev.colloquy.spark;

import dev.colloquy.format.OutputFormat;
import dev.colloquy.pipeline.PipelineConfig;
import dev.colloquy.pipeline.RunSummary;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Entry point for {@code spark-submit}:
 * {@code spark-submit --class dev.colloquy.spark.SparkMain colloquy-spark-all.jar PIPELINE.yaml
 * [--input PATH]... [--output DIR] [--parquet]}. The master comes from spark-submit.
 */
public final class SparkMain {

    private SparkMain() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 0 || args[0].startsWith("-")) {
            System.err.println("usage: SparkMain PIPELINE.yaml [--input PATH]... [--output DIR] [--parquet]");
            System.exit(2);
        }
        PipelineConfig config = PipelineConfig.load(Paths.get(args[0]));
        List<String> inputs = new ArrayList<>();
        Map<String, String> options = new HashMap<>();
        for (int i = 1; i < args.length; i++) {
            switch (args[i]) {
                case "--input" -> inputs.add(args[++i]);
                case "--output" -> config = config.withOutputDir(args[++i]);
                case "--parquet" -> {
                    options.put("parquet", "true");
                    config = config.withOutputFormat(OutputFormat.PARQUET);
                }
                default -> {
                    System.err.println("SparkMain: unknown argument '" + args[i] + "'");
                    System.exit(2);
                }
            }
        }
        if (!inputs.isEmpty()) {
            config = config.withInputs(inputs);
        }
        // Starting a Spark session and planning the job takes seconds to minutes: say what runs before it starts.
        System.err.println("colloquy (spark): " + config.plan());
        RunSummary s = new SparkEngine().run(config, options);
        System.err.printf("colloquy (spark): %d records in, %d kept, %d quarantined%n",
                s.stats().recordsIn(), s.stats().kept(), s.stats().quarantined());
    }
}
