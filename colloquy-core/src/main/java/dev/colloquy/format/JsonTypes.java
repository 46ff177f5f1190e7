package dev.colloquy.format;

import java.util.List;
import java.util.Map;

/** Names JSON value types the way a person reads them in a message. */
final class JsonTypes {

    private JsonTypes() {
    }

    static String describe(Object v) {
        if (v == null) {
            return "null";
        }
        if (v instanceof Map) {
            return "an object";
        }
        if (v instanceof List) {
            return "an array";
        }
        if (v instanceof String s) {
            return "the string " + Excerpt.quote(s);
        }
        if (v instanceof Boolean b) {
            return "the boolean " + b;
        }
        if (v instanceof Number n) {
            return "the number " + n;
        }
        return v.getClass().getSimpleName();
    }
}
