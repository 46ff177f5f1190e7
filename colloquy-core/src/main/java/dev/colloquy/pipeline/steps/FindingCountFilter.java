package dev.colloquy.pipeline.steps;

import dev.colloquy.model.Conversation;
import dev.colloquy.model.Finding;
import dev.colloquy.model.Reason;
import dev.colloquy.model.Turn;
import dev.colloquy.step.Step;
import dev.colloquy.step.AbstractStepFactory;
import dev.colloquy.step.StepParameters;
import dev.colloquy.step.StepResult;
import java.util.List;

/**
 * Rejects a conversation carrying more than {@code max} findings of the given types (on the conversation and
 * its turns together), as attached by earlier signal steps. One class serves several named filters:
 * {@code max_holes} (holes), {@code no_agreement_loop}, {@code no_language_mismatch}, {@code no_pii} and the
 * general {@code max_findings}. It reads only {@link Finding#type()}, so it works with any signal.
 */
public record FindingCountFilter(String name, List<String> types, int max, Reason reason) implements Step {

    public FindingCountFilter {
        types = List.copyOf(types);
        if (types.isEmpty()) {
            throw new IllegalArgumentException("Step '" + name + "': parameter 'types' must name at least one type");
        }
        if (max < 0) {
            throw new IllegalArgumentException("Step '" + name + "': parameter 'max' must be >= 0, was " + max);
        }
    }

    /** A filter whose reason is given by its code. */
    public FindingCountFilter(String name, List<String> types, int max, String reason) {
        this(name, types, max, Reason.of(reason));
    }

    @Override
    public StepResult apply(Conversation c) {
        int n = count(c.findings());
        for (Turn t : c.turns()) {
            n += count(t.findings());
        }
        if (n > max) {
            String what = String.join("/", types);
            return StepResult.rejected(c, reason, "has " + n + " " + what + " finding(s); at most " + max
                    + " allowed");
        }
        return StepResult.kept(c);
    }

    private int count(List<Finding> findings) {
        int n = 0;
        for (Finding f : findings) {
            if (types.contains(f.type())) {
                n++;
            }
        }
        return n;
    }

    /** A named preset: a fixed finding type and reason, with only {@code max} configurable. */
    public static final class Preset extends AbstractStepFactory {
        private final String type;
        private final Reason reason;
        private final int defaultMax;

        public Preset(String name, String type, String reason, int defaultMax, String description) {
            super(name, description, "max");
            this.type = type;
            this.reason = Reason.of(reason);
            this.defaultMax = defaultMax;
        }

        @Override
        protected Step build(StepParameters p) {
            return new FindingCountFilter(name(), List.of(type), p.getInt("max", defaultMax), reason);
        }
    }

    /** {@code max_findings}: any finding types, any reason code. */
    public static final class Factory extends AbstractStepFactory {
        public Factory() {
            super("max_findings", "reject when more than max findings of the listed types were attached (types, max,"
                    + " reason)", "types", "max", "reason");
        }

        @Override
        protected Step build(StepParameters p) {
            return new FindingCountFilter(name(), p.getStringList("types", List.of()), p.getInt("max", 0),
                    Reason.of(p.getString("reason", "too_many_findings")));
        }
    }
}
