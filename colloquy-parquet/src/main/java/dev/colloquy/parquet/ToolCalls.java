package dev.colloquy.parquet;

import java.util.List;
import java.util.Map;
import java.util.Set;

/** OpenAI's tool_calls shape, [{id, type, function: {name, arguments}}] with string values, as Parquet columns. */
final class ToolCalls {

    private static final Set<String> CALL_KEYS = Set.of("id", "type", "function");
    private static final Set<String> FUNCTION_KEYS = Set.of("name", "arguments");

    private ToolCalls() {
    }

    /** Whether {@code value} is a non-empty list of tool calls that the typed columns hold exactly. */
    static boolean typed(Object value) {
        if (!(value instanceof List<?> calls) || calls.isEmpty()) {
            return false;
        }
        for (Object c : calls) {
            if (!(c instanceof Map<?, ?> call) || !CALL_KEYS.containsAll(call.keySet())) {
                return false;
            }
            for (String k : List.of("id", "type")) {
                if (call.containsKey(k) && !(call.get(k) instanceof String)) {
                    return false;
                }
            }
            if (call.containsKey("function")) {
                if (!(call.get("function") instanceof Map<?, ?> f) || !FUNCTION_KEYS.containsAll(f.keySet())) {
                    return false;
                }
                for (Object v : f.values()) {
                    if (!(v instanceof String)) {
                        return false;
                    }
                }
            }
        }
        return true;
    }
}
