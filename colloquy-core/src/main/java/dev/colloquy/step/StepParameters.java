package dev.colloquy.step;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * The parameters of one step as written in the config, read with typed getters that name the step and the
 * key in their errors. A YAML 1.1 boolean word ({@link YamlBoolean}: off, no, on, yes) reads as its word where
 * text is wanted and as a boolean where a boolean is. Tracks which keys were read, so a misspelt key is an error instead of a silent default.
 * Not thread-safe; used once, while building a step.
 */
public final class StepParameters {

    private final String step;
    private final Map<String, Object> values;
    private final Set<String> consumed = new LinkedHashSet<>();

    public StepParameters(String step, Map<String, ?> values) {
        this.step = step;
        this.values = values == null ? Map.of() : new LinkedHashMap<>(values);
    }

    public static StepParameters empty(String step) {
        return new StepParameters(step, Map.of());
    }

    public String step() {
        return step;
    }

    public boolean has(String key) {
        return values.containsKey(key);
    }

    public int getInt(String key, int defaultValue) {
        return get(key, defaultValue, "an integer", v -> v instanceof Number n
                && n.doubleValue() == Math.rint(n.doubleValue()) ? Math.toIntExact(n.longValue()) : null);
    }

    public double getDouble(String key, double defaultValue) {
        return get(key, defaultValue, "a number", v -> v instanceof Number n ? n.doubleValue() : null);
    }

    public boolean getBoolean(String key, boolean defaultValue) {
        return get(key, defaultValue, "true or false", v -> v instanceof Boolean b ? b
                : v instanceof YamlBoolean b ? Boolean.valueOf(b.value()) : null);
    }

    public String getString(String key, String defaultValue) {
        return get(key, defaultValue, "a string", v -> v instanceof String s ? s
                : v instanceof YamlBoolean b ? b.word() : null);
    }

    /** A list of strings; a single string is taken as a list of one. */
    public List<String> getStringList(String key, List<String> defaultValue) {
        return get(key, defaultValue, "a list of strings", StepParameters::stringList);
    }

    private static List<String> stringList(Object v) {
        if (v instanceof String || v instanceof YamlBoolean) {
            return List.of(v.toString());
        }
        if (!(v instanceof List<?> list)) {
            return null;
        }
        List<String> out = new ArrayList<>();
        for (Object o : list) {
            if (!(o instanceof String || o instanceof YamlBoolean)) {
                return null;
            }
            out.add(o.toString());
        }
        return List.copyOf(out);
    }

    /**
     * The value of {@code key} as {@code read} converts it (null when it is not {@code expected}), or
     * {@code defaultValue} when the key is absent.
     */
    private <T> T get(String key, T defaultValue, String expected, Function<Object, T> read) {
        Object v = take(key);
        if (v == null) {
            return defaultValue;
        }
        T t = read.apply(v);
        if (t == null) {
            throw wrongType(key, v, expected);
        }
        return t;
    }

    /** Rejects any key that no getter read: "Unknown parameter(s) for step 'x': y (valid: a, b)". */
    public void requireAllConsumed(Set<String> valid) {
        Set<String> unknown = new TreeSet<>(values.keySet());
        unknown.removeAll(consumed);
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("Unknown parameter(s) for step '" + step + "': "
                    + String.join(", ", unknown) + " (valid: " + String.join(", ", new TreeSet<>(valid)) + ")");
        }
    }

    private Object take(String key) {
        consumed.add(key);
        return values.get(key);
    }

    private IllegalArgumentException wrongType(String key, Object v, String expected) {
        return new IllegalArgumentException("Step '" + step + "': parameter '" + key + "' must be " + expected
                + ", was " + (v instanceof String ? "'" + v + "'" : String.valueOf(v)));
    }
}
