package dev.colloquy.step;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

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
        Object v = take(key);
        if (v == null) {
            return defaultValue;
        }
        if (v instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())) {
            return Math.toIntExact(n.longValue());
        }
        throw wrongType(key, v, "an integer");
    }

    public double getDouble(String key, double defaultValue) {
        Object v = take(key);
        if (v == null) {
            return defaultValue;
        }
        if (v instanceof Number n) {
            return n.doubleValue();
        }
        throw wrongType(key, v, "a number");
    }

    public boolean getBoolean(String key, boolean defaultValue) {
        Object v = take(key);
        if (v == null) {
            return defaultValue;
        }
        if (v instanceof Boolean b) {
            return b;
        }
        if (v instanceof YamlBoolean b) {
            return b.value();
        }
        throw wrongType(key, v, "true or false");
    }

    public String getString(String key, String defaultValue) {
        Object v = take(key);
        if (v == null) {
            return defaultValue;
        }
        if (v instanceof String s) {
            return s;
        }
        if (v instanceof YamlBoolean b) {
            return b.word();
        }
        throw wrongType(key, v, "a string");
    }

    /** A list of strings; a single string is taken as a list of one. */
    public List<String> getStringList(String key, List<String> defaultValue) {
        Object v = take(key);
        if (v == null) {
            return defaultValue;
        }
        if (v instanceof String || v instanceof YamlBoolean) {
            return List.of(v.toString());
        }
        if (v instanceof List<?> list) {
            List<String> out = new ArrayList<>();
            for (Object o : list) {
                if (!(o instanceof String || o instanceof YamlBoolean)) {
                    throw wrongType(key, v, "a list of strings");
                }
                out.add(o.toString());
            }
            return List.copyOf(out);
        }
        throw wrongType(key, v, "a list of strings");
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
