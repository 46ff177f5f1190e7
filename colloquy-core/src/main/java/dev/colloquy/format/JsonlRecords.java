package dev.colloquy.format;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonLocation;
import dev.colloquy.model.SourcePosition;
import java.util.Map;

/**
 * Reads one JSON Lines record: a pure function of the line, usable wherever lines come from (the local reader,
 * Spark). The shape is detected per line: a {@code messages} list makes it OpenAI, a {@code conversations} list
 * ShareGPT. Never throws for bad input; every problem is a {@link ReadResult.Bad} with a reason and the record
 * (the parsed JSON when it parsed, else the line itself).
 */
public final class JsonlRecords {

    private JsonlRecords() {
    }

    /** Parses {@code line}, detecting OpenAI or ShareGPT. */
    public static ReadResult parse(String line, SourcePosition pos, RoleMap roles) {
        return parse(line, pos, roles, InputFormat.AUTO);
    }

    /** Parses {@code line} as {@code format} ({@link InputFormat#AUTO} detects; TRANSCRIPT is treated as AUTO). */
    public static ReadResult parse(String line, SourcePosition pos, RoleMap roles, InputFormat format) {
        if (line.isBlank()) {
            return ReadResult.bad(pos, ReadReason.NO_MESSAGES, "the line is blank", line);
        }
        String junk = TextChecks.binaryJunk(line);
        if (junk != null) {
            return ReadResult.bad(pos, ReadReason.BINARY_JUNK, junk, line);
        }
        return parseChecked(line, pos, roles, format);
    }

    /** Parses a non-blank line whose bytes were already checked for binary junk. */
    static ReadResult parseChecked(String line, SourcePosition pos, RoleMap roles, InputFormat format) {
        Object value;
        try {
            value = Json.STRICT_READER.readValue(line);
        } catch (JsonProcessingException e) {
            if (Json.isDuplicateKey(e)) {
                return ReadResult.bad(pos, ReadReason.DUPLICATE_KEY, duplicateMessage(e), line);
            }
            return ReadResult.bad(pos, ReadReason.MALFORMED_JSON, describe(e), line);
        }
        return fromValue(value, pos, roles, format);
    }

    /** Builds a conversation from an already-parsed JSON value. */
    static ReadResult fromValue(Object value, SourcePosition pos, RoleMap roles, InputFormat format) {
        if (!(value instanceof Map<?, ?> raw)) {
            return ReadResult.bad(pos, ReadReason.NOT_AN_OBJECT,
                    "expected a JSON object, found " + JsonTypes.describe(value), value);
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> rec = roles.columns().rename((Map<String, Object>) raw);
        if (PairLayouts.answerKeys(rec.keySet()) != null) {
            return Layouts.decode(rec, pos, roles); // a pair's shape is the same whichever --from names it
        }
        return switch (format) {
            case OPENAI -> RecordDecoder.openAi(rec, pos, roles);
            case SHAREGPT -> RecordDecoder.shareGpt(rec, pos, roles);
            default -> Layouts.decode(rec, pos, roles);
        };
    }

    static String duplicateMessage(JsonProcessingException e) {
        String key = e.getOriginalMessage().substring("Duplicate field ".length());
        return "the key " + Excerpt.of(key) + " appears twice in one object; a JSON reader would keep only one of"
                + " its values, so the record is set aside whole";
    }

    /**
     * Builds a conversation from a JSON-like record (maps, lists, strings, numbers) parsed elsewhere, such as a
     * Parquet or Spark row: the same decoder as for a JSON line, so every layout reads the same everywhere.
     */
    public static ReadResult fromRecord(Map<String, Object> record, SourcePosition pos, RoleMap roles,
                                        InputFormat format) {
        // Tables hold our meta as a JSON string column; read it back as the object it holds.
        if (record.get(MetaKeys.META) instanceof String s && s.startsWith("{")) {
            try {
                Object meta = Json.MAPPER.readValue(s, Object.class);
                record = new java.util.LinkedHashMap<>(record);
                record.put(MetaKeys.META, meta);
            } catch (JsonProcessingException e) {
                // not JSON after all: it stays a string field in the metadata
            }
        }
        return fromValue(record, pos, roles, format);
    }

    /** Whether a record with these top-level keys (after the column mapping) has a layout {@code format} reads. */
    static boolean hasLayout(java.util.Collection<String> keys, RoleMap roles, InputFormat format) {
        java.util.Set<String> mapped = new java.util.HashSet<>();
        keys.forEach(k -> mapped.add(roles.columns().ours(k)));
        return switch (format) {
            case OPENAI -> mapped.contains("messages");
            case SHAREGPT -> mapped.contains("conversations");
            default -> Layouts.of(mapped) != null;
        } || PairLayouts.answerKeys(mapped) != null;
    }

    /** The layouts a record can have, for messages about records that have none. */
    static final String LAYOUT_HELP = Layouts.HELP;

    static String describe(JsonProcessingException e) {
        JsonLocation loc = e.getLocation();
        String where = loc == null || loc.getColumnNr() < 0 ? "" : " at column " + loc.getColumnNr();
        String msg = e.getOriginalMessage();
        int nl = msg.indexOf('\n');
        if (nl >= 0) {
            msg = msg.substring(0, nl);
        }
        return "invalid JSON" + where + ": " + Excerpt.of(msg);
    }
}
