package dev.colloquy.pipeline.steps;

import dev.colloquy.model.Conversation;
import dev.colloquy.model.Turn;
import dev.colloquy.step.PairAware;
import dev.colloquy.step.Step;
import dev.colloquy.step.AbstractStepFactory;
import dev.colloquy.step.StepParameters;
import dev.colloquy.step.StepResult;
import java.util.ArrayList;
import java.util.List;

/**
 * Joins consecutive turns of the same role into one, their texts separated by {@code separator}. It changes
 * the data, so it runs only when a pipeline lists it. The merged turn keeps the first turn's speaker and
 * extra fields and the findings of all merged turns (their offsets refer to the original turns). In a preference
 * pair it merges within the prompt and within each answer, never an answer into the prompt or into the other
 * answer, so the pair keeps its three parts.
 */
public record MergeSameRoleTurns(String separator) implements PairAware {

    public static final String NAME = "merge_same_role";

    static final String DEFAULT_SEPARATOR = "\n\n";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public StepResult apply(Conversation c) {
        if (c.isPair()) {
            List<Turn> prompt = merge(c.prompt());
            List<Turn> chosen = merge(c.chosen());
            List<Turn> rejected = merge(c.rejected());
            boolean merged = prompt.size() + chosen.size() + rejected.size() < c.turns().size();
            return StepResult.kept(merged ? c.withPair(prompt, chosen, rejected) : c);
        }
        List<Turn> out = merge(c.turns());
        return StepResult.kept(out.size() < c.turns().size() ? c.withTurns(out) : c);
    }

    private List<Turn> merge(List<Turn> turns) {
        List<Turn> out = new ArrayList<>();
        for (Turn t : turns) {
            int last = out.size() - 1;
            if (last >= 0 && out.get(last).role() == t.role()) {
                Turn prev = out.get(last);
                out.set(last, prev.withText(prev.text() + separator + t.text()).withFindings(t.findings()));
            } else {
                out.add(t);
            }
        }
        return out;
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
