package dev.colloquy.pipeline;

import dev.colloquy.format.OutputStyle;
import dev.colloquy.step.YamlBoolean;
import dev.colloquy.pipeline.steps.StepRegistry;
import dev.colloquy.step.StepParameters;
import dev.colloquy.step.StepFactory;
import dev.colloquy.step.Step;
import dev.colloquy.format.Columns;
import dev.colloquy.format.InputFormat;
import dev.colloquy.format.OutputFormat;
import dev.colloquy.io.Compression;
import dev.colloquy.format.RoleMap;
import dev.colloquy.pipeline.PipelineConfig.DedupSpec;
import dev.colloquy.pipeline.PipelineConfig.InputSpec;
import dev.colloquy.pipeline.PipelineConfig.OutputSpec;
import dev.colloquy.pipeline.PipelineConfig.RunnerSpec;
import dev.colloquy.pipeline.PipelineConfig.StepSpec;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * Validates the YAML tree of a pipeline file against its schema (documented in docs/pipeline.md and
 * docs/pipeline.schema.json), hand-written so every error carries the line of the offending key.
 */
final class ConfigReader {

    static final List<String> TOP_KEYS = List.of("input", "steps", "dedup", "output", "runner");
    static final List<String> INPUT_KEYS = List.of("paths", "format", "roles", "columns");
    static final List<String> OUTPUT_KEYS = List.of("dir", "format", "shard_size", "compression", "names",
            "sharegpt_roles");
    static final List<String> RUNNER_KEYS = List.of("threads", "chunk_size");
    static final List<String> DEDUP_KEYS = List.of("mode", "scope", "shingle_size", "num_perm", "bands", "rows",
            "threshold", "seed", "max_bucket_comparisons");
    static final int DEFAULT_CHUNK_SIZE = 500;

    private final String file;
    private final Path base;
    private final StepRegistry registry;

    ConfigReader(String file, Path base, StepRegistry registry) {
        this.file = file;
        this.base = base;
        this.registry = registry;
    }

    PipelineConfig read(ConfigNode root) {
        ConfigNode.Mapping top = mapping(root, "the pipeline file");
        checkKeys(top, TOP_KEYS, "the pipeline file");
        InputSpec input = input(top);
        List<StepSpec> steps = steps(top);
        DedupSpec dedup = dedup(top);
        OutputSpec output = output(top);
        RunnerSpec runner = runner(top);
        PipelineConfig config = new PipelineConfig(file, input, steps, dedup, output, runner);
        chain(steps); // builds every step once, so a bad parameter fails here, with its line
        return config;
    }

    StepChain chain(List<StepSpec> specs) {
        List<Step> steps = new ArrayList<>();
        for (StepSpec s : specs) {
            StepFactory f = registry.factory(s.name()).orElseThrow(() -> ConfigException.at(file, s.line(),
                    "unknown step '" + s.name() + "' (valid: " + String.join(", ", registry.names()) + ")"));
            Set<String> unknown = new TreeSet<>(s.parameters().keySet());
            unknown.removeAll(f.parameters());
            if (!unknown.isEmpty()) {
                String key = unknown.iterator().next();
                throw ConfigException.at(file, s.keyLines().getOrDefault(key, s.line()), "unknown key '" + key
                        + "' in step '" + s.name() + "' (valid: " + String.join(", ", new TreeSet<>(f.parameters()))
                        + ")");
            }
            try {
                StepParameters p = new StepParameters(s.name(), s.parameters());
                Step step = f.create(p);
                p.requireAllConsumed(f.parameters());
                steps.add(step);
            } catch (IllegalArgumentException e) {
                throw ConfigException.at(file, lineNamed(s, e.getMessage()), e.getMessage());
            }
        }
        return new StepChain(steps);
    }

    /** The line of the parameter a factory's message names ('key'), else the step's own line. */
    private static int lineNamed(StepSpec s, String message) {
        String m = message == null ? "" : message;
        for (Map.Entry<String, Integer> e : s.keyLines().entrySet()) {
            if (m.contains("'" + e.getKey() + "'")) {
                return e.getValue();
            }
        }
        return s.line();
    }

    private InputSpec input(ConfigNode.Mapping top) {
        ConfigNode n = top.entries().get("input");
        if (n == null) {
            return new InputSpec(List.of(), InputFormat.AUTO, null);
        }
        ConfigNode.Mapping m = mapping(n, "input");
        checkKeys(m, INPUT_KEYS, "input");
        List<String> paths = new ArrayList<>();
        ConfigNode p = m.entries().get("paths");
        if (p instanceof ConfigNode.Seq seq) {
            for (ConfigNode item : seq.items()) {
                paths.add(resolve(string(item, "input.paths")));
            }
        } else if (p != null) {
            paths.add(resolve(string(p, "input.paths")));
        }
        InputFormat format = choice(m, "format", InputFormat.AUTO, "input");
        String roles = m.entries().containsKey("roles") ? string(m.entries().get("roles"), "input.roles") : null;
        if (roles != null) {
            try {
                RoleMap.parse(roles);
            } catch (IllegalArgumentException e) {
                throw ConfigException.at(file, m.lineOf("roles"), "input.roles: " + e.getMessage());
            }
        }
        String columns = keyValues(m, "input", "columns", Columns::parse);
        return new InputSpec(paths, format, roles, columns);
    }

    private List<StepSpec> steps(ConfigNode.Mapping top) {
        ConfigNode n = top.entries().get("steps");
        if (n == null) {
            return List.of();
        }
        if (!(n instanceof ConfigNode.Seq seq)) {
            throw wrongType(n, "steps", "a list of {step: NAME, ...} entries");
        }
        List<StepSpec> out = new ArrayList<>();
        for (ConfigNode item : seq.items()) {
            ConfigNode.Mapping m = mapping(item, "each entry of steps");
            ConfigNode name = m.entries().get("step");
            if (name == null) {
                throw ConfigException.at(file, m.line(), "a steps entry has no 'step' key naming the step (valid: "
                        + String.join(", ", registry.names()) + ")");
            }
            Map<String, Object> params = new LinkedHashMap<>();
            Map<String, Integer> lines = new LinkedHashMap<>();
            m.entries().forEach((k, v) -> {
                if (!k.equals("step")) {
                    params.put(k, v.plain());
                    lines.put(k, m.lineOf(k));
                }
            });
            out.add(new StepSpec(string(name, "step"), nullsDropped(params), m.lineOf("step"), lines));
        }
        return out;
    }

    private static Map<String, Object> nullsDropped(Map<String, Object> params) {
        Map<String, Object> out = new LinkedHashMap<>();
        params.forEach((k, v) -> {
            if (v != null) {
                out.put(k, v);
            }
        });
        return out;
    }

    private DedupSpec dedup(ConfigNode.Mapping top) {
        ConfigNode n = top.entries().get("dedup");
        if (n == null) {
            return DedupSpec.OFF;
        }
        ConfigNode.Mapping m = mapping(n, "dedup");
        checkKeys(m, DEDUP_KEYS, "dedup");
        DedupSpec.Mode mode = choice(m, "mode", DedupSpec.Mode.BOTH, "dedup");
        Map<String, Object> params = new LinkedHashMap<>();
        m.entries().forEach((k, v) -> {
            if (!k.equals("mode")) {
                if (k.equals("scope")) {
                    params.put(k, string(v, "dedup.scope"));
                } else {
                    params.put(k, number(v, "dedup." + k));
                }
            }
        });
        DedupSpec spec = new DedupSpec(mode, params);
        if (spec.enabled()) {
            try {
                DedupStep.config(spec);
            } catch (IllegalArgumentException e) {
                int line = m.line();
                for (String k : m.entries().keySet()) {
                    if (e.getMessage() != null && e.getMessage().contains("'" + k + "'")) {
                        line = m.lineOf(k);
                        break;
                    }
                }
                throw ConfigException.at(file, line, e.getMessage());
            }
        }
        return spec;
    }

    private OutputSpec output(ConfigNode.Mapping top) {
        ConfigNode n = top.entries().get("output");
        if (n == null) {
            return new OutputSpec(null, OutputFormat.OPENAI, 0, Compression.NONE);
        }
        ConfigNode.Mapping m = mapping(n, "output");
        checkKeys(m, OUTPUT_KEYS, "output");
        String dir = m.entries().containsKey("dir") ? resolve(string(m.entries().get("dir"), "output.dir")) : null;
        OutputFormat format = choice(m, "format", OutputFormat.OPENAI, "output");
        int shard = integer(m, "shard_size", 0, "output");
        Compression compression = choice(m, "compression", Compression.NONE, "output");
        if (shard > 0 && format == OutputFormat.TRANSCRIPT) {
            throw ConfigException.at(file, m.lineOf("shard_size"), "output.shard_size needs a JSON Lines format"
                    + " (openai or sharegpt); transcripts are written to one kept.txt");
        }
        if (format == OutputFormat.PARQUET && compression != Compression.NONE) {
            throw ConfigException.at(file, m.lineOf("compression"), "output.compression applies to JSON Lines;"
                    + " Parquet pages are always compressed (zstd), so leave it out with format: parquet");
        }
        boolean names = false;
        ConfigNode nn = m.entries().get("names");
        if (nn instanceof ConfigNode.Scalar sc && sc.value() instanceof YamlBoolean b) {
            names = b.value();
        } else if (nn instanceof ConfigNode.Scalar sc && sc.value() instanceof Boolean b) {
            names = b;
        } else if (nn != null) {
            throw wrongType(nn, "output.names", "true or false");
        }
        // the ShareGPT vocabulary: a mapping (assistant: bot) or the --sharegpt-roles string, as input.columns
        boolean withNames = names;
        String sharegptRoles = keyValues(m, "output", "sharegpt_roles", v -> OutputStyle.of(withNames, v));
        return new OutputSpec(dir, format, shard, compression, names, sharegptRoles);
    }

    private RunnerSpec runner(ConfigNode.Mapping top) {
        ConfigNode n = top.entries().get("runner");
        if (n == null) {
            return new RunnerSpec(0, DEFAULT_CHUNK_SIZE);
        }
        ConfigNode.Mapping m = mapping(n, "runner");
        checkKeys(m, RUNNER_KEYS, "runner");
        int chunk = integer(m, "chunk_size", DEFAULT_CHUNK_SIZE, "runner");
        if (chunk < 1) {
            throw ConfigException.at(file, m.lineOf("chunk_size"), "runner.chunk_size must be at least 1");
        }
        return new RunnerSpec(integer(m, "threads", 0, "runner"), chunk);
    }

    /** Relative paths are taken from the config file's directory, shown relative to the working directory. */
    private String resolve(String path) {
        if (base == null || path.equals("-") || Paths.get(path).isAbsolute()) {
            return path;
        }
        Path abs = base.resolve(path).normalize();
        Path cwd = Paths.get("").toAbsolutePath();
        String rel = abs.startsWith(cwd) ? cwd.relativize(abs).toString() : abs.toString();
        return rel.isEmpty() ? "." : rel;
    }

    private void checkKeys(ConfigNode.Mapping m, List<String> valid, String where) {
        for (String key : m.entries().keySet()) {
            if (!valid.contains(key)) {
                throw ConfigException.at(file, m.lineOf(key), "unknown key '" + key + "' in " + where + " (valid: "
                        + String.join(", ", valid) + ")");
            }
        }
    }

    private ConfigNode.Mapping mapping(ConfigNode n, String what) {
        if (n instanceof ConfigNode.Mapping m) {
            return m;
        }
        throw wrongType(n, what, "a mapping of keys to values");
    }

    /** A text value; a YAML 1.1 boolean word (off, no, on, yes) is taken as the word written. */
    /**
     * {@code section.key} given as a mapping ({@code messages: dialog}) or in its command-line form
     * ({@code messages=dialog,...}), returned in the command-line form after {@code check} accepted it; null when
     * the key is absent. A value {@code check} rejects is an error at the key's line.
     */
    private String keyValues(ConfigNode.Mapping m, String section, String key, Consumer<String> check) {
        String what = section + "." + key;
        ConfigNode n = m.entries().get(key);
        String value;
        if (n instanceof ConfigNode.Mapping pairs) {
            StringBuilder b = new StringBuilder();
            for (Map.Entry<String, ConfigNode> e : pairs.entries().entrySet()) {
                b.append(b.length() == 0 ? "" : ",").append(e.getKey()).append('=')
                        .append(string(e.getValue(), what + "." + e.getKey()));
            }
            value = b.toString();
        } else {
            value = n == null ? null : string(n, what);
        }
        if (value != null) {
            try {
                check.accept(value);
            } catch (IllegalArgumentException e) {
                throw ConfigException.at(file, m.lineOf(key), what + ": " + e.getMessage());
            }
        }
        return value;
    }

    private String string(ConfigNode n, String what) {
        if (n instanceof ConfigNode.Scalar s && s.value() instanceof YamlBoolean b) {
            return b.word();
        }
        if (n instanceof ConfigNode.Scalar s && s.value() != null) {
            return String.valueOf(s.value());
        }
        throw wrongType(n, what, "a text value");
    }

    private Number number(ConfigNode n, String what) {
        if (n instanceof ConfigNode.Scalar s && s.value() instanceof Number num) {
            return num;
        }
        throw wrongType(n, what, "a number");
    }

    private int integer(ConfigNode.Mapping m, String key, int dflt, String where) {
        ConfigNode n = m.entries().get(key);
        if (n == null) {
            return dflt;
        }
        if (n instanceof ConfigNode.Scalar s && s.value() instanceof Long l && l >= 0 && l <= Integer.MAX_VALUE) {
            return l.intValue();
        }
        throw wrongType(n, where + "." + key, "a whole number >= 0");
    }

    /** One of an enum's constants, written as its lower-case name; the error lists them in declaration order. */
    private <E extends Enum<E>> E choice(ConfigNode.Mapping m, String key, E dflt, String where) {
        ConfigNode n = m.entries().get(key);
        if (n == null) {
            return dflt;
        }
        String v = string(n, where + "." + key);
        List<String> valid = new ArrayList<>();
        for (E e : dflt.getDeclaringClass().getEnumConstants()) {
            String name = e.name().toLowerCase(Locale.ROOT);
            if (name.equals(v)) {
                return e;
            }
            valid.add(name);
        }
        throw ConfigException.at(file, n.line(), where + "." + key + " must be one of " + String.join(", ", valid)
                + ", was '" + v + "'");
    }

    private ConfigException wrongType(ConfigNode n, String what, String expected) {
        return ConfigException.at(file, n.line(), what + " must be " + expected + ", was " + n.kind());
    }
}
