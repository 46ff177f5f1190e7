package dev.colloquy.repair;

import com.ibm.icu.util.LocaleData;
import com.ibm.icu.util.ULocale;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which quotation mark a text of a given language mix writes where: the opening and closing marks of each
 * language come from CLDR (ICU4J's {@link LocaleData#getDelimiter}: German „…“ and ‚…‘, Polish „…”, Finnish
 * ”…”, French «…», English “…” and ‘…’), so a lost byte in {@code â€} is read as the mark the language puts
 * there, and a closing mark as the one that closes the opener before it. Languages are weighed by the
 * character model's posterior for the line's main script; a language-independent share (the pairs all these
 * languages use) keeps every mark possible.
 *
 * <pre>
 * P(q | previous, open) = P(opening | previous, open) P_open(q) + P(closing | previous, open) P_close(q | open)
 *   opening position: start of line, after a space or an opening bracket or dash: 0.9 (0.6 while a quote is open:
 *                     French « x » closes after a space), otherwise 0.1 (0.03 while a quote is open)
 *   P_open(q)          = 0.75 sum_L w(L) [q = start_L] + 0.15 sum_L w(L) [q = altStart_L] + 0.1 generic_open(q)
 *   P_close(q | open)  = 0.75 sum_L w(L) [(open, q) = (start_L, end_L)] + 0.15 [(open, q) = alt pair of L]
 *                        + 0.1 generic_close(q | open);   without an open quote the languages' end marks
 * </pre>
 * The factor returned is P / 0.1, 1 for a mark no context favours among the ten.
 */
final class QuoteStyle {

    /** The marks this model ranks (the curly apostrophe ’ after a letter is not a quote, and stays out). */
    static final String MARKS = "\u201C\u201D\u201E\u201A\u2018\u2019\u00AB\u00BB\u2039\u203A";
    private static final double[] GENERIC_OPEN = {0.4, 0.05, 0.2, 0.025, 0.1, 0, 0.2, 0.025, 0, 0};
    /** Opener, closer pairs written in some language: “” „“ „” ‚‘ ‘’ «» »« ‹› ”” ’’. */
    private static final String[] GENERIC_PAIRS = {"\u201C\u201D", "\u201E\u201C", "\u201E\u201D", "\u201A\u2018",
            "\u2018\u2019", "\u00AB\u00BB", "\u00BB\u00AB", "\u2039\u203A", "\u201D\u201D", "\u2019\u2019"};
    private static final Map<String, String> DELIMITERS = new ConcurrentHashMap<>();

    private final Map<String, Double> weights;

    /** {@code weights}: the posterior of each language (ISO 639-1) given the line; empty for none known. */
    QuoteStyle(Map<String, Double> weights) {
        this.weights = weights;
    }

    static boolean isMark(int cp) {
        return cp <= 0xFFFF && MARKS.indexOf(cp) >= 0;
    }

    /** P(q | previous, open) / 0.1 for a mark {@code q}; see the class comment. */
    double factor(int previous, int open, int q) {
        boolean openingPlace = previous < 0 || Character.isWhitespace(previous) || Character.isSpaceChar(previous)
                || "([{<-/\u2013\u2014".indexOf(previous) >= 0;
        double opening = openingPlace ? open >= 0 ? 0.6 : 0.9 : open >= 0 ? 0.03 : 0.1;
        double p = opening * openP(q) + (1 - opening) * closeP(open, q);
        return p / 0.1;
    }

    private double openP(int q) {
        double languages = 0;
        double alt = 0;
        for (Map.Entry<String, Double> w : weights.entrySet()) {
            String d = delimiters(w.getKey());
            languages += d.charAt(0) == q ? w.getValue() : 0;
            alt += d.charAt(2) == q ? w.getValue() : 0;
        }
        return 0.75 * languages + 0.15 * alt + (weights.isEmpty() ? 1 : 0.1) * GENERIC_OPEN[MARKS.indexOf(q)];
    }

    private double closeP(int open, int q) {
        double languages = 0;
        double alt = 0;
        for (Map.Entry<String, Double> w : weights.entrySet()) {
            String d = delimiters(w.getKey());
            boolean main = open < 0 ? d.charAt(1) == q : d.charAt(0) == open && d.charAt(1) == q;
            boolean second = open < 0 ? d.charAt(3) == q : d.charAt(2) == open && d.charAt(3) == q;
            languages += main ? w.getValue() : 0;
            alt += second ? w.getValue() : 0;
        }
        return 0.75 * languages + 0.15 * alt + (weights.isEmpty() ? 1 : 0.1) * genericClose(open, q);
    }

    /** Uniform over the generic pairs that {@code open} begins (over all their closers when none does). */
    private static double genericClose(int open, int q) {
        int pairs = 0;
        int hits = 0;
        for (String pair : GENERIC_PAIRS) {
            if (open < 0 || pair.charAt(0) == open) {
                pairs++;
                hits += pair.charAt(1) == q ? 1 : 0;
            }
        }
        return pairs == 0 ? open >= 0 ? genericClose(-1, q) : 0 : (double) hits / pairs;
    }

    /** CLDR's start, end, alternate start and alternate end marks of a language (four chars; "\0" if none). */
    private static String delimiters(String language) {
        return DELIMITERS.computeIfAbsent(language, l -> {
            LocaleData data = LocaleData.getInstance(new ULocale(l));
            return "" + first(data.getDelimiter(LocaleData.QUOTATION_START)) + first(data.getDelimiter(LocaleData.QUOTATION_END))
                    + first(data.getDelimiter(LocaleData.ALT_QUOTATION_START))
                    + first(data.getDelimiter(LocaleData.ALT_QUOTATION_END));
        });
    }

    private static char first(String s) {
        return s == null || s.isEmpty() ? '\0' : s.charAt(0);
    }
}
