package dev.colloquy.format;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.util.TokenBuffer;
import dev.colloquy.model.SourcePosition;
import java.io.IOException;
import java.io.InputStream;

/**
 * A file holding one JSON array of records (how ShareGPT sets are often shipped), streamed one element at a time.
 * A syntax error ends the file (a JSON parser cannot resynchronize) with one rejection from that point on.
 */
final class JsonArrayIterator extends ResultIterator {

    private final JsonParser parser;
    private final String file;
    private final RoleMap roles;
    private final InputFormat format;
    private boolean started;

    JsonArrayIterator(InputStream in, String file, RoleMap roles, InputFormat format) throws IOException {
        this.parser = Json.MAPPER.createParser(in);
        this.file = file;
        this.roles = roles;
        this.format = format;
    }

    private static String text(TokenBuffer element) throws IOException {
        java.io.StringWriter w = new java.io.StringWriter();
        try (com.fasterxml.jackson.core.JsonGenerator g = Json.MAPPER.createGenerator(w)) {
            element.serialize(g);
        }
        return w.toString();
    }

    @Override
    ReadResult ifNothing() {
        return emptyFile(file);
    }

    @Override
    void fill() {
        long line = parser.currentLocation().getLineNr();
        try {
            if (!started) {
                started = true;
                parser.nextToken();
            }
            JsonToken t = parser.nextToken();
            line = parser.currentTokenLocation().getLineNr();
            if (t == JsonToken.END_ARRAY || t == null) {
                end();
                return;
            }
            // Buffered first, so a key named twice is seen before a map keeps only one of its values, and the
            // element can be quarantined whole (duplicates included) while the rest of the array is read on.
            TokenBuffer element = new TokenBuffer(parser);
            element.copyCurrentStructure(parser);
            SourcePosition pos = new SourcePosition(file, line);
            String duplicate = Json.duplicateKey(element.asParser());
            if (duplicate != null) {
                push(ReadResult.bad(pos, ReadReason.DUPLICATE_KEY, "the key " + Excerpt.quote(duplicate)
                        + " appears twice in one object; a JSON reader would keep only one of its values, so the"
                        + " record is set aside whole", text(element)));
                return;
            }
            Object value = Json.ELEMENT_READER.readValue(element.asParser());
            push(JsonlRecords.fromValue(value, pos, roles, format));
        } catch (JsonProcessingException e) {
            SourcePosition pos = new SourcePosition(file, Math.max(1, e.getLocation() == null ? line : e.getLocation().getLineNr()));
            ReadReason reason = e.getOriginalMessage().contains("UTF-8") ? ReadReason.INVALID_UTF8 : ReadReason.MALFORMED_JSON;
            push(ReadResult.bad(pos, reason, JsonlRecords.describe(e) + "; the rest of the file was not read", null));
            end();
        } catch (IOException e) {
            SourcePosition pos = new SourcePosition(file, Math.max(1, line));
            push(ReadFailures.of(pos, e, (Object) null));
            end();
        }
    }
}
