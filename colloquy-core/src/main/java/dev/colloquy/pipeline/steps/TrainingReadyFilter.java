package dev.colloquy.pipeline.steps;

import dev.colloquy.model.Conversation;
import dev.colloquy.model.Role;
import dev.colloquy.model.Turn;
import dev.colloquy.step.Step;
import dev.colloquy.step.StepFactory;
import dev.colloquy.step.StepParameters;
import dev.colloquy.step.StepResult;
import java.util.List;
import java.util.Set;

/**
 * Keeps only what renders through the strict chat templates of common models (Llama, Mistral, Gemma): an
 * optional system turn first, then user and assistant strictly alternating from user, no tool turns, no empty
 * turns, and at least one assistant reply with text.
 */
public record TrainingReadyFilter() implements Step {

    public static final String NAME = "training_ready";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public StepResult apply(Conversation c) {
        List<Turn> turns = c.turns();
        int start = !turns.isEmpty() && turns.get(0).role() == Role.SYSTEM ? 1 : 0;
        if (turns.size() == start) {
            return reject(c, "has no user or assistant turn");
        }
        for (int i = start; i < turns.size(); i++) {
            Turn t = turns.get(i);
            Role expected = (i - start) % 2 == 0 ? Role.USER : Role.ASSISTANT;
            if (t.role() != expected) {
                String where = t.role() == Role.SYSTEM ? "a system turn after the start"
                        : t.role() == Role.TOOL ? "a tool turn" : t.role() + " where " + expected + " was due";
                return reject(c, "turn " + i + " is " + where);
            }
            if (t.text().isBlank()) {
                return reject(c, "turn " + i + " (" + t.role() + ") is empty");
            }
        }
        if (!StructureFilter.hasAssistantReply(c)) {
            return reject(c, "has no assistant reply");
        }
        return StepResult.kept(c);
    }

    private static StepResult reject(Conversation c, String why) {
        return StepResult.rejected(c, "not_training_ready", "does not fit strict chat templates: " + why);
    }

    public static final class Factory implements StepFactory {
        @Override
        public String name() {
            return NAME;
        }

        @Override
        public String description() {
            return "keep only conversations strict chat templates render: [system] user/assistant alternating";
        }

        @Override
        public Set<String> parameters() {
            return Set.of();
        }

        @Override
        public Step create(StepParameters p) {
            return new TrainingReadyFilter();
        }
    }
}
