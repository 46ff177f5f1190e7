package dev.colloquy.signals;

import dev.colloquy.model.Finding;
import java.util.List;

/**
 * A reply in another language than the turn it answers, found by {@link LanguageIdentifier} and attached to the
 * conversation.
 *
 * @param turns         the answered turn and the reply (0-based)
 * @param language      the reply's language
 * @param answered      the answered turn's language
 */
public record LanguageMismatch(List<Integer> turns, String language, String answered) implements Finding {

    public LanguageMismatch {
        turns = List.copyOf(turns);
    }

    @Override
    public String type() {
        return "language_mismatch";
    }
}
