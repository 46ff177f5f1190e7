package dev.colloquy.signals;

import dev.colloquy.model.Conversation;
import dev.colloquy.model.Turn;
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
        List<Turn> turns = c.turns();
        List<Turn> out = null;
        for (int i = 0; i < turns.size(); i++) {
            String text = turns.get(i).text();
            List<PiiScanner.Match> matches = PiiScanner.scan(text);
            if (matches.isEmpty()) {
                continue;
            }
            List<Pii> found = new ArrayList<>(matches.size());
            for (PiiScanner.Match m : matches) {
                int start = text.codePointCount(0, m.start());
                found.add(new Pii(i, m.kind(), start, start + text.codePointCount(m.start(), m.end())));
            }
            if (out == null) {
                out = new ArrayList<>(turns);
            }
            out.set(i, turns.get(i).withFindings(found));
        }
        return StepResult.kept(out == null ? c : c.withTurns(out));
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
