package dev.colloquy.pipeline.steps;

import dev.colloquy.model.Conversation;
import dev.colloquy.model.Turn;
import dev.colloquy.step.Step;
import dev.colloquy.step.StepFactory;
import dev.colloquy.step.StepParameters;
import dev.colloquy.step.StepResult;
import dev.colloquy.repair.RepairResult;
import dev.colloquy.repair.TextRepairer;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Undoes encoding damage in every turn with {@link TextRepairer}, recording each repair on its turn. */
public record RepairStep() implements Step {

    public static final String NAME = "repair";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public StepResult apply(Conversation c) {
        TextRepairer repairer = TextRepairer.defaults();
        List<Turn> turns = null;
        for (int i = 0; i < c.turns().size(); i++) {
            Turn t = c.turns().get(i);
            RepairResult r = repairer.repair(t.text());
            if (r.changed()) {
                if (turns == null) {
                    turns = new ArrayList<>(c.turns());
                }
                turns.set(i, t.withText(r.text()).withFindings(r.repairs()));
            }
        }
        return StepResult.kept(turns == null ? c : c.withTurns(turns));
    }

    public static final class Factory implements StepFactory {
        @Override
        public String name() {
            return NAME;
        }

        @Override
        public String description() {
            return "repair mojibake in every turn, recording each repair";
        }

        @Override
        public Set<String> parameters() {
            return Set.of();
        }

        @Override
        public Step create(StepParameters parameters) {
            return new RepairStep();
        }
    }
}
