package dev.colloquy.model;

import java.io.Serializable;
import java.util.Optional;

/**
 * Something a step found in a conversation or one of its turns: a repair made, a hole, a language,
 * a loop. Each kind is a record in the package of the step that produces it; {@link #type()} is the
 * stable snake_case name used in JSON output ({@code "holes"}, {@code "mojibake_repaired"}, ...).
 * Findings are immutable values and serializable, so they travel with a conversation to Spark executors.
 */
public interface Finding extends Serializable {

    /** The stable name of this kind of finding in JSON output and in reports. */
    String type();

    /**
     * The score whose distribution over kept records {@code stats.json} reports, as
     * {@code scores["<type>.<name>"]} (a hole's confidence, a loop's score); empty for none. A kind of finding opts
     * in by overriding this, so the run statistics need not know the kinds.
     */
    default Optional<Score> statsScore() {
        return Optional.empty();
    }

    /** The language this finding tells for its turn, counted in {@code stats.json}'s {@code languages}; empty for none. */
    default Optional<String> statsLanguage() {
        return Optional.empty();
    }

    /**
     * A score reported in the run statistics.
     *
     * @param name  its name after the finding type, e.g. {@code "confidence"}
     * @param value the score, in [0, 1]
     */
    record Score(String name, double value) {
    }
}
