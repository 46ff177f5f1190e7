package dev.colloquy.signals;

import dev.colloquy.model.Finding;
import java.util.List;
import java.util.Optional;

/**
 * The language of one turn, found by {@link LanguageIdentifier}.
 *
 * @param turn       the turn (0-based)
 * @param language   ISO 639-1 code, or {@code "und"} when the turn is too short or no language is confident
 * @param confidence 0..1; 0 for {@code "und"}
 * @param method     how it was decided
 * @param spans      stretches of the turn in another script than its main one (code-switching), in text order
 */
public record TurnLanguage(int turn, String language, double confidence, Method method, List<LanguageSpan> spans)
        implements Finding {

    /** Undetermined: the ISO 639-2 code for "no language could be told". */
    public static final String UNDETERMINED = "und";

    /** How a language was decided, cheapest first. */
    public enum Method {
        /** Too little text to tell. */
        NONE,
        /** The script alone decides it (Hangul, Thai, kana, Han without kana, ...). */
        SCRIPT,
        /** Character n-gram models (Lingua's data) of the languages written in the turn's script. */
        NGRAMS
    }

    public TurnLanguage {
        spans = List.copyOf(spans);
    }

    public boolean determined() {
        return !UNDETERMINED.equals(language);
    }

    @Override
    public String type() {
        return "language";
    }

    /** The confidence of a determined language; an undetermined turn has no score to report. */
    @Override
    public Optional<Score> statsScore() {
        return determined() ? Optional.of(new Score("confidence", confidence)) : Optional.empty();
    }

    @Override
    public Optional<String> statsLanguage() {
        return Optional.of(language);
    }
}
