package dev.colloquy.model;

import java.io.Serializable;
import java.util.Objects;

/**
 * A record set aside, with why: the line written to the quarantine. An immutable value: two rejections are equal
 * when their source, step, reason, message and record are.
 *
 * <p>A class rather than a record only so that it can be built from a reason code as well as from a
 * {@link Reason} without an ambiguous {@code null}: {@link #of} takes the typed reason, the constructor its code.
 */
public final class Rejection implements Serializable {

    private static final long serialVersionUID = 1L;

    private final SourcePosition source;
    private final String step;
    private final Reason why;
    private final String message;
    private final Object record;

    /**
     * A rejection whose reason is given by its code.
     *
     * @param source  where the record starts in the input
     * @param step    the step that set it aside ({@code "read"} for records that could not be parsed)
     * @param reason  a stable snake_case code ({@code "malformed_json"}, {@code "too_few_turns"}, ...), for counting
     * @param message a sentence a person understands, naming the offending value where it helps
     * @param record  the original record: a {@link Conversation}, a JSON-like value, or the raw line as a string
     */
    public Rejection(SourcePosition source, String step, String reason, String message, Object record) {
        this(source, step, reason == null ? null : Reason.of(reason), message, record);
    }

    private Rejection(SourcePosition source, String step, Reason why, String message, Object record) {
        this.source = Objects.requireNonNull(source, "source");
        this.step = Objects.requireNonNull(step, "step");
        this.why = Objects.requireNonNull(why, "reason");
        this.message = Objects.requireNonNull(message, "message");
        this.record = record;
    }

    /**
     * A rejection for {@code why}; the other arguments as in
     * {@link #Rejection(SourcePosition, String, String, String, Object) the constructor}.
     */
    public static Rejection of(SourcePosition source, String step, Reason why, String message, Object record) {
        return new Rejection(source, step, why, message, record);
    }

    /** Where the record starts in the input. */
    public SourcePosition source() {
        return source;
    }

    /** The step that set the record aside ({@code "read"} for records that could not be parsed). */
    public String step() {
        return step;
    }

    /** Why the record was set aside. */
    public Reason why() {
        return why;
    }

    /** The reason's code, as written to the quarantine. */
    public String reason() {
        return why.code();
    }

    /** A sentence a person understands, naming the offending value where it helps. */
    public String message() {
        return message;
    }

    /** The original record: a {@link Conversation}, a JSON-like value, the raw line as a string, or null. */
    public Object record() {
        return record;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Rejection r && source.equals(r.source) && step.equals(r.step) && why.equals(r.why)
                && message.equals(r.message) && Objects.equals(record, r.record);
    }

    @Override
    public int hashCode() {
        return Objects.hash(source, step, why, message, record);
    }

    @Override
    public String toString() {
        return "Rejection[source=" + source + ", step=" + step + ", reason=" + why + ", message=" + message
                + ", record=" + record + "]";
    }
}
