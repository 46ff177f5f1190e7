package dev.colloquy.bench;

import java.util.Random;

/**
 * The defects {@link CorpusGenerator} plants, with the share of records that carry each. The shares
 * are of records written; a defect that needs an earlier record (duplicates, look-alikes) falls back
 * to {@link #NONE} until one exists.
 */
enum Defect {
    NONE(0.82),
    /** The same conversation again under a new id, possibly in another input format. */
    EXACT_DUPLICATE(0.03),
    /** An earlier conversation with one to three words changed or removed in one turn. */
    NEAR_DUPLICATE(0.03),
    /** A new conversation that shares its first user turn with an earlier one: must be kept. */
    LOOK_ALIKE(0.02),
    /** Turns of a non-English conversation mis-decoded (single, double or lossy mojibake, C1 controls). */
    MOJIBAKE(0.05),
    /** A line no reader can take: truncated or invalid JSON, wrong types, invalid UTF-8, a block without speakers. */
    MALFORMED(0.01),
    /** Consecutive same-role turns, an empty turn, an assistant opening, an unanswered end, or a single turn. */
    STRUCTURE(0.03),
    /** The user writes in one language and the reply comes in English. */
    LANGUAGE_MISMATCH(0.01);

    private final double share;

    Defect(double share) {
        this.share = share;
    }

    double share() {
        return share;
    }

    static Defect draw(Random random) {
        double x = random.nextDouble();
        for (Defect d : values()) {
            x -= d.share;
            if (x < 0) {
                return d;
            }
        }
        return NONE;
    }
}
