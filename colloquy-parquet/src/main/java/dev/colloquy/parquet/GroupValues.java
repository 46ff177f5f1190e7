package dev.colloquy.parquet;

import dev.colloquy.io.Utf8;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.schema.GroupType;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.Type;

/*
 * A Parquet row as a JSON-like value, the form our record decoder reads: LIST-annotated groups become lists
 * (the standard three-level form and the legacy two-level one), MAP-annotated groups maps, other groups maps of
 * their fields, strings (STRING, ENUM, JSON annotations) strings, other binaries base64 text, numbers numbers.
 *
 * A null field of a struct is left out rather than written as null: Parquet gives a struct every field of its
 * schema on every row, so a tool_calls column would otherwise appear, null, on every message. "content" and
 * "value" keep their null, since a null content means something (an assistant turn holding only tool calls).
 */
final class GroupValues {

    private GroupValues() {
    }

    /** The fields of a top-level row, nulls left out. */
    static Map<String, Object> row(Group g) {
        return struct(g, g.getType());
    }

    private static Map<String, Object> struct(Group g, GroupType type) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (int i = 0; i < type.getFieldCount(); i++) {
            Type field = type.getType(i);
            String name = field.getName();
            int n = g.getFieldRepetitionCount(i);
            if (field.isRepetition(Type.Repetition.REPEATED)) {
                List<Object> values = new ArrayList<>(n);
                for (int j = 0; j < n; j++) {
                    values.add(value(g, i, j, field));
                }
                out.put(name, values);
            } else if (n > 0) {
                out.put(name, value(g, i, 0, field));
            } else if (name.equals("content") || name.equals("value")) {
                out.put(name, null);
            }
        }
        return out;
    }

    private static Object value(Group g, int field, int index, Type type) {
        if (type.isPrimitive()) {
            return primitive(g, field, index, type.asPrimitiveType());
        }
        Group child = g.getGroup(field, index);
        GroupType gt = type.asGroupType();
        LogicalTypeAnnotation a = gt.getLogicalTypeAnnotation();
        if (a instanceof LogicalTypeAnnotation.ListLogicalTypeAnnotation) {
            return list(child, gt);
        }
        if (a instanceof LogicalTypeAnnotation.MapLogicalTypeAnnotation
                || a instanceof LogicalTypeAnnotation.MapKeyValueTypeAnnotation) {
            return map(child, gt);
        }
        return struct(child, gt);
    }

    /** LIST: one repeated field; three-level (repeated group holding one element) or legacy two-level. */
    private static List<Object> list(Group g, GroupType listType) {
        Type repeated = listType.getType(0);
        int n = g.getFieldRepetitionCount(0);
        List<Object> out = new ArrayList<>(n);
        boolean threeLevel = !repeated.isPrimitive() && repeated.asGroupType().getFieldCount() == 1
                && !repeated.getName().equals("array") && !repeated.getName().endsWith("_tuple");
        for (int j = 0; j < n; j++) {
            if (threeLevel) {
                Group wrapper = g.getGroup(0, j);
                Type element = repeated.asGroupType().getType(0);
                out.add(wrapper.getFieldRepetitionCount(0) == 0 ? null : value(wrapper, 0, 0, element));
            } else {
                out.add(value(g, 0, j, repeated));
            }
        }
        return out;
    }

    private static Map<String, Object> map(Group g, GroupType mapType) {
        Map<String, Object> out = new LinkedHashMap<>();
        GroupType kv = mapType.getType(0).asGroupType();
        int n = g.getFieldRepetitionCount(0);
        for (int j = 0; j < n; j++) {
            Group entry = g.getGroup(0, j);
            Object key = value(entry, 0, 0, kv.getType(0));
            Object v = kv.getFieldCount() > 1 && entry.getFieldRepetitionCount(1) > 0
                    ? value(entry, 1, 0, kv.getType(1)) : null;
            out.put(String.valueOf(key), v);
        }
        return out;
    }

    /** Strict UTF-8 (io.Utf8, the one validator): text is never passed on with replacement characters silently. */
    private static String utf8(byte[] bytes, String column) {
        if (!Utf8.isValid(bytes, 0, bytes.length)) {
            throw new InvalidTextException("column " + column + " holds bytes that are not UTF-8");
        }
        return new String(bytes, StandardCharsets.UTF_8);
    }

    /** A string column whose bytes are not UTF-8. */
    static final class InvalidTextException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        InvalidTextException(String message) {
            super(message);
        }
    }

    private static Object primitive(Group g, int field, int index, PrimitiveType type) {
        LogicalTypeAnnotation a = type.getLogicalTypeAnnotation();
        switch (type.getPrimitiveTypeName()) {
            case BOOLEAN:
                return g.getBoolean(field, index);
            case INT32:
                return g.getInteger(field, index);
            case INT64:
                return g.getLong(field, index);
            case FLOAT:
                return g.getFloat(field, index);
            case DOUBLE:
                return g.getDouble(field, index);
            case BINARY:
                byte[] bytes = g.getBinary(field, index).getBytes();
                boolean text = a instanceof LogicalTypeAnnotation.StringLogicalTypeAnnotation
                        || a instanceof LogicalTypeAnnotation.EnumLogicalTypeAnnotation
                        || a instanceof LogicalTypeAnnotation.JsonLogicalTypeAnnotation;
                return text ? utf8(bytes, type.getName()) : Base64.getEncoder().encodeToString(bytes);
            default:
                return Base64.getEncoder().encodeToString(g.getBinary(field, index).getBytes());
        }
    }
}
