package dev.colloquy.format;

import dev.colloquy.model.Conversation;
import dev.colloquy.model.Rejection;
import dev.colloquy.model.SourcePosition;
import java.io.Serializable;

/** What a reader makes of one input record: a conversation, or a rejection saying why not. */
public sealed interface ReadResult extends Serializable {

    /** Where the record starts. */
    SourcePosition source();

    /** A record read as a conversation. */
    record Ok(Conversation conversation) implements ReadResult {
        @Override
        public SourcePosition source() {
            return conversation.source();
        }
    }

    /** A record set aside. */
    record Bad(Rejection rejection) implements ReadResult {
        @Override
        public SourcePosition source() {
            return rejection.source();
        }

        /**
         * The same rejection (step, reason, message) at {@code pos}, carrying {@code record}: a layout that
         * decoded a rewritten form of a record quarantines the record as it was read, under the inner reason.
         */
        Bad of(SourcePosition pos, Object record) {
            return new Bad(Rejection.of(pos, rejection.step(), rejection.why(), rejection.message(), record));
        }
    }

    /** A rejection by the reader (step {@code read}). */
    static Bad bad(SourcePosition pos, ReadReason reason, String message, Object record) {
        return new Bad(Rejection.of(pos, ReadReason.STEP, reason.reason(), message, record));
    }
}
