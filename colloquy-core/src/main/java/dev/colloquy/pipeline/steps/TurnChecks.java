package dev.colloquy.pipeline.steps;

import dev.colloquy.model.Conversation;
import dev.colloquy.model.Finding;
import dev.colloquy.model.Reason;
import dev.colloquy.model.Turn;
import dev.colloquy.step.StepResult;
import java.util.function.Function;

/**
 * The loop the turn filters share: a conversation is rejected at the first turn (or turn finding) a rule objects
 * to, with that objection, and kept when none does.
 */
final class TurnChecks {

    /**
     * A rule's objection to a turn.
     *
     * @param why    the reason
     * @param detail the message after {@code "turn N (role) "}, e.g. {@code "has 3 characters; at least 5 required"}
     */
    record Objection(Reason why, String detail) {
    }

    /** What a rule makes of one turn: an objection, or null to pass it. */
    @FunctionalInterface
    interface TurnRule {
        Objection check(Turn t);
    }

    /** Rejected at the first turn {@code rule} objects to, the message naming the turn and its role; else kept. */
    static StepResult firstTurn(Conversation c, TurnRule rule) {
        for (int i = 0; i < c.turns().size(); i++) {
            Turn t = c.turns().get(i);
            Objection o = rule.check(t);
            if (o != null) {
                return StepResult.rejected(c, o.why(), "turn " + i + " (" + t.role() + ") " + o.detail());
            }
        }
        return StepResult.kept(c);
    }

    /**
     * Rejected for {@code why} at the first turn finding of {@code type}, in turn order, for which {@code message}
     * gives a message (null passes the finding); else kept.
     */
    static <F extends Finding> StepResult firstFinding(Conversation c, Class<F> type, Reason why,
                                                      Function<F, String> message) {
        for (Turn t : c.turns()) {
            for (F f : t.findings(type)) {
                String m = message.apply(f);
                if (m != null) {
                    return StepResult.rejected(c, why, m);
                }
            }
        }
        return StepResult.kept(c);
    }

    private TurnChecks() {
    }
}
