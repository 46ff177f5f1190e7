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
    LINE_START,
    /**
     * A grammatical particle with no word before it, where the language attaches it to one: Korean
     * {@code "하단 를 참고"}, Japanese {@code "場合、 は"}.
     */
    ORPHAN_PARTICLE,
    /** A sigil or list separator with nothing after it: {@code "$ está establecida"}, {@code "zijn , , enz."}. */
    EMPTY_SLOT
}
