package dev.colloquy.format;

/**
 * Renders input values for messages a person reads: at most {@value #MAX} code points, and characters that would
 * be invisible or confusing on a terminal (controls, format characters, odd spaces, U+FFFD, unassigned) shown as
 * {@code <U+2019>}.
 */
final class Excerpt {

    static final int MAX = 200;

    private Excerpt() {
    }

    static String quote(String s) {
        return "'" + of(s) + "'";
    }

    static String of(String s) {
        StringBuilder b = new StringBuilder();
        int count = 0;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            if (++count > MAX) {
                b.append("…");
                break;
            }
            if (odd(cp)) {
                b.append(String.format(java.util.Locale.ROOT, "<U+%04X>", cp));
            } else {
                b.appendCodePoint(cp);
            }
        }
        return b.toString();
    }

    static String codePoint(int cp) {
        return String.format(java.util.Locale.ROOT, "U+%04X", cp);
    }

    private static boolean odd(int cp) {
        if (cp == ' ') {
            return false;
        }
        if (cp == 0xFFFD || Character.isSpaceChar(cp)) {
            return true;
        }
        int type = Character.getType(cp);
        return type == Character.CONTROL || type == Character.FORMAT || type == Character.UNASSIGNED
                || type == Character.PRIVATE_USE || type == Character.SURROGATE;
    }
}
