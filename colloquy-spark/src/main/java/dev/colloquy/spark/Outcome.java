package dev.colloquy.spark;

import dev.colloquy.dedup.RecordSketch;
import dev.colloquy.model.Conversation;
import dev.colloquy.model.Rejection;
import java.io.Serializable;

/**
 * What the per-conversation steps made of one input record, keyed by its canonical order.
 *
 * @param ordinal   the record's place in the input: {@code file index << 40 | record index within the file};
 *                  orders records exactly as a local run reads them
 * @param original  the conversation as read (quarantine records carry it), or null when unreadable
 * @param kept      the conversation after the steps, or null when set aside
 * @param rejection why the reader or a step set it aside, or null when kept
 * @param line      the output line: the kept line in the output format, or the quarantine line
 * @param sketch    the dedup sketch of a kept record, or null when dedup is off
 * @param lines     for a {@linkplain #isLineCount() line count} only: lines read by one read task
 * @param blankLines for a line count only: blank lines among them
 */
record Outcome(long ordinal, Conversation original, Conversation kept, Rejection rejection, String line,
               RecordSketch sketch, long lines, long blankLines) implements Serializable {

    Outcome(long ordinal, Conversation original, Conversation kept, Rejection rejection, String line,
            RecordSketch sketch) {
        this(ordinal, original, kept, rejection, line, sketch, 0, 0);
    }

    /**
     * Not a record: the lines and blank lines one read task went through in a JSON Lines input. Blank lines are
     * no records, so they travel beside them and are summed on the driver.
     */
    static Outcome lineCount(long lines, long blankLines) {
        return new Outcome(-1, null, null, null, null, null, lines, blankLines);
    }

    boolean isLineCount() {
        return original == null && kept == null && rejection == null;
    }

    static final int FILE_SHIFT = 40;

    static long ordinal(int fileIndex, long recordIndex) {
        return ((long) fileIndex << FILE_SHIFT) | recordIndex;
    }
}
