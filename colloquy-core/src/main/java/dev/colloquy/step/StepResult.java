package dev.colloquy.step;

import dev.colloquy.model.Conversation;
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
     * @param reason  stable snake_case code, for counting
     * @param message a sentence a person understands
     */
    record Rejected(Conversation conversation, String reason, String message) implements StepResult {
        public Rejected {
            Objects.requireNonNull(conversation, "conversation");
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(message, "message");
        }
    }

    static StepResult kept(Conversation c) {
        return new Kept(c);
    }

    static StepResult rejected(Conversation c, String reason, String message) {
        return new Rejected(c, reason, message);
    }
}
