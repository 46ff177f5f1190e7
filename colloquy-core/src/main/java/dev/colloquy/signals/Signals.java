package dev.colloquy.signals;

import dev.colloquy.step.Step;
import java.util.List;

/** The signal steps with default settings, in the order {@code colloquy inspect} runs them. */
public final class Signals {

    private Signals() {
    }

    /**
     * Holes, structure, language, repetition, echo, agreement loop and PII detection, with defaults. Redaction is
     * not included: it changes the text.
     */
    public static List<Step> defaults() {
        return List.of(new HoleDetector(), new StructureCheck(), new LanguageIdentifier(), new RepetitionDetector(), new EchoDetector(),
                new AgreementLoopDetector(), new PiiDetector());
    }
}
