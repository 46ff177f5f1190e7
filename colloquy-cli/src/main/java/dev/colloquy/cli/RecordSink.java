package dev.colloquy.cli;

import dev.colloquy.format.ConversationWriter;
import dev.colloquy.format.TableWriter;
import dev.colloquy.model.Conversation;
import java.io.Flushable;
import java.io.IOException;

/**
 * Where {@code convert} writes kept conversations: a text writer (JSON Lines, transcripts) or a table (Parquet).
 *
 * @param writes   writes one conversation
 * @param finishes completes the output: flushes text, or closes a table so its footer is written
 */
record RecordSink(Writes writes, Flushable finishes) {

    /** Writes one conversation. */
    @FunctionalInterface
    interface Writes {
        void write(Conversation c) throws IOException;
    }

    static RecordSink of(ConversationWriter w) {
        return new RecordSink(w::write, w);
    }

    static RecordSink of(TableWriter w) {
        return new RecordSink(w::write, w::close);
    }

    void write(Conversation c) throws IOException {
        writes.write(c);
    }

    /** Completes the output: flushes text, or closes a table so its footer is written. */
    void finish() throws IOException {
        finishes.flush();
    }
}
