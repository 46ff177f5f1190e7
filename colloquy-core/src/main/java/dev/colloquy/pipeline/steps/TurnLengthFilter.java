package dev.colloquy.pipeline.steps;

import dev.colloquy.model.Conversation;
import dev.colloquy.model.Reason;
import dev.colloquy.step.Step;
import dev.colloquy.step.AbstractStepFactory;
import dev.colloquy.step.StepParameters;
import dev.colloquy.step.StepResult;

/** Rejects conversations having a turn shorter than {@code min} or longer than {@code max} code points. */
public record TurnLengthFilter(long min, long max) implements Step {

    public static final String NAME = "turn_chars";
    public static final Reason TURN_TOO_SHORT = Reason.of("turn_too_short");
    public static final Reason TURN_TOO_LONG = Reason.of("turn_too_long");

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public StepResult apply(Conversation c) {
        return TurnChecks.firstTurn(c, t -> {
            long n = t.text().codePointCount(0, t.text().length());
            if (n < min) {
                return new TurnChecks.Objection(TURN_TOO_SHORT, "has " + n + " characters; at least " + min
                        + " required");
            }
            if (n > max) {
                return new TurnChecks.Objection(TURN_TOO_LONG, "has " + n + " characters; at most " + max
                        + " allowed");
            }
            return null;
        });
    }

    public static final class Factory extends AbstractStepFactory {
        public Factory() {
            super(NAME, "keep conversations whose every turn has min..max characters (max 0 = no limit)", "min", "max");
        }

        @Override
        protected Step build(StepParameters p) {
            Bounds b = Bounds.read(p);
            return new TurnLengthFilter(b.min(), b.max());
        }
    }
}
