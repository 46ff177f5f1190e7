package dev.colloquy.step;

import dev.colloquy.model.Conversation;
import dev.colloquy.model.Finding;
import dev.colloquy.model.Turn;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * Applies a step to a preference pair so that it sees the prompt and both answers, and the pair is kept or
 * rejected whole.
 *
 * <p>Steps are written for conversations, and many read turns in sequence (an echo of the previous turn, user and
 * assistant alternating, ending with an answer). A pair's turns in one list (prompt, chosen, rejected) would show
 * them two assistant turns in a row that no one wrote in a row. So a step that is not {@link PairAware} gets the
 * pair's two dialogues, prompt + chosen and prompt + rejected, each an ordinary conversation:
 * <ul>
 *   <li>if either is rejected, the pair is rejected whole, with that dialogue's reason (the chosen one first);</li>
 *   <li>otherwise the pair is rebuilt from the chosen dialogue's prompt and answer and the rejected dialogue's
 *       answer; conversation findings of both dialogues are kept (once each), metadata is the chosen dialogue's
 *       plus keys only the rejected one has. Turn indices in findings about the rejected answer count in its own
 *       dialogue (prompt + rejected).</li>
 * </ul>
 * A step that is not pair-aware must keep each dialogue's turn count; one that merges or drops turns is
 * {@link PairAware} and rebuilds the pair with {@code Conversation.withPair}.
 */
public final class PairSteps {

    private PairSteps() {
    }

    /** {@code step} applied to {@code c}: directly for a conversation or a pair-aware step, else per dialogue. */
    public static StepResult apply(Step step, Conversation c) {
        return apply(step, c, new TurnAnalyses());
    }

    /**
     * {@code step} applied to {@code c} as {@link #apply(Step, Conversation)}, sharing {@code analyses} (those of
     * {@code c}'s turn texts, which its dialogues share) with the steps before and after it.
     */
    public static StepResult apply(Step step, Conversation c, TurnAnalyses analyses) {
        if (!c.isPair() || step instanceof PairAware) {
            return step.apply(c, analyses);
        }
        Conversation chosenDialogue = c.dialogue(c.chosen());
        StepResult chosen = step.apply(chosenDialogue, analyses);
        if (chosen instanceof StepResult.Rejected r) {
            return StepResult.rejected(c, r.why(), "chosen answer: " + r.message());
        }
        StepResult rejected = step.apply(c.dialogue(c.rejected()), analyses);
        if (rejected instanceof StepResult.Rejected r) {
            return StepResult.rejected(c, r.why(), "rejected answer: " + r.message());
        }
        Conversation a = ((StepResult.Kept) chosen).conversation();
        Conversation b = ((StepResult.Kept) rejected).conversation();
        int prompt = c.prompt().size();
        if (a.turns().size() != prompt + c.chosen().size() || b.turns().size() != prompt + c.rejected().size()) {
            throw new IllegalStateException("step '" + step.name() + "' changed the number of turns of a preference"
                    + " pair's dialogue; such a step must be PairAware");
        }
        List<Turn> aTurns = a.turns();
        List<Turn> bTurns = b.turns();
        LinkedHashSet<Finding> findings = new LinkedHashSet<>(a.findings());
        findings.addAll(b.findings());
        Map<String, Object> metadata = new LinkedHashMap<>(a.metadata());
        b.metadata().forEach(metadata::putIfAbsent);
        Conversation pair = new Conversation(a.id(), c.source(), List.of(), metadata, new ArrayList<>(findings))
                .withPair(aTurns.subList(0, prompt), aTurns.subList(prompt, aTurns.size()),
                        bTurns.subList(prompt, bTurns.size()));
        return StepResult.kept(pair.equals(c) ? c : pair);
    }

}
