package dev.colloquy.signals;

import dev.colloquy.model.Conversation;
import dev.colloquy.model.Turn;
import dev.colloquy.step.Step;
import dev.colloquy.step.AbstractStepFactory;
import dev.colloquy.step.StepParameters;
import dev.colloquy.step.StepResult;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Replaces the personal data {@link PiiDetector} would find with placeholders that stay consistent across the
 * turns of one conversation: the same e-mail address is {@code <EMAIL_1>} wherever it occurs, a second one
 * {@code <EMAIL_2>}. Values are compared after trimming and lower-casing e-mail addresses, and as digits only for
 * phones and cards, so "+49 30 1234567" and "+49-30-1234567" share a placeholder. Each replacement is recorded as
 * a {@link PiiRedaction} without the value. Numbering restarts with each conversation, so results do not depend
 * on the order conversations are processed in. Run it after the other signals: it changes the text, so
 * offsets found earlier no longer apply. Thread-safe.
 */
public final class PiiRedactor implements Step {

    public static final String NAME = "pii_redact";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public StepResult apply(Conversation c) {
        Map<PiiKind, Map<String, String>> assigned = new EnumMap<>(PiiKind.class);
        List<Turn> turns = c.turns();
        List<Turn> out = null;
        for (int i = 0; i < turns.size(); i++) {
            Turn turn = turns.get(i);
            String text = turn.text();
            List<PiiScanner.Match> matches = PiiScanner.scan(text);
            if (matches.isEmpty()) {
                continue;
            }
            StringBuilder sb = new StringBuilder(text.length());
            List<PiiRedaction> redactions = new ArrayList<>(matches.size());
            int last = 0;
            int cpOut = 0;
            for (PiiScanner.Match m : matches) {
                sb.append(text, last, m.start());
                cpOut += text.codePointCount(last, m.start());
                Map<String, String> byValue = assigned.computeIfAbsent(m.kind(), k -> new HashMap<>());
                String key = normalise(m.kind(), text.substring(m.start(), m.end()));
                String placeholder = byValue.computeIfAbsent(key,
                        k -> "<" + m.kind().placeholderStem() + "_" + (byValue.size() + 1) + ">");
                sb.append(placeholder);
                redactions.add(new PiiRedaction(i, m.kind(), cpOut, cpOut + placeholder.length(), placeholder));
                cpOut += placeholder.length();
                last = m.end();
            }
            sb.append(text, last, text.length());
            if (out == null) {
                out = new ArrayList<>(turns);
            }
            out.set(i, turn.withText(sb.toString()).withFindings(redactions));
        }
        return StepResult.kept(out == null ? c : c.withTurns(out));
    }

    private static String normalise(PiiKind kind, String value) {
        return switch (kind) {
            case PHONE, CREDIT_CARD -> value.replaceAll("[^0-9+]", "");
            case EMAIL, IP_ADDRESS -> value.strip().toLowerCase(java.util.Locale.ROOT);
            case URL_CREDENTIALS -> value.strip();
        };
    }

    /** Builds {@link PiiRedactor}; it takes no parameters. */
    public static final class Factory extends AbstractStepFactory {
        public Factory() {
            super(NAME, "Replaces personal data with placeholders consistent across the turns of a conversation.");
        }

        @Override
        protected Step build(StepParameters p) {
            return new PiiRedactor();
        }
    }
}
