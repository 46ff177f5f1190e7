package dev.colloquy.pipeline.steps;

import dev.colloquy.model.Conversation;
import dev.colloquy.step.Step;
import dev.colloquy.step.StepFactory;
import dev.colloquy.step.StepParameters;
import dev.colloquy.step.StepResult;
import java.util.Set;

/** Rejects conversations with fewer than {@code min} or more than {@code max} turns. */
public record TurnCountFilter(long min, long max) implements Step {

    public static final String NAME = "turns";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public StepResult apply(Conversation c) {
        int n = c.turns().size();
        if (n < min) {
            return StepResult.rejected(c, "too_few_turns", "has " + n + " turn(s); at least " + min + " required");
        }
        if (n > max) {
            return StepResult.rejected(c, "too_many_turns", "has " + n + " turns; at most " + max + " allowed");
        }
        return StepResult.kept(c);
    }

    public static final class Factory implements StepFactory {
        @Override
        public String name() {
            return NAME;
        }

        @Override
        public String description() {
            return "keep conversations with min..max turns (max 0 = no limit)";
        }

        @Override
        public Set<String> parameters() {
            return Set.of("min", "max");
        }

        @Override
        public Step create(StepParameters p) {
            Bounds b = Bounds.read(p);
            return new TurnCountFilter(b.min(), b.max());
        }
    }
}
