package dev.colloquy.model;

import java.io.Serializable;
import java.util.Objects;

/**
 * A record set aside, with why: the line written to the quarantine.
 *
 * @param source  where the record starts in the input
 * @param step    the step that set it aside ({@code "read"} for records that could not be parsed)
 * @param reason  a stable snake_case code ({@code "malformed_json"}, {@code "too_few_turns"}, ...), for counting
 * @param message a sentence a person understands, naming the offending value where it helps
 * @param record  the original record: a {@link Conversation}, a JSON-like value, or the raw line as a string
 */
public record Rejection(SourcePosition source, String step, String reason, String message, Object record)
        implements Serializable {

    public Rejection {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(step, "step");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(message, "message");
    }
}
