package dev.colloquy.pipeline.steps;

import dev.colloquy.step.StepFactory;
import dev.colloquy.signals.AgreementLoopDetector;
import dev.colloquy.signals.EchoDetector;
import dev.colloquy.signals.HoleDetector;
import dev.colloquy.signals.LanguageIdentifier;
import dev.colloquy.signals.PiiDetector;
import dev.colloquy.signals.PiiRedactor;
import dev.colloquy.signals.RepetitionDetector;
import dev.colloquy.signals.StructureCheck;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every step a {@code PIPELINE.yaml} can name, by name: repair, the signals, filters. Immutable. Keep this
 * list the one place that knows them all.
 */
public final class StepRegistry {

    private static final StepRegistry DEFAULTS = new StepRegistry(List.of(
            new RepairStep.Factory(),
            // signals (docs/signals.md, docs/holes.md): they attach findings, never reject
            new HoleDetector.Factory(),
            new StructureCheck.Factory(),
            new LanguageIdentifier.Factory(),
            new RepetitionDetector.Factory(),
            new EchoDetector.Factory(),
            new AgreementLoopDetector.Factory(),
            new PiiDetector.Factory(),
            new PiiRedactor.Factory(),
            // filters and transforms
            new PiiAction.Factory(),
            new LanguageFilter.Factory(),
            new RepetitionFilter.Factory(),
            new TurnCountFilter.Factory(),
            new TurnLengthFilter.Factory(),
            new BlocklistFilter.Factory(),
            new ConversationLengthFilter.Factory(),
            new StructureFilter.Factory(),
            new MergeSameRoleTurns.Factory(),
            new TrainingReadyFilter.Factory(),
            new FindingCountFilter.Factory(),
            new FindingCountFilter.Preset("max_holes", "holes", "too_many_holes", 0,
                    "reject when more than max holes (missing spans) were found (needs the holes step first)"),
            new FindingCountFilter.Preset("no_agreement_loop", "agreement_loop", "agreement_loop", 0,
                    "reject conversations ending in an agreement loop (needs the loop signal first)"),
            new FindingCountFilter.Preset("no_language_mismatch", "language_mismatch", "language_mismatch", 0,
                    "reject when a reply's language differs from the turn it answers (needs the language signal)"),
            new FindingCountFilter.Preset("no_pii", "pii", "contains_pii", 0,
                    "reject conversations where PII was found (needs the pii signal first)")));

    private final Map<String, StepFactory> factories;

    public StepRegistry(List<StepFactory> factories) {
        Map<String, StepFactory> m = new LinkedHashMap<>();
        for (StepFactory f : factories) {
            if (m.put(f.name(), f) != null) {
                throw new IllegalArgumentException("two step factories are named '" + f.name() + "'");
            }
        }
        this.factories = m;
    }

    /** Every step Colloquy ships. */
    public static StepRegistry defaults() {
        return DEFAULTS;
    }

    public Optional<StepFactory> factory(String name) {
        return Optional.ofNullable(factories.get(name));
    }

    /** The registered names, in registration order. */
    public List<String> names() {
        return new ArrayList<>(factories.keySet());
    }

    public List<StepFactory> factories() {
        return List.copyOf(factories.values());
    }
}
