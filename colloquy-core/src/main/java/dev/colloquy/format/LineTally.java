package dev.colloquy.format;

/**
 * What a JSON Lines reader went through in one input: every line it read is either one record (a conversation
 * or a rejection at that line) or blank, and blank lines are no record, so a caller that counts the records it
 * received with a line number can check {@code records + blankLines == lines}. Transcripts and JSON arrays are
 * not line-per-record and leave the tally at zero with {@link #jsonLines()} false. Filled by
 * {@link ConversationReader}; not thread-safe.
 */
public final class LineTally {

    private boolean jsonLines;
    private long lines;
    private long blankLines;

    /** Whether the input was read as JSON Lines (including an input of nothing but blank lines). */
    public boolean jsonLines() {
        return jsonLines;
    }

    /** Lines read (for a whole input, the last line's number). */
    public long lines() {
        return lines;
    }

    /** Lines holding nothing but white space, which are skipped. */
    public long blankLines() {
        return blankLines;
    }

    void startJsonLines() {
        jsonLines = true;
    }

    void line() {
        lines++;
    }

    void blank() {
        blankLines++;
    }
}
