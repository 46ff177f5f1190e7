package dev.colloquy.signals;

/** The surface evidence that makes a place in a turn a candidate {@link Hole}. */
public enum HoleCue {
    /** Two spaces between words inside a line: {@code "someone just  you"}. */
    DOUBLE_SPACE,
    /** A space, then punctuation: {@code "I believe in ."}, {@code "They're , even if"}. */
    SPACE_BEFORE_PUNCTUATION,
    /** A dash touching a gap on one side only: {@code "love as a —layered"}, {@code "the head—."}. */
    DASH_GAP,
    /** A parenthesis with a space on its inner side and a word beyond: {@code "( a leading dot"}, {@code "of or )"}. */
    BRACKET_GAP,
    /** Quotes or parentheses with nothing inside: {@code "he said “” and left"}. */
    EMPTY_PAIR,
    /** A line that starts with punctuation or a space and a lowercase word: {@code ": this is required"}. */
    LINE_START
}
