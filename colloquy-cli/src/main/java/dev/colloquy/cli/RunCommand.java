package dev.colloquy.cli;

import dev.colloquy.format.OutputFormat;
import dev.colloquy.pipeline.ConfigException;
import dev.colloquy.pipeline.PipelineConfig;
import dev.colloquy.pipeline.PipelineEngine;
import dev.colloquy.pipeline.PipelineEngines;
import dev.colloquy.pipeline.RunDirectory;
import dev.colloquy.pipeline.RunListener;
import dev.colloquy.pipeline.RunOptions;
import dev.colloquy.pipeline.RunStats;
import dev.colloquy.pipeline.RunSummary;
import dev.colloquy.step.StepFactory;
import dev.colloquy.pipeline.steps.StepRegistry;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code colloquy run PIPELINE.yaml}: the curation pipeline on this machine. Exit 0 when the run completed
 * with consistent accounting, 1 when some input records could not be read (they are in the quarantine) or
 * the run failed, 2 for usage and configuration errors.
 */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Run the curation pipeline described by a YAML file: steps, filters, dedup.",
                "Writes kept records, quarantine.jsonl, stats.json and report.html to the output directory.",
                "See docs/pipeline.md."},
        footer = {"", ExitCodes.RULE})
final class RunCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "PIPELINE.yaml", description = "the pipeline configuration")
    Path pipeline;

    @Option(names = "--list-steps", description = "list every step a pipeline can name, with its parameters, and exit")
    boolean listSteps;

    @Option(names = "--input", paramLabel = "PATH", arity = "1..*",
            description = "input files, directories or globs; replace the file's input.paths")
    List<String> inputs;

    @Option(names = {"--output", "-o"}, paramLabel = "DIR", description = "output directory; replaces output.dir")
    String output;

    @Option(names = "--resume", description = "continue an interrupted run from its checkpoints in DIR/.colloquy-work")
    boolean resume;

    @Option(names = "--threads", paramLabel = "N", description = "worker threads; replaces runner.threads (0 = all cores)")
    Integer threads;

    @Option(names = "--no-progress", negatable = false, description = "no progress display")
    boolean noProgress;

    /** Kept so scripts written before the one exit-code rule still run: exit 1 on unreadable input is the default. */
    @Option(names = "--strict", hidden = true)
    boolean strict;

    @Option(names = "--engine", paramLabel = "ENGINE", defaultValue = "local",
            description = "local (this machine's cores, default) or spark (needs colloquy-spark; see docs/spark.md)")
    String engine;

    @Option(names = "--master", paramLabel = "URL",
            description = "with --engine spark: the Spark master, e.g. local[2]; default: the spark-submit session")
    String master;

    @Option(names = "--parquet", description = "write the kept records as kept.parquet (Hugging Face chat schema;"
            + " TRL's prompt/chosen/rejected for preference pairs) instead of JSON Lines, as output.format: parquet"
            + " does; the same columns and rows with --engine spark")
    boolean parquet;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        if (listSteps) {
            PrintWriter out = spec.commandLine().getOut();
            for (StepFactory f : StepRegistry.defaults().factories()) {
                out.printf(Locale.ROOT, "%-22s %s%n", f.name(), f.description());
                if (!f.parameters().isEmpty()) {
                    out.printf(Locale.ROOT, "%-22s parameters: %s%n", "", String.join(", ", new TreeSet<>(f.parameters())));
                }
            }
            out.flush();
            return ExitCodes.OK;
        }
        if (pipeline == null) {
            err.println("colloquy run: missing PIPELINE.yaml (try 'colloquy run --help')");
            return ExitCodes.USAGE;
        }
        if (!Files.isRegularFile(pipeline)) {
            err.println("colloquy run: no such pipeline file: '" + pipeline + "'");
            return ExitCodes.USAGE;
        }
        PipelineConfig config;
        try {
            config = PipelineConfig.load(pipeline);
            if (inputs != null) {
                config = config.withInputs(inputs);
            }
            if (output != null) {
                config = config.withOutputDir(output);
            }
            if (threads != null) {
                if (threads < 0) {
                    err.println("colloquy run: --threads must be >= 0, was " + threads);
                    return ExitCodes.USAGE;
                }
                config = config.withThreads(threads);
            }
        } catch (ConfigException e) {
            err.println("colloquy run: " + e.getMessage());
            return ExitCodes.USAGE;
        }
        if (parquet) {
            // what every engine does with option parquet; applied here too, so the line below says parquet
            config = config.withOutputFormat(OutputFormat.PARQUET);
        }
        // Say at once what the run is about to do: loading the steps' models and reading the first chunk can take
        // many seconds before the first progress line.
        err.println("colloquy run: " + config.plan());
        err.flush();
        Progress progress = noProgress ? null : new Progress(err, System.console() != null);
        RunSummary summary;
        // On Ctrl-C or kill the completed chunks stay checkpointed; say how to continue.
        String out = config.output().dir();
        Thread hint = new Thread(() -> {
            err.println();
            err.println("colloquy run: interrupted; completed chunks are saved in " + out
                    + "/.colloquy-work: rerun the same command with --resume to continue");
            err.flush();
        });
        Runtime.getRuntime().addShutdownHook(hint);
        try {
            if (!engine.equals("local") && out != null && !out.contains("://")) {
                // the local engine refuses these itself; another engine writing into a local directory is refused
                // here, before the directory is claimed (created and locked), as the local engine would
                RunDirectory.requireApartFromInputs(Path.of(out), config.input().paths(), localInputNames(config));
            }
            Optional<PipelineEngine> found = PipelineEngines.find(engine);
            if (found.isEmpty()) {
                // spark is always a valid name: the launcher puts colloquy-spark on the classpath when asked for it
                List<String> valid = new java.util.ArrayList<>(PipelineEngines.names());
                if (!valid.contains("spark")) {
                    valid.add("spark");
                }
                err.println("colloquy run: no engine '" + engine + "' on the classpath (valid: " + String.join(", ", valid)
                        + (engine.equals("spark") ? "; the launcher adds Spark when --engine spark is given:"
                        + " use ./colloquy, or see docs/spark.md" : "") + ")");
                return ExitCodes.USAGE;
            }
            Map<String, String> options = new java.util.HashMap<>();
            if (master != null) {
                options.put("master", master);
            }
            options.put("parquet", Boolean.toString(parquet));
            RunOptions runOptions = new RunOptions(resume, progress == null ? RunListener.NONE : progress, options);
            if (engine.equals("local") || out == null || out.contains("://")) {
                summary = found.get().run(config, runOptions); // the local runner holds its directory itself
            } else {
                // other engines get the local runner's lock and completion marker here (issue 13)
                try (RunDirectory claimed = RunDirectory.claim(Path.of(out))) {
                    summary = found.get().run(config, runOptions);
                    List<String> set = new java.util.ArrayList<>(summary.outputs());
                    set.add("stats.json");
                    if (Files.exists(Path.of(out, "report.html"))) {
                        set.add("report.html");
                    }
                    claimed.complete(set);
                }
            }
        } catch (IllegalArgumentException e) {
            err.println("colloquy run: " + e.getMessage());
            return ExitCodes.USAGE;
        } catch (ConfigException e) {
            err.println("colloquy run: " + e.getMessage());
            return ExitCodes.USAGE;
        } catch (IOException e) {
            err.println("colloquy run: cannot write the outputs: " + dev.colloquy.io.IoMessages.describe(e));
            return ExitCodes.INPUT_PROBLEMS;
        } catch (UncheckedIOException e) {
            err.println("colloquy run: cannot write the outputs: " + dev.colloquy.io.IoMessages.describe(e));
            return ExitCodes.INPUT_PROBLEMS;
        } catch (IllegalStateException e) {
            err.println("colloquy run: " + e.getMessage());
            return ExitCodes.INPUT_PROBLEMS;
        } finally {
            Runtime.getRuntime().removeShutdownHook(hint);
        }
        printSummary(err, config, summary);
        // The one rule of every command: input that could not be read exits 1 (it is in the quarantine);
        // records set aside by the pipeline's steps are curation and exit 0.
        return summary.stats().unreadable() > 0 ? ExitCodes.INPUT_PROBLEMS : ExitCodes.OK;
    }

    /** The files the configured local inputs expand to (URIs such as {@code hdfs://} are the engine's to read). */
    private static List<String> localInputNames(PipelineConfig config) {
        List<String> local = config.input().paths().stream().filter(p -> !p.contains("://")).toList();
        return dev.colloquy.io.InputSources.expand(local).stream().map(dev.colloquy.io.InputSource::name).toList();
    }

    /**
     * "R records in + B blank lines = L lines read; " when every record came from a JSON Lines line (the runner
     * checked each such input's lines against its records); with transcripts or JSON arrays among the inputs only
     * the JSON Lines part is line-counted, and said so.
     */
    private static String lineAccounting(RunStats st) {
        if (st.linesRead() == 0 && st.blankLines() == 0) {
            return "";
        }
        if (st.recordsIn() + st.blankLines() == st.linesRead()) {
            return String.format(Locale.ROOT, "%d records in + %d blank lines = %d lines read; ", st.recordsIn(),
                    st.blankLines(), st.linesRead());
        }
        return String.format(Locale.ROOT, "JSON Lines inputs: %d lines read, %d of them blank; ", st.linesRead(),
                st.blankLines());
    }

    private static void printSummary(PrintWriter err, PipelineConfig config, RunSummary s) {
        RunStats st = s.stats();
        err.printf(Locale.ROOT, "colloquy run: %d records in, %d kept, %d quarantined%s%n", st.recordsIn(), st.kept(),
                st.quarantined(), st.blankLines() > 0 ? String.format(Locale.ROOT, "; %d blank lines skipped",
                        st.blankLines()) : "");
        for (Map.Entry<String, Map<String, Long>> step : st.rejections().entrySet()) {
            step.getValue().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(r ->
                    err.printf(Locale.ROOT, "  %-28s %8d%n", step.getKey() + "/" + r.getKey(), r.getValue()));
        }
        err.printf(Locale.ROOT, "accounting: %s%d in = %d kept + %d quarantined: %s%n", lineAccounting(st),
                st.recordsIn(), st.kept(), st.quarantined(), st.balanced() ? "ok" : "MISMATCH");
        double mb = s.inputBytes() / 1e6;
        err.printf(Locale.ROOT, "%.1f MB in %.1f s (%.2f MB/s, %.0f records/s); outputs in %s: %s%n", mb, s.seconds(),
                s.seconds() > 0 ? mb / s.seconds() : 0, s.seconds() > 0 ? st.recordsIn() / s.seconds() : 0,
                config.output().dir(), String.join(", ", s.outputs()) + ", stats.json"
                + (Files.exists(Path.of(config.output().dir(), "report.html")) ? ", report.html" : ""));
        if (st.unreadable() > 0) {
            err.printf(Locale.ROOT, "%d input record(s) could not be read; see quarantine.jsonl (step 'read')%n",
                    st.unreadable());
        }
    }
}
