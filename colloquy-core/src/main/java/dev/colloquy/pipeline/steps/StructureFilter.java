package dev.colloquy.pipeline.steps;

import dev.colloquy.model.Conversation;
import dev.colloquy.model.Reason;
import dev.colloquy.model.Role;
import dev.colloquy.model.Turn;
import dev.colloquy.step.Step;
import dev.colloquy.step.AbstractStepFactory;
import dev.colloquy.step.StepParameters;
import dev.colloquy.step.StepResult;

/**
 * Structure rules, each switchable: the first non-system turn is the user's, consecutive turns never share
 * a role, and at least one assistant turn has text. Checked in that order; the first broken rule is the reason.
 */
public record StructureFilter(boolean mustStartWithUser, boolean mustAlternate, boolean requireAssistantReply)
        implements Step {

    public static final String NAME = "structure";
    public static final Reason DOES_NOT_START_WITH_USER = Reason.of("does_not_start_with_user");
    public static final Reason ROLES_NOT_ALTERNATING = Reason.of("roles_not_alternating");
    public static final Reason NO_ASSISTANT_REPLY = Reason.of("no_assistant_reply");

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public StepResult apply(Conversation c) {
        int first = 0;
        while (first < c.turns().size() && c.turns().get(first).role() == Role.SYSTEM) {
            first++;
        }
        if (mustStartWithUser && first < c.turns().size() && c.turns().get(first).role() != Role.USER) {
            return StepResult.rejected(c, DOES_NOT_START_WITH_USER, "the first turn after any system turn is "
                    + c.turns().get(first).role() + ", not user");
        }
        if (mustAlternate) {
            for (int i = 1; i < c.turns().size(); i++) {
                if (c.turns().get(i).role() == c.turns().get(i - 1).role()) {
                    return StepResult.rejected(c, ROLES_NOT_ALTERNATING, "turns " + (i - 1) + " and " + i
                            + " are both " + c.turns().get(i).role());
                }
            }
        }
        if (requireAssistantReply && !hasAssistantReply(c)) {
            return StepResult.rejected(c, NO_ASSISTANT_REPLY, "no assistant turn has any text");
        }
        return StepResult.kept(c);
    }

    static boolean hasAssistantReply(Conversation c) {
        for (Turn t : c.turns()) {
            if (t.role() == Role.ASSISTANT && !t.text().isBlank()) {
                return true;
            }
        }
        return false;
    }

    public static final class Factory extends AbstractStepFactory {
        public Factory() {
            super(NAME, "structure rules: must_start_with_user, must_alternate, require_assistant_reply (all default true)",
                    "must_start_with_user", "must_alternate", "require_assistant_reply");
        }

        @Override
        protected Step build(StepParameters p) {
            return new StructureFilter(p.getBoolean("must_start_with_user", true), p.getBoolean("must_alternate", true),
                    p.getBoolean("require_assistant_reply", true));
        }
    }
}
