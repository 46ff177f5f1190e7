package dev.colloquy.pipeline.steps;

import dev.colloquy.model.Conversation;
import dev.colloquy.model.Reason;
import dev.colloquy.model.Turn;
import dev.colloquy.step.Step;
import dev.colloquy.step.AbstractStepFactory;
import dev.colloquy.step.StepParameters;
import dev.colloquy.step.StepResult;

/** Rejects conversations whose turns together have fewer than {@code min} or more than {@code max} code points. */
public record ConversationLengthFilter(long min, long max) implements Step {

    public static final String NAME = "conversation_chars";
    public static final Reason CONVERSATION_TOO_SHORT = Reason.of("conversation_too_short");
    public static final Reason CONVERSATION_TOO_LONG = Reason.of("conversation_too_long");

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public StepResult apply(Conversation c) {
        long n = 0;
        for (Turn t : c.turns()) {
            n += t.text().codePointCount(0, t.text().length());
        }
        if (n < min) {
            return StepResult.rejected(c, CONVERSATION_TOO_SHORT, "has " + n + " characters in all; at least "
                    + min + " required");
        }
        if (n > max) {
            return StepResult.rejected(c, CONVERSATION_TOO_LONG, "has " + n + " characters in all; at most "
                    + max + " allowed");
        }
        return StepResult.kept(c);
    }

    public static final class Factory extends AbstractStepFactory {
        public Factory() {
            super(NAME, "keep conversations with min..max characters in all turns (max 0 = no limit)", "min", "max");
        }

        @Override
        protected Step build(StepParameters p) {
            Bounds b = Bounds.read(p);
            return new ConversationLengthFilter(b.min(), b.max());
        }
    }
}
