package dev.colloquy.model;

import java.io.Serializable;

/**
 * Marks a {@link Conversation} as a preference pair (DPO, ORPO, KTO-style ranking data) and says where its parts
 * are: the turns are the prompt, then the chosen answer, then the rejected answer, one list. Keeping them in one
 * list is what lets every step that reads {@code turns()} (repair, PII, dedup keys, findings) see the prompt and
 * both answers without knowing about pairs; steps that read turns in sequence see the pair as its two dialogues
 * (prompt + chosen, prompt + rejected), see {@code dev.colloquy.step.PairSteps}.
 *
 * @param chosenStart   index of the chosen answer's first turn (the prompt's length)
 * @param rejectedStart index of the rejected answer's first turn
 */
public record Preference(int chosenStart, int rejectedStart) implements Serializable {

    public Preference {
        if (chosenStart < 0 || rejectedStart <= chosenStart) {
            throw new IllegalArgumentException("a preference pair needs a chosen answer before its rejected one, got "
                    + chosenStart + ".." + rejectedStart);
        }
    }

    /** The shape of a pair whose parts have these lengths. */
    public static Preference of(int promptTurns, int chosenTurns) {
        return new Preference(promptTurns, promptTurns + chosenTurns);
    }
}
