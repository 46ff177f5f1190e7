package dev.colloquy.format;

import dev.colloquy.model.Conversation;
import dev.colloquy.model.Rejection;
import java.io.IOException;
import java.io.Writer;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Writes rejections as JSON Lines: {@code {"source":"path:line","step","reason","message","record"}}. The record
 * is the original as parsed JSON, the raw line as a string when it did not parse, or, for a conversation set
 * aside by a later step, the conversation in OpenAI record form. Not thread-safe.
 */
public final class QuarantineWriter extends LineWriter {

    private QuarantineWriter(Writer out) {
        super(out);
    }

    public static QuarantineWriter of(Writer out) {
        return new QuarantineWriter(out);
    }

    public void write(Rejection rejection) throws IOException {
        writeLine(toJson(rejection));
    }

    /** One rejection as one JSON line (no newline): a pure function, usable from Spark. */
    public static String toJson(Rejection r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("source", r.source().toString());
        m.put("step", r.step());
        m.put("reason", r.why().code());
        m.put("message", r.message());
        m.put("record", r.record() instanceof Conversation c ? RecordEncoder.openAi(c, false, RecordEncoder.Form.WRITE)
                : r.record());
        return RecordJson.write(m);
    }
}
