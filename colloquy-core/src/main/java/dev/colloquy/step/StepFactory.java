package dev.colloquy.step;

import java.util.Set;

/**
 * Builds one kind of {@link Step} from its parameters in {@code PIPELINE.yaml}. Like Lucene's analysis
 * factories, each has a stable {@link #name()} and consumes its parameters; whatever it does not consume
 * is rejected by {@link StepParameters#requireAllConsumed(java.util.Set)}, listing the valid keys.
 */
public interface StepFactory {

    /** The step's name in {@code PIPELINE.yaml}, e.g. {@code "holes"}, {@code "min_turns"}. */
    String name();

    /** One line saying what the step does, for {@code --help} and the config documentation. */
    String description();

    /** The parameter keys this step accepts, for error messages and documentation. */
    Set<String> parameters();

    /** Builds the step; throws {@link IllegalArgumentException} naming the parameter when a value is wrong. */
    Step create(StepParameters parameters);
}
