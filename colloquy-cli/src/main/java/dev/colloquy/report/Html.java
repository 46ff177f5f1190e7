package dev.colloquy.report;

/**
 * HTML text escaping for the report. Everything that comes from data (turn text, ids, reasons, file names)
 * goes through {@link #text}; the escaping covers both element content and double-quoted attribute values.
 */
final class Html {

    private Html() {
    }

    static String text(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 16);
        s.codePoints().forEach(c -> {
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                default -> {
                    // Control characters (mojibake leaves C1 controls behind) are shown, not passed to the browser.
                    if (c < 0x20 && c != '\n' && c != '\t' || c >= 0x7f && c < 0xa0) {
                        sb.append(String.format(java.util.Locale.ROOT, "<span class=\"cc\">U+%04X</span>", c));
                    } else {
                        sb.appendCodePoint(c);
                    }
                }
            }
        });
        return sb.toString();
    }

    /** At most {@code max} code points of {@code s}, with an ellipsis when cut. */
    static String clip(String s, int max) {
        if (s.codePointCount(0, s.length()) <= max) {
            return s;
        }
        return s.substring(0, s.offsetByCodePoints(0, max)) + "…";
    }
}
