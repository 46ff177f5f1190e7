package dev.colloquy.signals;

import dev.colloquy.model.Conversation;
import dev.colloquy.model.Turn;
import dev.colloquy.step.Step;
import dev.colloquy.step.AbstractStepFactory;
import dev.colloquy.step.StepParameters;
import dev.colloquy.step.StepResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Replaces the personal data {@link PiiDetector} would find with placeholders that stay consistent across the
 * turns of one conversation: the same e-mail address is {@code <EMAIL_1>} wherever it occurs, a second one
 * {@code <EMAIL_2>}. Values are compared after trimming and lower-casing e-mail addresses, and as digits only for
 * phones and cards, so "+49 30 1234567" and "+49-30-1234567" share a placeholder. Each replacement is recorded as
 * a {@link PiiRedaction} without the value. Numbering restarts with each conversation, so results do not depend
 * on the order conversations are processed in. Run it after the other signals: it changes the text, so
 * offsets found earlier no longer apply. Values in speaker labels, turn extras, metadata and the id are replaced
 * too, with the same numbering (there is no finding for those). Thread-safe.
 */
public final class PiiRedactor implements Step {

    public static final String NAME = "pii_redact";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public StepResult apply(Conversation c) {
        PiiMasker masker = new PiiMasker();
        List<Turn> turns = c.turns();
        List<Turn> out = new ArrayList<>(turns.size());
        boolean changed = false;
        for (int i = 0; i < turns.size(); i++) {
            Turn turn = turns.get(i);
            String text = turn.text();
            List<PiiMasker.Replacement> found = masker.replacements(text);
            Turn t = turn;
            if (!found.isEmpty()) {
                StringBuilder sb = new StringBuilder(text.length());
                List<PiiRedaction> redactions = new ArrayList<>(found.size());
                int last = 0;
                int cpOut = 0;
                for (PiiMasker.Replacement m : found) {
                    sb.append(text, last, m.start());
                    cpOut += text.codePointCount(last, m.start());
                    redactions.add(new PiiRedaction(i, m.kind(), cpOut, cpOut + m.placeholder().length(),
                            m.placeholder()));
                    sb.append(m.placeholder());
                    cpOut += m.placeholder().length();
                    last = m.end();
                }
                sb.append(text, last, text.length());
                t = t.withText(sb.toString()).withFindings(redactions);
            }
            // the rest of the turn leaves the tool too: its speaker label (OpenAI "name") and extra fields
            String speaker = masker.mask(t.speaker());
            Object extra = masker.maskTree(t.extra());
            if (speaker != t.speaker() || extra != t.extra()) {
                @SuppressWarnings("unchecked")
                Map<String, Object> e = (Map<String, Object>) extra;
                t = new Turn(speaker, t.role(), t.text(), e, t.findings());
            }
            changed |= t != turn;
            out.add(t);
        }
        String id = masker.mask(c.id());
        Object metadata = masker.maskTree(c.metadata());
        if (!changed && id == c.id() && metadata == c.metadata()) {
            return StepResult.kept(c);
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> meta = (Map<String, Object>) metadata;
        return StepResult.kept(c.withTurns(out).withMetadata(meta).withId(id));
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
