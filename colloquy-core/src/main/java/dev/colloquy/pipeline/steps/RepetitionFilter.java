package dev.colloquy.pipeline.steps;

import dev.colloquy.model.Conversation;
import dev.colloquy.model.Reason;
import dev.colloquy.step.Step;
import dev.colloquy.step.AbstractStepFactory;
import dev.colloquy.step.StepParameters;
import dev.colloquy.step.StepResult;
import dev.colloquy.signals.Repetition;

/**
 * Rejects conversations with a turn over the Gopher repetition thresholds, as measured by the
 * {@code repetition} step (which must run before it; its {@code threshold_scale} tunes the thresholds).
 */
public record RepetitionFilter() implements Step {

    public static final String NAME = "max_repetition";
    public static final Reason REPETITIVE = Reason.of("repetitive");

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public StepResult apply(Conversation c) {
        return TurnChecks.firstFinding(c, Repetition.class, REPETITIVE, r -> r.exceeded().isEmpty() ? null
                : "turn " + r.turn() + " repeats itself: " + String.join(", ", r.exceeded()));
    }

    public static final class Factory extends AbstractStepFactory {
        public Factory() {
            super(NAME, "reject conversations with a turn over the repetition thresholds (needs the repetition step first)");
        }

        @Override
        protected Step build(StepParameters p) {
            return new RepetitionFilter();
        }
    }
}
