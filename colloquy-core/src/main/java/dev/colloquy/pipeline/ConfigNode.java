package dev.colloquy.pipeline;

import dev.colloquy.step.YamlBoolean;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A value of the YAML tree with the line it starts on, so validation can point at the offending key.
 * Scalars hold String, Long, Double, {@link YamlBoolean} (a boolean with the word written) or null.
 */
sealed interface ConfigNode {

    int line();

    /** The plain Java value (maps, lists, scalars) without locations, as step parameters take it. */
    Object plain();

    /** What a person calls this kind of value in an error message. */
    String kind();

    record Scalar(Object value, int line) implements ConfigNode {
        @Override
        public Object plain() {
            return value;
        }

        @Override
        public String kind() {
            if (value == null) {
                return "empty";
            }
            if (value instanceof String s) {
                return "the text '" + s + "'";
            }
            return value instanceof YamlBoolean b ? "a boolean (" + b.word() + ")" : "the number " + value;
        }
    }

    record Seq(List<ConfigNode> items, int line) implements ConfigNode {
        @Override
        public Object plain() {
            List<Object> out = new ArrayList<>();
            for (ConfigNode n : items) {
                out.add(n.plain());
            }
            return out;
        }

        @Override
        public String kind() {
            return "a list";
        }
    }

    /** A mapping; {@code keyLines} gives the line of each key. */
    record Mapping(Map<String, ConfigNode> entries, Map<String, Integer> keyLines, int line) implements ConfigNode {
        @Override
        public Object plain() {
            Map<String, Object> out = new LinkedHashMap<>();
            entries.forEach((k, v) -> out.put(k, v.plain()));
            return out;
        }

        @Override
        public String kind() {
            return "a mapping";
        }

        int lineOf(String key) {
            return keyLines.getOrDefault(key, line);
        }
    }
}
