package dev.colloquy.signals;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/*
 * Finds personal data in one text. Each kind has a loose candidate pattern and a validator, because the hard
 * part is what NOT to match:
 *  - credit cards: 13-19 digits, optionally in groups of four (or Amex 4-6-5) with one kind of separator, an
 *    issuer prefix 2-6, and a valid Luhn check digit; runs of one repeated digit are not cards;
 *  - phones: a leading "+" with 8-15 digits, or "(area)" with 10-11 digits, or separated national forms
 *    (3-3-4 as in North America, or a trunk 0 with 9-11 digits as in most of Europe). Dates (2024-03-05,
 *    05.03.2024, 3/5/24), versions (1.2.3), years and plain digit runs fail these shapes;
 *  - IPv4: four octets 0-255, not preceded by a letter or dot ("v1.2.3.4") or the word "version"/"release",
 *    and not followed by ".digit";
 *  - IPv6: 8 groups of 1-4 hex digits, or fewer with one "::" and at least three groups ("12:30:45" is a time);
 *  - URLs with credentials: scheme://user:password@host;
 *  - e-mail: local@domain.tld with an alphabetic TLD.
 * Kinds are taken in that priority; a later match overlapping an earlier one is dropped (the e-mail-looking
 * "pass@host" inside a credentialed URL, the phone-looking digits of a card). Cheap character tests skip
 * each pattern when its anchor ('@', "://", ':', a digit) is absent, so prose without digits costs one scan.
 */
final class PiiScanner {

    record Match(PiiKind kind, int start, int end) {
    }

    private static final Pattern URL = Pattern.compile(
            "(?i)\\b[a-z][a-z0-9+.-]{1,15}://[^\\s/?#@:]+:[^\\s/?#@]*@[a-z0-9.-]+(?::\\d+)?");
    private static final Pattern EMAIL = Pattern.compile(
            "(?<![\\p{L}\\p{N}.+-])[\\p{L}\\p{N}._%+-]{1,64}@(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\\.)+"
                    + "[A-Za-z]{2,24}(?![\\w-])");
    private static final Pattern CARD_RE = Pattern.compile(
            "(?<![\\d.\\-])\\d(?:[ \\-]?\\d){12,18}(?![\\d\\-]|[.,]\\d)");
    private static final Pattern IPV4_RE = Pattern.compile(
            "(?<![\\w.])(?:(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)"
                    + "(?![\\w]|\\.\\d)");
    private static final Pattern IPV6_RE = Pattern.compile(
            "(?<![\\w:.])(?:[0-9A-Fa-f]{0,4}:){2,7}[0-9A-Fa-f]{0,4}(?![\\w:])");
    private static final Pattern PHONE_RE = Pattern.compile(
            "(?<![\\w+.\\-/])(?:\\+\\d|\\(\\d|\\d)[\\d ().\\-]{5,22}\\d(?![\\w/\\-]|[.,]\\d)");

    private PiiScanner() {
    }

    /** The matches in {@code text}, in text order, without overlaps; offsets in UTF-16 units. */
    static List<Match> scan(String text) {
        return scan(text, false);
    }

    /** {@link #scan}; {@code everywhere} searches the whole text with each pattern (the reference its tests use). */
    static List<Match> scan(String text, boolean everywhere) {
        boolean at = text.indexOf('@') >= 0;
        boolean colon = text.indexOf(':') >= 0;
        DigitStarts digitStarts = DigitStarts.of(text);
        boolean digit = digitStarts.count() > 0;
        if (!at && !digit) {
            return List.of();
        }
        List<Match> out = new ArrayList<>();
        if (at && colon && text.contains("://")) {
            collect(URL, text, PiiKind.URL_CREDENTIALS, out);
        }
        if (at) {
            collectEmails(everywhere, text, out);
        }
        if (digit) {
            collectInRuns(DigitPattern.CARD, everywhere, text, digitStarts, out);
            collectInRuns(DigitPattern.IPV4, everywhere, text, digitStarts, out);
        }
        if (colon && (everywhere || hasCloseColons(text))) {
            collect(IPV6_RE, text, PiiKind.IP_ADDRESS, out);
        }
        if (digit) {
            collectInRuns(DigitPattern.PHONE, everywhere, text, digitStarts, out);
        }
        out.sort(Comparator.comparingInt(Match::start));
        return out;
    }

    /*
     * Speed: a regular-expression search tries every position of the text, ~30 MB/s per pattern, and the output
     * edge scans whole JSON lines (ids, offsets, findings: digits everywhere). But a card, an IPv4 address or a
     * phone number consumes only characters of a small set (digits and a few separators), so each match lies
     * inside one maximal run of that set. Within a run a match can start only where the pattern's look-behind
     * lets it: at the run's first character, or (cards, phones) after a space or a bracket, because every other
     * character of the run (a digit, a dot, a dash, a plus) is one the look-behind refuses. A valid match needs a
     * minimum count of digits (13 for a card, 4 and three dots for an address, 8 for a phone: see isCard,
     * isPhone) between such a start and the run's end. So each pattern searches only from a run's first possible
     * start, and only runs with the digits it needs: exactly the matches a whole-text search keeps, and an id
     * such as "gen-000000385" (a dash, then digits: no possible start) costs no search at all. Transparent
     * bounds let the look-arounds see past the run.
     */
    private enum DigitPattern {
        CARD(CARD_RE, PiiKind.CREDIT_CARD, 13, 0) {
            @Override
            boolean inRun(char c) {
                return isDigit(c) || c == ' ' || c == '-';
            }

            @Override
            boolean canStart(String text, int p, boolean runStart) {
                // (?<![\d.\-])\d: inside the run only after a space; at its start not after a dot
                return isDigit(text.charAt(p)) && (runStart ? p == 0 || text.charAt(p - 1) != '.'
                        : text.charAt(p - 1) == ' ');
            }
        },
        IPV4(IPV4_RE, PiiKind.IP_ADDRESS, 4, 3) {
            @Override
            boolean inRun(char c) {
                return isDigit(c) || c == '.';
            }

            @Override
            boolean canStart(String text, int p, boolean runStart) {
                // (?<![\w.])\d: every character inside the run is a digit or a dot, so only the run's first
                return runStart && isDigit(text.charAt(p)) && (p == 0 || !isWordChar(text.charAt(p - 1)));
            }
        },
        PHONE(PHONE_RE, PiiKind.PHONE, 8, 0) {
            @Override
            boolean inRun(char c) {
                return isDigit(c) || c == ' ' || c == '(' || c == ')' || c == '.' || c == '-' || c == '+';
            }

            @Override
            boolean canStart(String text, int p, boolean runStart) {
                // (?<![\w+.\-/])(?:\+\d|\(\d|\d): inside the run only after a space or a bracket
                char c = text.charAt(p);
                if (!isDigit(c) && c != '+' && c != '(') {
                    return false;
                }
                if (runStart) {
                    return p == 0 || !(isWordChar(text.charAt(p - 1)) || text.charAt(p - 1) == '/');
                }
                char before = text.charAt(p - 1);
                return before == ' ' || before == '(' || before == ')';
            }
        };

        final Pattern pattern;
        final PiiKind kind;
        final int minDigits;
        final int minDots;

        DigitPattern(Pattern pattern, PiiKind kind, int minDigits, int minDots) {
            this.pattern = pattern;
            this.kind = kind;
            this.minDigits = minDigits;
            this.minDots = minDots;
        }

        /** Whether a match of the pattern may consume {@code c}. */
        abstract boolean inRun(char c);

        /** Whether a match may start at {@code p} of a run ({@code runStart}: p is the run's first character). */
        abstract boolean canStart(String text, int p, boolean runStart);
    }

    /**
     * Where each sequence of digits starts (a digit not after a digit), read once for the three digit patterns:
     * {@code at[0..count)}, in order.
     */
    private record DigitStarts(int[] at, int count) {
        static DigitStarts of(String text) {
            int[] at = new int[8];
            int count = 0;
            boolean afterDigit = false;
            for (int i = 0, n = text.length(); i < n; i++) {
                boolean d = isDigit(text.charAt(i));
                if (d && !afterDigit) {
                    if (count == at.length) {
                        at = Arrays.copyOf(at, at.length * 2);
                    }
                    at[count++] = i;
                }
                afterDigit = d;
            }
            return new DigitStarts(at, count);
        }
    }

    private static void collectInRuns(DigitPattern dp, boolean everywhere, String text, DigitStarts digitStarts,
            List<Match> out) {
        if (everywhere) {
            collect(dp.pattern, text, dp.kind, out);
            return;
        }
        Matcher m = null;
        int n = text.length();
        int i = 0;
        int next = 0;
        while (i < n) {
            // a run holds a digit: go from digit to digit, then back to the run's first character. Where the
            // search stands (the text's start, or the end of a run: no digit, which every run takes) the next
            // digit starts a sequence of digits
            while (next < digitStarts.count() && digitStarts.at()[next] < i) {
                next++;
            }
            if (next == digitStarts.count()) {
                break;
            }
            i = digitStarts.at()[next];
            int runStart = i;
            while (runStart > 0 && dp.inRun(text.charAt(runStart - 1))) {
                runStart--; // separators only: the text before the digit held none
            }
            i = runStart;
            int start = -1;
            int digits = 0;
            int dots = 0;
            for (; i < n; i++) {
                char c = text.charAt(i);
                if (!dp.inRun(c)) {
                    break;
                }
                if (start < 0 && dp.canStart(text, i, i == runStart)) {
                    start = i;
                }
                if (start >= 0) {
                    if (isDigit(c)) {
                        digits++;
                    } else if (c == '.') {
                        dots++;
                    }
                }
            }
            if (start < 0 || digits < dp.minDigits || dots < dp.minDots) {
                continue;
            }
            if (m == null) {
                m = dp.pattern.matcher(text).useTransparentBounds(true).useAnchoringBounds(false);
            }
            m.region(start, i); // the run only: a search to the end of the text would make this quadratic
            collect(m, text, dp.kind, out);
        }
    }

    /*
     * An e-mail match holds exactly one '@' (neither its local part nor its domain can hold one), its local part
     * is at most 64 code points (128 chars) before it and its domain is made of [A-Za-z0-9.-] after it. So for
     * each '@', in order, the pattern searches only that window, from where the last match ended: the whole-text
     * search's matches, without trying the pattern at every position of a long line that has one '@'.
     */
    private static void collectEmails(boolean everywhere, String text, List<Match> out) {
        if (everywhere) {
            collect(EMAIL, text, PiiKind.EMAIL, out);
            return;
        }
        Matcher m = EMAIL.matcher(text).useTransparentBounds(true).useAnchoringBounds(false);
        int from = 0;
        int n = text.length();
        for (int at = text.indexOf('@'); at >= 0; at = text.indexOf('@', at + 1)) {
            if (at < from) {
                continue;
            }
            int end = at + 1;
            while (end < n && isDomainChar(text.charAt(end))) {
                end++;
            }
            m.region(Math.max(from, at - 128), end);
            if (m.find()) {
                from = m.end();
                if (!overlaps(out, m.start(), m.end())) { // the "pass@host" of a credentialed URL
                    out.add(new Match(PiiKind.EMAIL, m.start(), m.end()));
                }
            }
        }
    }

    private static boolean isDomainChar(char c) {
        return isDigit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '.' || c == '-';
    }

    private static void collect(Pattern p, String text, PiiKind kind, List<Match> out) {
        collect(p.matcher(text), text, kind, out);
    }

    private static void collect(Matcher m, String text, PiiKind kind, List<Match> out) {
        Pattern p = m.pattern();
        while (m.find()) {
            int start = m.start();
            int end = m.end();
            String s = m.group();
            if (kind == PiiKind.PHONE) {
                // The loose pattern may take a trailing ")" or separator; trim to the last digit.
                while (end > start && !Character.isDigit(text.charAt(end - 1))) {
                    end--;
                }
                s = text.substring(start, end);
            }
            if (valid(kind, s, p == IPV6_RE) && !overlaps(out, start, end)
                    && !(p == IPV4_RE && afterVersion(text, start))) {
                out.add(new Match(kind, start, end));
            }
        }
    }

    /** "version 10.4.12.1", "release 1.2.3.4": four numbers that name a version, not a host. */
    private static boolean afterVersion(String text, int start) {
        String before = text.substring(Math.max(0, start - 9), start).toLowerCase(java.util.Locale.ROOT);
        return before.endsWith("version ") || before.endsWith("release ");
    }

    private static boolean overlaps(List<Match> accepted, int start, int end) {
        for (Match m : accepted) {
            if (start < m.end() && m.start() < end) {
                return true;
            }
        }
        return false;
    }

    private static boolean valid(PiiKind kind, String s, boolean ipv6) {
        return switch (kind) {
            case CREDIT_CARD -> isCard(s);
            case PHONE -> isPhone(s);
            case IP_ADDRESS -> !ipv6 || isIpv6(s);
            case EMAIL, URL_CREDENTIALS -> true;
        };
    }

    static boolean isCard(String s) {
        String digits = s.replaceAll("[^0-9]", "");
        if (digits.length() < 13 || digits.length() > 19 || digits.charAt(0) < '2' || digits.charAt(0) > '6') {
            return false;
        }
        if (digits.chars().distinct().count() == 1) {
            return false;
        }
        String[] groups = s.split("[ \\-]");
        if (groups.length > 1) {
            boolean mixed = s.indexOf(' ') >= 0 && s.indexOf('-') >= 0;
            boolean fours = true;
            for (int i = 0; i < groups.length - 1; i++) {
                fours &= groups[i].length() == 4;
            }
            boolean amex = groups.length == 3 && groups[0].length() == 4 && groups[1].length() == 6
                    && groups[2].length() == 5;
            if (mixed || !(fours || amex)) {
                return false;
            }
        }
        return luhn(digits);
    }

    static boolean luhn(String digits) {
        int sum = 0;
        boolean dbl = false;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int d = digits.charAt(i) - '0';
            if (dbl) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
            dbl = !dbl;
        }
        return sum % 10 == 0;
    }

    static boolean isPhone(String s) {
        String digits = s.replaceAll("[^0-9]", "");
        int n = digits.length();
        if (s.startsWith("+")) {
            return n >= 8 && n <= 15 && s.indexOf('.') < 0;
        }
        String[] groups = s.replaceAll("[()]", " ").trim().split("[ .\\-]+");
        if (s.startsWith("(")) {
            return n >= 10 && n <= 11 && groups[0].length() <= 4;
        }
        if (groups.length < 2 || s.indexOf('(') >= 0 || s.indexOf(')') >= 0) {
            return false;
        }
        boolean dots = s.indexOf('.') >= 0;
        boolean nanp = groups.length == 3 && groups[0].length() == 3 && groups[1].length() == 3
                && groups[2].length() == 4 && digits.charAt(0) >= '2';
        if (nanp) {
            return true;
        }
        boolean trunk = digits.charAt(0) == '0' && n >= 9 && n <= 11 && !dots && groups[0].length() <= 5;
        return trunk;
    }

    static boolean isIpv6(String s) {
        int dbl = s.indexOf("::");
        if (dbl >= 0 && s.indexOf("::", dbl + 1) >= 0) {
            return false;
        }
        String[] groups = s.split(":", -1);
        int nonEmpty = 0;
        for (String g : groups) {
            if (g.length() > 4) {
                return false;
            }
            if (!g.isEmpty()) {
                nonEmpty++;
            }
        }
        if (dbl < 0) {
            return groups.length == 8 && nonEmpty == 8;
        }
        return nonEmpty >= 3 && nonEmpty <= 7;
    }

    /**
     * Whether two colons stand at most four hex digits apart ("::", ":db8:"): every IPv6 match holds such a
     * pair, and JSON lines, which are full of colons, seldom do.
     */
    private static boolean hasCloseColons(String text) {
        int colon = text.indexOf(':');
        while (colon >= 0) {
            int j = colon + 1;
            while (j < text.length() && j - colon <= 5 && isHex(text.charAt(j))) {
                j++;
            }
            if (j < text.length() && j - colon <= 5 && text.charAt(j) == ':') {
                return true;
            }
            colon = text.indexOf(':', colon + 1);
        }
        return false;
    }

    private static boolean isHex(char c) {
        return isDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }

    /** {@code \\w} of a regular expression without UNICODE_CHARACTER_CLASS: [a-zA-Z_0-9]. */
    private static boolean isWordChar(char c) {
        return isDigit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

}
