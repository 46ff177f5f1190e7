package dev.colloquy.pipeline.steps;

import dev.colloquy.model.Conversation;
import dev.colloquy.model.Turn;
import dev.colloquy.step.Step;
import dev.colloquy.step.AbstractStepFactory;
import dev.colloquy.step.StepParameters;
import dev.colloquy.step.StepResult;
import java.util.ArrayList;
import java.util.List;

/**
 * Joins consecutive turns of the same role into one, their texts separated by {@code separator}. It changes
 * the data, so it runs only when a pipeline lists it. The merged turn keeps the first turn's speaker and
 * extra fields and the findings of all merged turns (their offsets refer to the original turns).
 */
public record MergeSameRoleTurns(String separator) implements Step {

    public static final String NAME = "merge_same_role";

    static final String DEFAULT_SEPARATOR = "\n\n";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public StepResult apply(Conversation c) {
        List<Turn> out = new ArrayList<>();
        boolean merged = false;
        for (Turn t : c.turns()) {
            int last = out.size() - 1;
            if (last >= 0 && out.get(last).role() == t.role()) {
                Turn prev = out.get(last);
                out.set(last, prev.withText(prev.text() + separator + t.text()).withFindings(t.findings()));
                merged = true;
            } else {
                out.add(t);
            }
        }
        return StepResult.kept(merged ? c.withTurns(out) : c);
    }

    public static final class Factory extends AbstractStepFactory {
        public Factory() {
            super(NAME, "merge consecutive turns of the same role (separator, default a blank line)", "separator");
        }

        @Override
        protected Step build(StepParameters p) {
            return new MergeSameRoleTurns(p.getString("separator", DEFAULT_SEPARATOR));
        }
    }
}
