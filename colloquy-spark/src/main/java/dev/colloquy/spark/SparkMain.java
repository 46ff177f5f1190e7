package dev.colloquy.spark;

import dev.colloquy.format.OutputFormat;
import dev.colloquy.pipeline.PipelineConfig;
import dev.colloquy.pipeline.RunListener;
import dev.colloquy.pipeline.RunOptions;
import dev.colloquy.pipeline.RunSummary;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Entry point for {@code spark-submit}:
 * {@code spark-submit --class dev.colloquy.spark.SparkMain colloquy-spark-all.jar PIPELINE.yaml
 * [--input PATH]... [--output DIR] [--parquet]}. The master comes from spark-submit. It prints the plan, then
 * progress per stage ({@link SparkProgress}), then the counts, all on stderr.
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
        // Then each stage's progress, on stderr as the local engine's (stdout stays empty, as with colloquy run).
        RunListener progress = new RunListener() {
            @Override
            public void note(String line) {
                System.err.println("colloquy (spark): " + line);
            }
        };
        RunSummary s = new SparkEngine().run(config, new RunOptions(false, progress, options));
        System.err.printf("colloquy (spark): %d records in, %d kept, %d quarantined%n",
                s.stats().recordsIn(), s.stats().kept(), s.stats().quarantined());
    }
}
