package dev.colloquy.pipeline.steps;

import dev.colloquy.model.Conversation;
import dev.colloquy.model.Reason;
import dev.colloquy.model.Turn;
import dev.colloquy.step.Step;
import dev.colloquy.step.AbstractStepFactory;
import dev.colloquy.step.StepParameters;
import dev.colloquy.step.StepResult;
import dev.colloquy.signals.Pii;
import dev.colloquy.signals.PiiDetector;
import dev.colloquy.signals.PiiRedactor;
import java.util.Locale;

/**
 * What to do with personal data: {@code redact} replaces it with consistent placeholders ({@link PiiRedactor}),
 * {@code reject} quarantines conversations containing any ({@link PiiDetector}), {@code keep} leaves it.
 */
public record PiiAction(Action action) implements Step {

    public static final String NAME = "pii_action";
    public static final Reason CONTAINS_PII = Reason.of("contains_pii");

    /** What the step does with personal data; {@link #REDACT} by default. */
    public enum Action {
        REDACT, REJECT, KEEP;

        /** A pipeline file's {@code action} value, any case; a wrong one is an error listing the valid ones. */
        public static Action parse(String value) {
            try {
                return valueOf(value.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("Step '" + NAME + "': parameter 'action' must be one of redact,"
                        + " reject, keep, was '" + value + "'", e);
            }
        }
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public StepResult apply(Conversation c) {
        return switch (action) {
            case KEEP -> StepResult.kept(c);
            case REDACT -> new PiiRedactor().apply(c);
            case REJECT -> reject(c);
        };
    }

    private static StepResult reject(Conversation c) {
        StepResult r = new PiiDetector().apply(c);
        if (r instanceof StepResult.Kept k) {
            for (Turn t : k.conversation().turns()) {
                for (Pii p : t.findings(Pii.class)) {
                    return StepResult.rejected(c, CONTAINS_PII, "turn " + p.turn() + " contains "
                            + p.kind().name().toLowerCase(Locale.ROOT).replace('_', ' '));
                }
            }
        }
        return StepResult.kept(c);
    }

    public static final class Factory extends AbstractStepFactory {
        public Factory() {
            super(NAME, "personal data: action redact (placeholders), reject (quarantine) or keep", "action");
        }

        @Override
        protected Step build(StepParameters p) {
            return new PiiAction(Action.parse(p.getString("action", "redact")));
        }
    }
}
