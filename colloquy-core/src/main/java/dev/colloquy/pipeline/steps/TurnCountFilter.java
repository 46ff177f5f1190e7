package dev.colloquy.pipeline.steps;

import dev.colloquy.model.Conversation;
import dev.colloquy.model.Reason;
import dev.colloquy.step.Step;
import dev.colloquy.step.AbstractStepFactory;
import dev.colloquy.step.StepParameters;
import dev.colloquy.step.StepResult;

/** Rejects conversations with fewer than {@code min} or more than {@code max} turns. */
public record TurnCountFilter(long min, long max) implements Step {

    public static final String NAME = "turns";
    public static final Reason TOO_FEW_TURNS = Reason.of("too_few_turns");
    public static final Reason TOO_MANY_TURNS = Reason.of("too_many_turns");

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public StepResult apply(Conversation c) {
        int n = c.turns().size();
        if (n < min) {
            return StepResult.rejected(c, TOO_FEW_TURNS, "has " + n + " turn(s); at least " + min + " required");
        }
        if (n > max) {
            return StepResult.rejected(c, TOO_MANY_TURNS, "has " + n + " turns; at most " + max + " allowed");
        }
        return StepResult.kept(c);
    }

    public static final class Factory extends AbstractStepFactory {
        public Factory() {
            super(NAME, "keep conversations with min..max turns (max 0 = no limit)", "min", "max");
        }

        @Override
        protected Step build(StepParameters p) {
            Bounds b = Bounds.read(p);
            return new TurnCountFilter(b.min(), b.max());
        }
    }
}
