package dev.colloquy.step;

import dev.colloquy.model.Conversation;
import dev.colloquy.model.Reason;
import java.io.Serializable;
import java.util.Objects;

/** What a {@link Step} made of a conversation: kept (possibly changed) or rejected with a reason. */
public sealed interface StepResult extends Serializable {

    /** The conversation goes on to the next step. */
    record Kept(Conversation conversation) implements StepResult {
        public Kept {
            Objects.requireNonNull(conversation, "conversation");
        }
    }

    /**
     * The conversation is set aside.
     *
     * @param why     the reason, a stable snake_case code, for counting
     * @param message a sentence a person understands
     */
    record Rejected(Conversation conversation, Reason why, String message) implements StepResult {
        public Rejected {
            Objects.requireNonNull(conversation, "conversation");
            Objects.requireNonNull(why, "reason");
            Objects.requireNonNull(message, "message");
        }

        /** A rejection whose reason is given by its code. */
        public Rejected(Conversation conversation, String reason, String message) {
            this(conversation, reason == null ? null : Reason.of(reason), message);
        }

        /** The reason's code. */
        public String reason() {
            return why.code();
        }
    }

    static StepResult kept(Conversation c) {
        return new Kept(c);
    }

    static StepResult rejected(Conversation c, Reason why, String message) {
        return new Rejected(c, why, message);
    }

    /** A rejection whose reason is given by its code: for steps written outside Colloquy. */
    static StepResult rejected(Conversation c, String reason, String message) {
        return new Rejected(c, reason, message);
    }
}
