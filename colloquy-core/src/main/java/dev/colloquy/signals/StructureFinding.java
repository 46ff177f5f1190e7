package dev.colloquy.signals;

import dev.colloquy.model.Finding;
import java.util.List;

/**
 * A structural problem of a conversation, found by {@link StructureCheck}.
 *
 * @param kind  what is wrong
 * @param turns the turns concerned (0-based), empty when it is the conversation as a whole
 */
public record StructureFinding(Kind kind, List<Integer> turns) implements Finding {

    /** The structural problems {@link StructureCheck} reports. */
    public enum Kind {
        /** No turns at all. */
        EMPTY_CONVERSATION,
        /** Only one turn: nothing is answered. */
        SINGLE_TURN,
        /** A turn with no visible text. */
        EMPTY_TURN,
        /** Two consecutive turns by the same speaker label. */
        REPEATED_SPEAKER,
        /** Two consecutive turns with the same role, which strict chat templates refuse. */
        CONSECUTIVE_SAME_ROLE,
        /** The first non-system turn is the assistant's. */
        OPENS_WITH_ASSISTANT,
        /** The last turn is the user's, so it is never answered. */
        ENDS_WITH_USER,
        /** A system turn after the start. */
        SYSTEM_NOT_FIRST,
        /** No non-empty assistant turn, so nothing to learn from. */
        NO_ASSISTANT_REPLY,
        /** A turn that stops mid-sentence (dangling comma or function word, a long sentence without an end). */
        CUT_OFF
    }

    public StructureFinding {
        turns = List.copyOf(turns);
    }

    @Override
    public String type() {
        return "structure";
    }
}
