package dev.colloquy.cli;

import dev.colloquy.format.ConversationWriter;
import dev.colloquy.format.TableWriter;
import dev.colloquy.model.Conversation;
import java.io.IOException;

/** Where {@code convert} writes kept conversations: a text writer (JSON Lines, transcripts) or a table (Parquet). */
interface RecordSink {

    void write(Conversation c) throws IOException;

    /** Completes the output: flushes text, or closes a table so its footer is written. */
    void finish() throws IOException;

    static RecordSink of(ConversationWriter w) {
        return new RecordSink() {
            @Override
            public void write(Conversation c) throws IOException {
                w.write(c);
            }

            @Override
            public void finish() throws IOException {
                w.flush();
            }
        };
    }

    static RecordSink of(TableWriter w) {
        return new RecordSink() {
            @Override
            public void write(Conversation c) throws IOException {
                w.write(c);
            }

            @Override
            public void finish() throws IOException {
                w.close();
            }
        };
    }
}
