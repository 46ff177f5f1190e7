package dev.colloquy.signals;

import dev.colloquy.model.Finding;

/**
 * The size of a conversation, measured by {@link StructureCheck}.
 *
 * @param turnCount       number of turns
 * @param userTurns       turns with role user
 * @param assistantTurns  turns with role assistant
 * @param characters      code points of all turn texts
 * @param longestTurn     code points of the longest turn
 */
public record StructureCounts(int turnCount, int userTurns, int assistantTurns, long characters, int longestTurn)
        implements Finding {

    @Override
    public String type() {
        return "structure_counts";
    }
}
