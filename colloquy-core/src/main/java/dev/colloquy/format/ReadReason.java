package dev.colloquy.format;

import dev.colloquy.model.Reason;

/** Why a reader set a record aside. {@link #code()} is the stable name written to the quarantine. */
public enum ReadReason {
    /** Invalid or cut-off JSON. */
    MALFORMED_JSON("malformed_json"),
    /**
     * A JSON object naming one key twice ({@code "messages"} twice): JSON readers silently keep one of the
     * values, so the record is set aside whole rather than losing the other.
     */
    DUPLICATE_KEY("duplicate_key"),
    /** Valid JSON that is not an object (an array, a string, a number). */
    NOT_AN_OBJECT("not_an_object"),
    /** No {@code messages}/{@code conversations} list, an empty one, or a transcript without speaker tags. */
    NO_MESSAGES("no_messages"),
    /** A message that is not an object, or whose content/value has the wrong JSON type. */
    MALFORMED_MESSAGE("malformed_message"),
    /** A role or speaker that maps to no role. */
    UNKNOWN_ROLE("unknown_role"),
    /** A preference pair whose chosen and rejected answers are the same: it teaches nothing. */
    IDENTICAL_ANSWERS("identical_answers"),
    /** A preference pair with an answer that is missing, empty or only whitespace. */
    EMPTY_ANSWER("empty_answer"),
    /** A preference pair with an answer that does not start with an assistant message. */
    ANSWER_NOT_ASSISTANT("answer_not_assistant"),
    /** Bytes that are not UTF-8. */
    INVALID_UTF8("invalid_utf8"),
    /** NUL bytes or control characters: binary data, not text. */
    BINARY_JUNK("binary_junk"),
    /** A line over the byte cap; only its start is kept in the quarantine. */
    LINE_TOO_LONG("line_too_long"),
    /** A transcript conversation over the size cap. */
    CONVERSATION_TOO_LONG("conversation_too_long"),
    /** An input holding no record at all (accounted at line 0). */
    EMPTY_FILE("empty_file"),
    /** A table (Parquet) whose columns hold no known conversation layout; the message names the columns. */
    UNKNOWN_LAYOUT("unknown_layout"),
    /** A compressed input or table file that ends early or is corrupt; what came before was read. */
    TRUNCATED_ARCHIVE("truncated_archive"),
    /** A compressed input expanding past the ratio cap (a decompression bomb); what came before was read. */
    DECOMPRESSION_BOMB("decompression_bomb"),
    /** An input that could not be opened or read. */
    UNREADABLE("unreadable");

    /** The step name readers put in their rejections. */
    public static final String STEP = "read";

    private final Reason reason;

    ReadReason(String code) {
        this.reason = Reason.of(code);
    }

    public String code() {
        return reason.code();
    }

    /** The reason a rejection carries. */
    public Reason reason() {
        return reason;
    }
}
