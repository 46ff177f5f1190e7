package dev.colloquy.signals;

import dev.colloquy.model.Conversation;
import dev.colloquy.step.Step;
import dev.colloquy.step.AbstractStepFactory;
import dev.colloquy.step.StepParameters;
import dev.colloquy.step.StepResult;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds e-mail addresses, phone numbers, IP addresses, Luhn-valid credit-card numbers and URLs with credentials,
 * and attaches one {@link Pii} per value to its turn (spans in code points, never the value). Leaves the text as
 * it is; {@link PiiRedactor} replaces the values. Thread-safe.
 */
public final class PiiDetector implements Step {

    public static final String NAME = "pii";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public StepResult apply(Conversation c) {
        return StepResult.kept(c.withTurnFindings(i -> find(i, c.turns().get(i).text())));
    }

    /** The personal data in turn {@code turn}'s {@code text}, offsets in code points. */
    private static List<Pii> find(int turn, String text) {
        List<PiiScanner.Match> matches = PiiScanner.scan(text);
        List<Pii> found = new ArrayList<>(matches.size());
        for (PiiScanner.Match m : matches) {
            int start = text.codePointCount(0, m.start());
            found.add(new Pii(turn, m.kind(), start, start + text.codePointCount(m.start(), m.end())));
        }
        return found;
    }

    /** Builds {@link PiiDetector}; it takes no parameters. */
    public static final class Factory extends AbstractStepFactory {
        public Factory() {
            super(NAME, "Finds e-mail addresses, phone numbers, IP addresses, credit cards and URLs with credentials.");
        }

        @Override
        protected Step build(StepParameters p) {
            return new PiiDetector();
        }
    }
}
