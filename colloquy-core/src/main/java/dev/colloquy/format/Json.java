package dev.colloquy.format;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;

/** The one Jackson mapper of this package: configured once, immutable and thread-safe thereafter. */
final class Json {

    static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
            .build();

    /** Reads one value out of a longer stream (a JSON array's element), where trailing tokens are expected. */
    static final ObjectReader ELEMENT_READER = MAPPER.readerFor(Object.class)
            .without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    /** Reads one record, refusing objects that name a key twice (issue 13: the first list was dropped silently). */
    static final ObjectReader STRICT_READER = MAPPER.readerFor(Object.class)
            .with(StreamReadFeature.STRICT_DUPLICATE_DETECTION);

    /** Whether {@code e} is the parser's duplicate-key error. */
    static boolean isDuplicateKey(JsonProcessingException e) {
        return e instanceof JsonParseException && e.getOriginalMessage() != null
                && e.getOriginalMessage().startsWith("Duplicate field");
    }

    /**
     * The first key named twice in one object of the buffered value, or null. Keys are compared per object, at
     * every depth, as STRICT_DUPLICATE_DETECTION does.
     */
    static String duplicateKey(JsonParser p) throws IOException {
        java.util.ArrayDeque<java.util.Set<String>> open = new java.util.ArrayDeque<>();
        JsonToken t;
        while ((t = p.nextToken()) != null) {
            switch (t) {
                case START_OBJECT -> open.push(new java.util.HashSet<>());
                case END_OBJECT -> open.pop();
                case FIELD_NAME -> {
                    if (!open.peek().add(p.currentName())) {
                        return p.currentName();
                    }
                }
                default -> {
                }
            }
        }
        return null;
    }

    private Json() {
    }
}
