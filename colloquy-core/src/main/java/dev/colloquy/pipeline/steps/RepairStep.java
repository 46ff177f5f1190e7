package dev.colloquy.pipeline.steps;

import dev.colloquy.model.Conversation;
import dev.colloquy.model.Turn;
import dev.colloquy.step.PairAware;
import dev.colloquy.step.Step;
import dev.colloquy.step.AbstractStepFactory;
import dev.colloquy.step.StepParameters;
import dev.colloquy.step.StepResult;
import dev.colloquy.repair.RepairResult;
import dev.colloquy.repair.TextRepairer;
import java.util.ArrayList;
import java.util.List;

/**
 * Undoes encoding damage in every turn with {@link TextRepairer}, recording each repair on its turn, and each damaged
 * span it left undecided as a {@code mojibake_unresolved} finding. Turn by turn,
 * so it takes a preference pair whole (each prompt turn repaired once).
 *
 * <p>A conversation is one input read in order, as a file is to {@code colloquy fix}: its turns go through one
 * {@link TextRepairer.Session}, so what its earlier turns' repairs show about the bytes its mis-decoding dropped
 * ranks the fillings of later turns, as it does for the lines of a file. Without it {@code run} left the seed's
 * three emoji-only {@code ğŸ¬} as they were, where {@code fix} restores 🎬. Each conversation starts a fresh
 * session, so the result does not depend on how a run splits its input into chunks, threads or Spark tasks.
 */
public record RepairStep() implements PairAware {

    public static final String NAME = "repair";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public StepResult apply(Conversation c) {
        return StepResult.kept(repairTurns(c));
    }

    /**
     * Every turn repaired in order through one session of {@link TextRepairer#defaults()}, each repair recorded on
     * its turn; {@code c} itself
     * when nothing changed. The one place that repairs a whole conversation ({@code run}, {@code convert --repair}
     * and {@code inspect} all come here).
     */
    public static Conversation repairTurns(Conversation c) {
        TextRepairer.Session repairer = TextRepairer.defaults().session();
        List<Turn> turns = null;
        for (int i = 0; i < c.turns().size(); i++) {
            Turn t = c.turns().get(i);
            RepairResult r = repairer.repair(t.text());
            if (r.hasFindings()) {
                if (turns == null) {
                    turns = new ArrayList<>(c.turns());
                }
                // a span left undecided is reported on its turn beside the repairs, so it can be found afterwards
                List<dev.colloquy.model.Finding> findings = new ArrayList<>(r.repairs());
                findings.addAll(r.unresolved());
                turns.set(i, (r.changed() ? t.withText(r.text()) : t).withFindings(findings));
            }
        }
        return turns == null ? c : c.withTurns(turns);
    }

    public static final class Factory extends AbstractStepFactory {
        public Factory() {
            super(NAME, "repair mojibake in every turn, recording each repair");
        }

        @Override
        protected Step build(StepParameters p) {
            return new RepairStep();
        }
    }
}
