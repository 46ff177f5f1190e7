package dev.colloquy.model;

import java.io.Serializable;

/**
 * Something a step found in a conversation or one of its turns: a repair made, a hole, a language,
 * a loop. Each kind is a record in the package of the step that produces it; {@link #type()} is the
 * stable snake_case name used in JSON output ({@code "holes"}, {@code "mojibake_repaired"}, ...).
 * Findings are immutable values and serializable, so they travel with a conversation to Spark executors.
 */
public interface Finding extends Serializable {

    /** The stable name of this kind of finding in JSON output and in reports. */
    String type();
}
