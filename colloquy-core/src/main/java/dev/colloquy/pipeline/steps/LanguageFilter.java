package dev.colloquy.pipeline.steps;

import dev.colloquy.model.Conversation;
import dev.colloquy.model.Reason;
import dev.colloquy.step.Step;
import dev.colloquy.step.AbstractStepFactory;
import dev.colloquy.step.StepParameters;
import dev.colloquy.step.StepResult;
import dev.colloquy.signals.TurnLanguage;
import java.util.List;
import java.util.Locale;

/**
 * Keeps conversations whose every turn with a determined language is in {@code allowed} (ISO 639-1 codes).
 * Reads the {@code language} findings of the {@code language} step, which must run before it; turns too short
 * to tell ({@code und}) never reject.
 */
public record LanguageFilter(List<String> allowed) implements Step {

    public static final String NAME = "languages";
    public static final Reason LANGUAGE_NOT_ALLOWED = Reason.of("language_not_allowed");

    public LanguageFilter {
        allowed = allowed.stream().map(s -> s.trim().toLowerCase(Locale.ROOT)).toList();
        if (allowed.isEmpty()) {
            throw new IllegalArgumentException("Step '" + NAME + "': parameter 'allowed' must list at least one"
                    + " language code, e.g. [en, de]");
        }
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public StepResult apply(Conversation c) {
        return TurnChecks.firstFinding(c, TurnLanguage.class, LANGUAGE_NOT_ALLOWED,
                l -> l.determined() && !allowed.contains(l.language())
                        ? "turn " + l.turn() + " is in '" + l.language() + "', not one of " + String.join(", ", allowed)
                        : null);
    }

    public static final class Factory extends AbstractStepFactory {
        public Factory() {
            super(NAME, "keep conversations whose turns are all in the allowed languages (needs the language step first)",
                    "allowed");
        }

        @Override
        protected Step build(StepParameters p) {
            return new LanguageFilter(p.getStringList("allowed", List.of()));
        }
    }
}
