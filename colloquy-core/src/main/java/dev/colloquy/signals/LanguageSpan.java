package dev.colloquy.signals;

import java.io.Serializable;

/**
 * A stretch of a turn written in another script than the turn's main one.
 *
 * @param start    start offset in the turn's text, in code points
 * @param end      end offset (exclusive), in code points
 * @param language ISO 639-1 code, or {@code "und"} when the stretch is too short to tell
 * @param script   ISO 15924 script code, e.g. {@code "Latn"}, {@code "Hani"}
 */
public record LanguageSpan(int start, int end, String language, String script) implements Serializable {
}
