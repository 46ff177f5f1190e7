package dev.colloquy.pipeline;

import dev.colloquy.dedup.DedupConfig;
import dev.colloquy.format.InputFormat;
import dev.colloquy.format.OutputFormat;
import dev.colloquy.io.Compression;
import dev.colloquy.pipeline.steps.PiiAction;
import dev.colloquy.pipeline.steps.StepRegistry;
import java.io.IOException;
import java.io.Reader;
import java.io.Serializable;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A validated {@code PIPELINE.yaml}: where to read, which steps to run, how to deduplicate, where to write.
 * Immutable and serializable, so the Spark engine ships the same configuration to its executors.
 * Relative input paths and the output directory are resolved against the directory of the config file.
 *
 * @param file    the config's name as used in messages
 * @param input   inputs, their format and role mapping
 * @param steps   the per-conversation steps, in order (repair, signals, filters)
 * @param dedup   the dedup corpus step's settings; {@link DedupSpec#OFF} when the file has none
 * @param output  where and how the outputs are written
 * @param runner  local engine settings
 */
public record PipelineConfig(String file, InputSpec input, List<StepSpec> steps, DedupSpec dedup,
                             OutputSpec output, RunnerSpec runner) implements Serializable {

    public PipelineConfig {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(input, "input");
        steps = List.copyOf(steps);
        Objects.requireNonNull(dedup, "dedup");
        Objects.requireNonNull(output, "output");
        Objects.requireNonNull(runner, "runner");
    }

    /** Reads and validates a config file; throws {@link ConfigException} naming the line of any problem. */
    public static PipelineConfig load(Path path) {
        try {
            long size = Files.size(path);
            if (size > YamlTree.MAX_CHARS) {
                // checked before reading: a 30 MB comment took the YAML parser 242 s and 1.6 GB
                throw new ConfigException(String.format(java.util.Locale.ROOT, "%s: the pipeline file is %,d bytes;"
                        + " a pipeline file may hold at most %,d (is this the right file?)", path, size,
                        YamlTree.MAX_CHARS));
            }
        } catch (IOException e) {
            throw new ConfigException(path + ": cannot read the pipeline file (" + e.getMessage() + ")");
        }
        try (Reader in = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            Path base = path.toAbsolutePath().getParent();
            return parse(path.toString(), in, base);
        } catch (IOException e) {
            throw new ConfigException(path + ": cannot read the pipeline file (" + e.getMessage() + ")");
        }
    }

    /** Validates YAML text; relative paths resolve against {@code base}. */
    public static PipelineConfig parse(String file, String yaml, Path base) {
        return parse(file, new StringReader(yaml), base);
    }

    static PipelineConfig parse(String file, Reader in, Path base) {
        return new ConfigReader(file, base, StepRegistry.defaults()).read(new YamlTree(file).read(in));
    }

    /**
     * Whether a step redacts personal data ({@code pii_redact}, or {@code pii_action} with action {@code redact},
     * its default): then every string that leaves the run is redacted, not only the turns (see
     * {@link RedactingCodec}).
     */
    public boolean redactsPii() {
        for (StepSpec s : steps) {
            if (s.name().equals(dev.colloquy.signals.PiiRedactor.NAME)) {
                return true;
            }
            // the factory's own parse: ConfigReader has already built this step, so the value is valid
            if (s.name().equals(PiiAction.NAME) && PiiAction.Action.parse(String.valueOf(
                    s.parameters().getOrDefault("action", "redact"))) == PiiAction.Action.REDACT) {
                return true;
            }
        }
        return false;
    }

    /** This config reading {@code paths} instead (a command line's {@code --input}). */
    public PipelineConfig withInputs(List<String> paths) {
        return new PipelineConfig(file, new InputSpec(paths, input.format(), input.roles(), input.columns()), steps, dedup, output,
                runner);
    }

    /**
     * What a run of this pipeline is about to do, in one line for the start of a run: the steps, dedup, the
     * inputs and what is written where.
     */
    public String plan() {
        return String.format(java.util.Locale.ROOT, "%d step(s)%s on %s; writing %s to %s", steps.size(),
                dedup.enabled() ? " + dedup (" + dedup.mode().cliName() + ")" : "",
                String.join(", ", input.paths()), output.format().cliName(), output.dir());
    }

    public PipelineConfig withOutputDir(String dir) {
        return new PipelineConfig(file, input, steps, dedup,
                new OutputSpec(dir, output.format(), output.shardSize(), output.compression(),
                        output.names(), output.sharegptRoles()), runner);
    }

    /** This configuration writing kept records as {@code format}; Parquet compresses its own pages. */
    public PipelineConfig withOutputFormat(OutputFormat format) {
        return new PipelineConfig(file, input, steps, dedup, new OutputSpec(output.dir(), format, output.shardSize(),
                format == OutputFormat.PARQUET ? Compression.NONE : output.compression(), output.names(),
                output.sharegptRoles()), runner);
    }

    public PipelineConfig withThreads(int threads) {
        return new PipelineConfig(file, input, steps, dedup, output, new RunnerSpec(threads, runner.chunkSize()));
    }

    public PipelineConfig withChunkSize(int chunkSize) {
        return new PipelineConfig(file, input, steps, dedup, output, new RunnerSpec(runner.threads(), chunkSize));
    }

    /** Builds the per-conversation step chain; each step is created by its factory in the registry. */
    public StepChain stepChain(StepRegistry registry) {
        return new ConfigReader(file, null, registry).chain(steps);
    }

    /**
     * @param paths  files, directories or globs, absolute or relative to the working directory
     * @param format  what the inputs hold; {@link InputFormat#AUTO} detects it per file
     * @param roles   a role map like {@code A=user,B=assistant}, or null for the default
     * @param columns a column mapping like {@code messages=dialog,content=text}, or null for none
     */
    public record InputSpec(List<String> paths, InputFormat format, String roles, String columns)
            implements Serializable {
        public InputSpec {
            paths = List.copyOf(paths);
            Objects.requireNonNull(format, "format");
        }

        public InputSpec(List<String> paths, InputFormat format, String roles) {
            this(paths, format, roles, null);
        }

        /** How the inputs name things: roles and columns, as readers take them. */
        public dev.colloquy.format.RoleMap roleMap() {
            return dev.colloquy.format.RoleMap.parse(roles).withColumns(dev.colloquy.format.Columns.parse(columns));
        }
    }

    /**
     * One step as configured.
     *
     * @param name       the step's registry name
     * @param parameters its parameters (plain maps, lists and scalars)
     * @param line       the line of its {@code step:} entry, for errors
     * @param keyLines   the line of each parameter key
     */
    public record StepSpec(String name, Map<String, Object> parameters, int line, Map<String, Integer> keyLines)
            implements Serializable {
        public StepSpec {
            Objects.requireNonNull(name, "name");
            // File order, not Map.copyOf's per-JVM order: the config's text form feeds the resume fingerprint.
            parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
            keyLines = Collections.unmodifiableMap(new LinkedHashMap<>(keyLines));
        }
    }

    /**
     * The dedup corpus step's parameters as written; {@code mode} is {@link Mode#BOTH} by default when a dedup
     * section is present. The dedup package interprets the other parameters.
     */
    public record DedupSpec(Mode mode, Map<String, Object> parameters) implements Serializable {
        public static final DedupSpec OFF = new DedupSpec(Mode.OFF, Map.of());

        /** The dedup modes a pipeline file may name: the dedup package's, and {@code off}. */
        public enum Mode {
            OFF, EXACT, NEAR, BOTH;

            /** The name used in pipeline files. */
            public String cliName() {
                return name().toLowerCase(java.util.Locale.ROOT);
            }

            /** The dedup package's mode; throws for {@link #OFF}, which runs no dedup step at all. */
            DedupConfig.Mode dedupMode() {
                if (this == OFF) {
                    throw new IllegalStateException("dedup mode off runs no dedup step");
                }
                return DedupConfig.Mode.valueOf(name());
            }
        }

        public DedupSpec {
            Objects.requireNonNull(mode, "mode");
            parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
        }

        public boolean enabled() {
            return mode != Mode.OFF;
        }
    }

    /**
     * @param dir         the output directory
     * @param format      how kept records are written
     * @param shardSize   kept records per shard file; 0 writes one {@code kept.jsonl}
     * @param compression how JSON Lines outputs are compressed; always {@link Compression#NONE} for Parquet
     * @param names       OpenAI messages also carry the speaker label as {@code name} ({@code output.names})
     * @param sharegptRoles ShareGPT's vocabulary, {@code ROLE=FROM,...} ({@code output.sharegpt_roles}), or null
     */
    public record OutputSpec(String dir, OutputFormat format, int shardSize, Compression compression, boolean names,
                             String sharegptRoles) implements Serializable {
        public OutputSpec {
            Objects.requireNonNull(format, "format");
            Objects.requireNonNull(compression, "compression");
        }

        public OutputSpec(String dir, OutputFormat format, int shardSize, Compression compression) {
            this(dir, format, shardSize, compression, false, null);
        }

        /** How the kept records name things, as writers take it. */
        public dev.colloquy.format.OutputStyle style() {
            return dev.colloquy.format.OutputStyle.of(names, sharegptRoles);
        }
    }

    /**
     * @param threads   worker threads; 0 uses every core
     * @param chunkSize records per chunk: the unit of parallel work and of checkpoints for {@code --resume}
     */
    public record RunnerSpec(int threads, int chunkSize) implements Serializable {
    }
}
