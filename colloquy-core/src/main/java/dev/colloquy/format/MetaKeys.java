package dev.colloquy.format;

/** Keys of the {@code meta} object our JSON writers emit and our readers take back. */
final class MetaKeys {
    static final String META = "meta";
    static final String SOURCE = "source";
    /** An input record's own "source" field when it was not a string (meta.source always is). */
    static final String INPUT_SOURCE = "input_source";
    /** An input record's own "id" when it was an object or a list (the id is then derived). */
    static final String INPUT_ID = "input_id";
    static final String FINDINGS = "findings";
    static final String TURN_FINDINGS = "turn_findings";
    static final String MESSAGE_EXTRA = "message_extra";
    static final String SPEAKERS = "speakers";
    /** Turn extra: the content parts list an OpenAI message had instead of a string. */
    static final String CONTENT_PARTS = "content_parts";
    /** Turn extra: the message's content was JSON null. */
    static final String CONTENT_NULL = "content_null";
    /** Turn extra: the role as written when it was an alias ({@code developer}, {@code function}). */
    static final String ORIGINAL_ROLE = "original_role";
    /**
     * A preference pair's shape, {chosen_start, rejected_start}, where its format has no columns for one (a pair in
     * a Parquet file of conversations).
     */
    static final String PREFERENCE = "preference";
    /** Conversation metadata: transcript lines before the first speaker tag. */
    static final String PREAMBLE = "preamble";

    private MetaKeys() {
    }
}
