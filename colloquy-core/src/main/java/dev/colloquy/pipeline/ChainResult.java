package dev.colloquy.pipeline;

import dev.colloquy.model.Conversation;
import dev.colloquy.model.Rejection;
import java.io.Serializable;
import java.util.Objects;

/** What the step chain made of one conversation: kept (as changed by the steps) or quarantined. */
public sealed interface ChainResult extends Serializable {

    record Kept(Conversation conversation) implements ChainResult {
        public Kept {
            Objects.requireNonNull(conversation, "conversation");
        }
    }

    /** The rejection names the step and reason; its record is the conversation as it entered the chain. */
    record Quarantined(Rejection rejection) implements ChainResult {
        public Quarantined {
            Objects.requireNonNull(rejection, "rejection");
        }
    }
}
