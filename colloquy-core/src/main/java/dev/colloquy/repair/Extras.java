package dev.colloquy.repair;

import java.util.ArrayList;
import java.util.List;

/*
 * Optional clean-ups that are not encoding repairs, each off by default: straight quotes,
 * full-width forms to ASCII, HTML character references. They run after the encoding repair
 * and are reported as repairs of their own kind.
 */
record Extras(boolean uncurlQuotes, boolean fullwidthToAscii, boolean unescapeHtml) {

    boolean any() {
        return uncurlQuotes || fullwidthToAscii || unescapeHtml;
    }

    RepairResult apply(RepairResult in) {
        String text = in.text();
        List<Repair> repairs = new ArrayList<>(in.repairs());
        List<UnresolvedSpan> unresolved = in.unresolved();
        if (unescapeHtml) {
            int from = repairs.size();
            text = pass(text, repairs, RepairKind.HTML_UNESCAPED, Extras::htmlAt);
            unresolved = moved(unresolved, repairs.subList(from, repairs.size()));
        }
        if (uncurlQuotes) {
            text = pass(text, repairs, RepairKind.QUOTES_STRAIGHTENED, Extras::quoteAt);
        }
        if (fullwidthToAscii) {
            text = pass(text, repairs, RepairKind.FULLWIDTH_TO_ASCII, Extras::fullwidthAt);
        }
        return repairs.size() == in.repairs().size() ? in : new RepairResult(text, repairs, unresolved);
    }

    /**
     * The unresolved spans after one pass's repairs: each moved by the length changes before it. Mojibake holds no
     * {@code &...;} reference, so no HTML repair falls inside one; quote and full-width passes keep lengths.
     */
    private static List<UnresolvedSpan> moved(List<UnresolvedSpan> spans, List<Repair> pass) {
        List<UnresolvedSpan> out = new ArrayList<>(spans.size());
        for (UnresolvedSpan u : spans) {
            int delta = 0;
            for (Repair r : pass) {
                if (r.inputEnd() <= u.offset()) {
                    delta += (r.outputEnd() - r.outputStart()) - (r.inputEnd() - r.inputStart());
                }
            }
            out.add(u.shifted(delta));
        }
        return out;
    }

    /** A replacement found at a position: {@code length} chars become {@code text}. */
    private record Hit(int length, String text) {
    }

    private interface Finder {
        Hit at(String s, int i);
    }

    private static String pass(String text, List<Repair> repairs, RepairKind kind, Finder finder) {
        StringBuilder out = null;
        int cpIn = 0;
        int cpOut = 0;
        int i = 0;
        while (i < text.length()) {
            Hit h = finder.at(text, i);
            if (h == null) {
                int cp = text.codePointAt(i);
                int n = Character.charCount(cp);
                if (out != null) {
                    out.appendCodePoint(cp);
                }
                i += n;
                cpIn++;
                cpOut++;
                continue;
            }
            if (out == null) {
                out = new StringBuilder(text.length()).append(text, 0, i);
            }
            String before = text.substring(i, i + h.length());
            int inLen = before.codePointCount(0, before.length());
            int outLen = h.text().codePointCount(0, h.text().length());
            repairs.add(new Repair(kind, cpIn, cpIn + inLen, cpOut, cpOut + outLen, before, h.text(), kind.wireName(),
                    1.0));
            out.append(h.text());
            i += h.length();
            cpIn += inLen;
            cpOut += outLen;
        }
        return out == null ? text : out.toString();
    }

    private static Hit quoteAt(String s, int i) {
        char c = s.charAt(i);
        return switch (c) {
            case '\u2018', '\u2019', '\u201A', '\u201B', '\u2032' -> new Hit(1, "'");
            case '\u201C', '\u201D', '\u201E', '\u201F', '\u2033' -> new Hit(1, "\"");
            default -> null;
        };
    }

    private static Hit fullwidthAt(String s, int i) {
        char c = s.charAt(i);
        if (c >= '\uFF01' && c <= '\uFF5E') {
            return new Hit(1, String.valueOf((char) (c - 0xFEE0)));
        }
        return c == '\u3000' ? new Hit(1, " ") : null;
    }

    private static Hit htmlAt(String s, int i) {
        if (s.charAt(i) != '&') {
            return null;
        }
        int semi = s.indexOf(';', i);
        if (semi < 0 || semi - i > 10) {
            return null;
        }
        String name = s.substring(i + 1, semi);
        String value = switch (name) {
            case "amp" -> "&";
            case "lt" -> "<";
            case "gt" -> ">";
            case "quot" -> "\"";
            case "apos" -> "'";
            case "nbsp" -> "\u00A0";
            default -> numeric(name);
        };
        return value == null ? null : new Hit(semi - i + 1, value);
    }

    private static String numeric(String name) {
        try {
            if (name.startsWith("#x") || name.startsWith("#X")) {
                return validCodePoint(Integer.parseInt(name.substring(2), 16));
            }
            if (name.startsWith("#")) {
                return validCodePoint(Integer.parseInt(name.substring(1)));
            }
        } catch (NumberFormatException e) {
            return null;
        }
        return null;
    }

    private static String validCodePoint(int cp) {
        if (cp <= 0 || cp > 0x10FFFF || cp >= 0xD800 && cp <= 0xDFFF) {
            return null;
        }
        return new String(Character.toChars(cp));
    }
}
