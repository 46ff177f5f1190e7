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
 */
record Outcome(long ordinal, Conversation original, Conversation kept, Rejection rejection, String line,
               RecordSketch sketch) implements Serializable {

    static final int FILE_SHIFT = 40;

    static long ordinal(int fileIndex, long recordIndex) {
        return ((long) fileIndex << FILE_SHIFT) | recordIndex;
    }
}
