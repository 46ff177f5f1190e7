package dev.colloquy.repair;

import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.lang.UCharacterCategory;
import com.ibm.icu.lang.UProperty;
import com.ibm.icu.lang.UScript;
import com.ibm.icu.util.VersionInfo;

import java.util.HashMap;
import java.util.Map;

/**
 * Prior probabilities of the characters Lingua's letter models do not cover: spaces, digits, punctuation,
 * symbols, emoji, format and control characters. No corpus data ships for these, so the numbers are coarse
 * class priors from Unicode properties, not frequencies:
 * <ul>
 *   <li>class: space 0.12, punctuation 0.06, digit 0.02, symbol 0.005, emoji 0.01 (0.3 right after another
 *       emoji), format 1e-6, control 1e-9, private use 1e-9;</li>
 *   <li>within a class: characters in everyday use (ASCII, Latin-1 punctuation, curly quotes, en/em dashes,
 *       ellipsis, CJK punctuation in CJK text, currency signs) share most of the mass; the rest split the
 *       remainder, with characters added in Unicode 1.1 favoured over later ones (older = likelier), and the
 *       rarely typed dashes U+2010..U+2012, U+2015 below the quotes they compete with in mojibake;</li>
 *   <li>context: a closing quote right for an unmatched opening quote earlier in the line is likely (x20),
 *       any other closing double quote is less so (x0.3); an opening double quote while one is open is
 *       unlikely (x0.2); a zero-width joiner is likely only between emoji, bidi marks only in Arabic or
 *       Hebrew text; a space is rare after a CJK character or another space.</li>
 *   <li>emoji: about 150 frequent ones ({@link #FREQUENT_EMOJI}) share 60% of the mass, each by its
 *       place in that ranking (Zipf); the rest share 40%, each mostly by its tempered count in 1.6 million tweets
 *       ({@link #MEASURED_RESOURCE}) and the remainder by its age: Unicode 6.0 and older (the first, widely
 *       deployed set) 1/800 each, newer 1/4000. Emoji of one age that the tweets counted alike still tie; the
 *       tie goes to the lower code point (arbitrary but stable), and the caller sees it in the margin.</li>
 * </ul>
 */
final class SymbolPrior {

    private static final String EVERYDAY_PUNCTUATION = ".,!?:;'\"()-/[]{}&*#%@_\u00A1\u00BF\u00AB\u00BB\u00B7"
            + "\u2018\u2019\u201A\u201C\u201D\u201E\u2013\u2014\u2026\u2022\u2039\u203A\u00A7\u00B6";
    private static final int ARABIC_COMMA = 0x060C;
    private static final int ARABIC_SEMICOLON = 0x061B;
    private static final int ARABIC_QUESTION_MARK = 0x061F;
    private static final String CJK_PUNCTUATION_RANGES = "\u3000\u303F\uFF00\uFF65";
    /**
     * The everyday CJK marks, most frequent first in Chinese and Japanese prose, in groups of marks about as frequent
     * (a pair's opener and closer, ？ and ！), as remembered (an approximation, no counted data): ， then 。 then 、
     * then ：, （）, 「」, ？！, ；, ・, 『』, ～〜. A mark takes its group's Zipf share, 1/rank, so ，(EF BC 8C) beats ！ and
     * ：, which one lost byte leaves beside it, and 、 (E3 80 81) beats 「 and 」; a pair's two marks still tie.
     */
    private static final String[] EVERYDAY_CJK_PUNCTUATION_BY_RANK = {"\uFF0C", "\u3002", "\u3001", "\uFF1A",
            "\uFF08\uFF09", "\u300C\u300D", "\uFF1F\uFF01", "\uFF1B", "\u30FB", "\u300E\u300F", "\uFF5E\u301C"};
    private static final String EVERYDAY_CJK_PUNCTUATION = String.join("", EVERYDAY_CJK_PUNCTUATION_BY_RANK);
    /** The mass the everyday CJK marks share (16 of them at 0.03 each before they were ranked). */
    private static final double EVERYDAY_CJK_MASS = 0.48;
    private static final String EVERYDAY_SYMBOLS = "+<=>|~^`$\u20AC\u00A3\u00A5\u00A2\u00A9\u00AE\u00B0\u00B1"
            + "\u00D7\u00F7\u2122\u00AC\u00B5\u20BD\u20A9\u20BA\u20B9\u2192\u2190\u2264\u2265\u2260\u221E";
    /**
     * The emoji people send most, after the Unicode Consortium's published emoji-frequency ranking (2021), the
     * top of it as remembered when this was written (an approximation of that list, not a copy of its data):
     * together they make up most emoji use in chat, so each is far likelier than one of the ~1,400 others.
     * Base characters only (no variation selectors or modifiers).
     */
    private static final String FREQUENT_EMOJI = "😂❤🤣👍😭🙏😘🥰😍😊🎉😁💕🥺😅🔥☺🤦♥🤷🙄😆🤗😉🎂🤔👏🙂😳🥳"
            + "😎👌💜😔💪✨💖👀😋😏😢👉💗😩💯🌹💞🎈💙😃😡💐😜🙈🤞😄🤤🙌🤪❣😀💋💀👇💔😌💓🤩🙃😬😱😴🤭"
            + "😐🌞😒😇🌸😈🎶✌🎊🥵😞💚☀🖤💰😚👑🎁💥🙋☹😑🥴👈💩✅👋🤮😤🤢🌟❗😥🌈💛😝😫😲‼🔴🌻🤯💃👊🤬"
            + "🏃😕⚡☕🍀💦⭐🦋🤨🌺😹🤘🌷💝💤🤝🐰😓💘🍻😟😣🧐😠🤠😻🌙😛🤙🙊";
    /** The share of emoji among the chars of a line (not right after another emoji). */
    private static final double EMOJI_CLASS = 0.01;
    /** Each frequent emoji's place in {@link #FREQUENT_EMOJI}, 1 for the first. */
    private static final Map<Integer, Integer> FREQUENT_RANK = ranks(FREQUENT_EMOJI);
    /**
     * Within the frequent list the share falls with the place as in Zipf's law, 1 / (rank + 10): the ranking's
     * first emoji (😂) is sent many times as often as its 150th, so where one lost byte leaves two of them (😂 or
     * 🎂, 🙏 or 🙊) the higher one is the likelier, not a tie. The offset keeps the head from taking it all.
     */
    private static final int RANK_OFFSET = 10;
    private static final double RANK_NORM = rankNorm(FREQUENT_RANK.size());
    /** The share of emoji use the frequent ones take (coarse: the top 150 of that ranking hold well over half). */
    private static final double FREQUENT_SHARE = 0.6;
    private static final VersionInfo UNICODE_1_1 = VersionInfo.getInstance(1, 1);
    private static final VersionInfo UNICODE_6 = VersionInfo.getInstance(6, 0);
    /**
     * Occurrences of emoji in 1.6 million tweets of 2013-2015 in 13 European languages (the Emoji Sentiment
     * Ranking's counts; docs/lossy.md, "Data and licences"): the one emoji-frequency table we have that was
     * counted, not remembered.
     */
    private static final String MEASURED_RESOURCE = "dev/colloquy/repair/emoji-frequency.tsv";
    /**
     * Outside the frequent list, the part of an emoji's share that its count in the table gives; the rest goes by
     * its age as before the table. Tweets of ten years ago are not today's chat, so the counts are tempered (their
     * square roots): they rank emoji (🍕 352 over the clock 🕠, never counted), but a ratio of 3 is no certainty.
     */
    private static final double MEASURED_WEIGHT = 0.7;
    private static final double MEASURED_POWER = 0.5;
    /** Per emoji outside the frequent list that the table counts, its tempered count's share of theirs. */
    private static final Map<Integer, Double> MEASURED_SHARE = measuredShares(MEASURED_RESOURCE);
    /** The emoji the tweets could hold: a Unicode 6.1 emoji the table never counted is rare, not unknown. */
    private static final VersionInfo UNICODE_6_1 = VersionInfo.getInstance(6, 1);

    private static Map<Integer, Integer> ranks(String emoji) {
        Map<Integer, Integer> out = new HashMap<>();
        emoji.codePoints().forEach(cp -> out.putIfAbsent(cp, out.size() + 1));
        return Map.copyOf(out);
    }

    private static Map<Integer, Double> measuredShares(String resource) {
        Map<Integer, Double> tempered = new HashMap<>();
        double sum = 0;
        try (java.io.InputStream in = SymbolPrior.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            java.io.BufferedReader reader = new java.io.BufferedReader(
                    new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.isEmpty() || line.charAt(0) == '#') {
                    continue;
                }
                int tab = line.indexOf('\t');
                int cp = Integer.parseInt(line.substring(0, tab), 16);
                if (!FREQUENT_RANK.containsKey(cp) && isEmoji(cp)) {
                    double t = Math.pow(Integer.parseInt(line.substring(tab + 1)), MEASURED_POWER);
                    tempered.put(cp, t);
                    sum += t;
                }
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot read " + resource, e);
        }
        Map<Integer, Double> out = new HashMap<>();
        for (Map.Entry<Integer, Double> e : tempered.entrySet()) {
            out.put(e.getKey(), e.getValue() / sum);
        }
        return Map.copyOf(out);
    }

    /**
     * An emoji's share of the emoji outside {@link #FREQUENT_EMOJI}: by its age (Unicode 6.0 and older, the first
     * widely deployed set, 1/800 each, newer 1/4000), and, where the tweets could hold it, mostly by its count.
     */
    private static double restShare(int cp, VersionInfo age) {
        double byAge = age.compareTo(UNICODE_6) <= 0 ? 1.0 / 800 : 1.0 / 4000;
        Double measured = MEASURED_SHARE.get(cp);
        if (measured == null && age.compareTo(UNICODE_6_1) > 0) {
            return byAge;
        }
        return (1 - MEASURED_WEIGHT) * byAge + MEASURED_WEIGHT * (measured == null ? 0 : measured);
    }

    private static double rankNorm(int count) {
        double sum = 0;
        for (int rank = 1; rank <= count; rank++) {
            sum += 1.0 / (rank + RANK_OFFSET);
        }
        return sum;
    }

    /**
     * Whether {@code previous} ends an emoji: the emoji itself, or what follows one inside it (the selector U+FE0F,
     * a skin tone): emoji come in runs, and a ZWJ sequence goes on after either.
     */
    private static boolean afterEmoji(int previous) {
        return previous >= 0 && (isEmoji(previous) || previous == 0xFE0F || isSkinTone(previous));
    }

    /** The Fitzpatrick skin-tone modifiers U+1F3FB..U+1F3FF. */
    static boolean isSkinTone(int cp) {
        return cp >= 0x1F3FB && cp <= 0x1F3FF;
    }

    /**
     * How much likelier than its prior an emoji is after a ZWJ, or a ZWJ after an emoji, given the emoji before it:
     * a ZWJ sequence renders as one emoji only where Unicode recommends it (its RGI ZWJ sequences: 🏳️‍🌈, 👨‍🍳,
     * 👨‍👩‍👧), and chat writes those; elsewhere a ZWJ between two emoji is rare (ICU4J's
     * {@code RGI_EMOJI_ZWJ_SEQUENCE}). So after the {@code preceding} text's last emoji, 1 for a ZWJ or an emoji that
     * goes on such a sequence, {@link #ZWJ_OFF_SEQUENCE} for one that goes on none (😳 then a ZWJ, 🎈 after 🏳️‍),
     * and 1 where the emoji before says nothing (no emoji there, or one no such sequence starts with).
     */
    static double zwjSequenceFactor(CharSequence preceding, int cp) {
        boolean joiner = cp == 0x200D;
        int end = preceding.length();
        if (!joiner) {
            if (end == 0 || preceding.charAt(end - 1) != '\u200D' || !isEmoji(cp)) {
                return 1;
            }
            end--;
        }
        String before = ZwjSequences.lastEmoji(preceding, end);
        if (before.isEmpty()) {
            return 1;
        }
        java.util.Set<Integer> next = joiner ? null : ZwjSequences.NEXT.get(before);
        if (!joiner && next == null) {
            return 1;
        }
        if (joiner) {
            return ZwjSequences.NEXT.containsKey(before) ? 1 : ZWJ_OFF_SEQUENCE;
        }
        return next.contains(cp) ? 1 : ZWJ_OFF_SEQUENCE;
    }

    /**
     * Whether {@code cp} goes on an RGI ZWJ sequence that {@code preceding} has begun: it ends with an emoji (with its
     * skin tones and selectors) and a ZWJ, and Unicode recommends that emoji, the ZWJ and {@code cp} as the start of
     * one (🏳️‍ then 🌈, 👨‍ then 🍳).
     */
    static boolean continuesZwjSequence(CharSequence preceding, int cp) {
        int end = preceding.length();
        if (end == 0 || preceding.charAt(end - 1) != '\u200D') {
            return false;
        }
        java.util.Set<Integer> next = ZwjSequences.NEXT.get(ZwjSequences.lastEmoji(preceding, end - 1));
        return next != null && next.contains(cp);
    }

    /** An emoji after a ZWJ making no RGI ZWJ sequence with the emoji before, or a ZWJ after an emoji none starts. */
    private static final double ZWJ_OFF_SEQUENCE = 0.01;

    /** Unicode's RGI ZWJ sequences, as what may follow each of their beginnings. */
    private static final class ZwjSequences {
        /**
         * For each beginning of an RGI ZWJ sequence up to (not including) one of its ZWJs, without U+FE0F (chat
         * drops it as often as not inside a sequence): the emoji that follow that ZWJ.
         */
        static final Map<String, java.util.Set<Integer>> NEXT = build();

        private static Map<String, java.util.Set<Integer>> build() {
            Map<String, java.util.Set<Integer>> out = new HashMap<>();
            com.ibm.icu.text.UnicodeSet sequences = new com.ibm.icu.text.UnicodeSet()
                    .applyIntPropertyValue(UProperty.RGI_EMOJI_ZWJ_SEQUENCE, 1);
            for (String sequence : sequences.strings()) {
                String s = sequence.replace("\uFE0F", "");
                for (int at = s.indexOf('\u200D'); at > 0 && at + 1 < s.length(); at = s.indexOf('\u200D', at + 1)) {
                    out.computeIfAbsent(s.substring(0, at), k -> new java.util.HashSet<>()).add(s.codePointAt(at + 1));
                }
            }
            return Map.copyOf(out);
        }

        /**
         * The emoji (and what goes on it: skin tones, and the emoji before it that ZWJs join to it) that ends
         * {@code text[0..end)}, without U+FE0F; empty when no emoji ends it.
         */
        static String lastEmoji(CharSequence text, int end) {
            int start = end;
            int k = end;
            while (k > 0) {
                int cp = Character.codePointBefore(text, k);
                int at = k - Character.charCount(cp);
                if (cp == 0xFE0F || isSkinTone(cp)) {
                    k = at;
                    continue;
                }
                if (!isEmoji(cp)) {
                    break;
                }
                start = at;
                k = at;
                if (k == 0 || text.charAt(k - 1) != '\u200D') {
                    break;
                }
                k--;
            }
            StringBuilder out = new StringBuilder(end - start);
            for (int i = start; i < end; i++) {
                char c = text.charAt(i);
                if (c != '\uFE0F') {
                    out.append(c);
                }
            }
            return out.toString();
        }
    }

    /** A char that goes on an emoji inside it: the emoji selector U+FE0F, a skin tone, the zero-width joiner. */
    static boolean isEmojiPart(int cp) {
        return cp == 0xFE0F || cp == 0x200D || isSkinTone(cp);
    }

    /**
     * Whether {@code part} ({@link #isEmojiPart}) goes on the emoji that {@code previous} ends: U+FE0F, a skin tone or
     * a ZWJ right after the emoji, and a ZWJ also after its selector or skin tone (🏳️‍🌈, 👩🏽‍💻).
     */
    static boolean goesOnEmoji(int previous, int part) {
        return isEmojiPart(part) && previous >= 0
                && (isEmoji(previous) || part == 0x200D && (previous == 0xFE0F || isSkinTone(previous)));
    }

    private final boolean cjkText;
    private final boolean rightToLeft;
    /** Whether the sample holds Arabic letters, whose text writes its own comma, semicolon and question mark. */
    private final boolean arabicText;
    private final java.util.function.Supplier<Map<String, Double>> languages;
    private QuoteStyle quotes;

    /** {@code languages}: the posterior of each language given the line's main script (asked for on the first quote). */
    SymbolPrior(CharSequence sample, Map<Integer, Integer> scriptCounts, boolean rightToLeft,
                java.util.function.Supplier<Map<String, Double>> languages) {
        this.languages = languages;
        int cjk = scriptCounts.getOrDefault(UScript.HAN, 0) + scriptCounts.getOrDefault(UScript.HIRAGANA, 0)
                + scriptCounts.getOrDefault(UScript.KATAKANA, 0) + scriptCounts.getOrDefault(UScript.HANGUL, 0);
        this.cjkText = cjk > 0;
        this.arabicText = scriptCounts.getOrDefault(UScript.ARABIC, 0) > 0;
        this.rightToLeft = rightToLeft;
    }

    double logProb(int previous, int openQuote, int cp) {
        if (isSkinTone(cp)) {
            // a skin tone goes on a person or hand (👍🏽, ✍🏽); alone, or after anything else, it is a colour swatch
            return Math.log(previous >= 0 && UCharacter.hasBinaryProperty(previous, UProperty.EMOJI_MODIFIER_BASE)
                    ? 0.5 / 5 : EMOJI_CLASS * 1e-4);
        }
        if (isEmoji(cp)) {
            double classP = afterEmoji(previous) || previous == 0x200D ? 0.3 : EMOJI_CLASS;
            VersionInfo age = UCharacter.getAge(cp);
            int rank = FREQUENT_RANK.getOrDefault(cp, -1);
            double within = rank >= 0 ? FREQUENT_SHARE / ((rank + RANK_OFFSET) * RANK_NORM)
                    : (1 - FREQUENT_SHARE) * restShare(cp, age);
            if (!UCharacter.hasBinaryProperty(cp, UProperty.EMOJI_PRESENTATION)) {
                // shown as text by default (☝ ✝ ✔): about half the time chat writes it with U+FE0F, whose own
                // likelihood (variationSelector) the next char pays; bare, an emoji shown as emoji (❌) is likelier
                within *= 0.5;
            }
            within *= 1 - (cp & 0xFFFF) * 1e-9;
            return Math.log(classP * within);
        }
        int type = UCharacter.getType(cp);
        switch (type) {
            case UCharacterCategory.SPACE_SEPARATOR:
                return Math.log(spaceClass(previous)) + Math.log(spaceWithin(cp));
            case UCharacterCategory.DECIMAL_DIGIT_NUMBER:
                return Math.log(0.02) + Math.log(cp < 0x80 ? 0.1 : isMathAlphanumeric(cp) ? 1e-6 : 1e-3);
            case UCharacterCategory.OTHER_NUMBER:
            case UCharacterCategory.LETTER_NUMBER:
                return Math.log(0.002) + Math.log(cp < 0x100 ? 0.1 : 1e-4 * rarity(cp));
            case UCharacterCategory.FORMAT:
                return Math.log(formatProbability(previous, cp));
            case UCharacterCategory.CONTROL:
                return Math.log(cp == '\t' ? 1e-3 : 1e-9);
            case UCharacterCategory.PRIVATE_USE:
                return Math.log(1e-9);
            case UCharacterCategory.MATH_SYMBOL:
            case UCharacterCategory.CURRENCY_SYMBOL:
            case UCharacterCategory.MODIFIER_SYMBOL:
            case UCharacterCategory.OTHER_SYMBOL:
                return Math.log(0.005) + Math.log(EVERYDAY_SYMBOLS.indexOf(cp) >= 0 ? 0.03 : 1e-4 * rarity(cp));
            default:
                if (QuoteStyle.isMark(cp) && !(cp == '\u2019' && previous >= 0 && Character.isLetter(previous))) {
                    if (quotes == null) {
                        quotes = new QuoteStyle(languages.get());
                    }
                    return Math.log(0.06) + Math.log(0.02) + Math.log(quotes.factor(previous, openQuote, cp));
                }
                return Math.log(0.06) + Math.log(punctuationWithin(cp)) + Math.log(quoteFactor(openQuote, cp));
        }
    }

    private double spaceWithin(int cp) {
        if (cp == ' ') {
            return 0.98;
        }
        if (cp == 0x00A0 || cp == 0x202F) {
            return 0.005;
        }
        if (cp == 0x3000) {
            return cjkText ? 0.01 : 1e-4;
        }
        return 1e-5;
    }

    private double punctuationWithin(int cp) {
        if (cp < 0x80) {
            return EVERYDAY_PUNCTUATION.indexOf(cp) >= 0 ? 0.05 : 0.01;
        }
        if (EVERYDAY_PUNCTUATION.indexOf(cp) >= 0) {
            return 0.02;
        }
        if (isCjkPunctuation(cp)) {
            double p = EVERYDAY_CJK_PUNCTUATION.indexOf(cp) >= 0 ? everydayCjkPunctuation(cp) : 0.002;
            return cjkText ? p : p / 100;
        }
        if (cp >= 0x2010 && cp <= 0x2015) {
            return 5e-4;
        }
        if (arabicText && (cp == ARABIC_COMMA || cp == ARABIC_SEMICOLON || cp == ARABIC_QUESTION_MARK)) {
            // Arabic script's everyday punctuation, in its text as the everyday marks elsewhere, the comma first
            // (، is D8 8C, ؟ D8 9F: where a page drops both, a tie left the comma undecided); rated as rare
            // symbols, ، lost its 8C under windows-1253 and -1257 and was filled as a letter (إيرانح for إيران،)
            return cp == ARABIC_COMMA ? 0.02 : cp == ARABIC_QUESTION_MARK ? 0.005 : 0.002;
        }
        return 1e-4 * rarity(cp);
    }

    /** An everyday CJK mark's share of {@link #EVERYDAY_CJK_MASS}: its group's 1/rank over the groups' sum, per mark. */
    private static double everydayCjkPunctuation(int cp) {
        double harmonic = 0;
        double share = 0;
        for (int g = 0; g < EVERYDAY_CJK_PUNCTUATION_BY_RANK.length; g++) {
            String group = EVERYDAY_CJK_PUNCTUATION_BY_RANK[g];
            harmonic += 1.0 / (g + 1);
            if (group.indexOf(cp) >= 0) {
                share = 1.0 / (g + 1) / group.length();
            }
        }
        return EVERYDAY_CJK_MASS * share / harmonic;
    }

    /** Spaces are rare between CJK characters (the languages do not separate words). */
    private static double spaceClass(int previous) {
        if (previous >= 0 && isCjk(previous)) {
            return 0.01;
        }
        return previous == ' ' ? 0.01 : 0.12;
    }

    private static boolean isCjk(int cp) {
        int script = UScript.getScript(cp);
        return script == UScript.HAN || script == UScript.HIRAGANA || script == UScript.KATAKANA
                || isCjkPunctuation(cp);
    }

    /**
     * The closing quote that answers the opening quote {@code cp}, or -1 when {@code cp} opens none: “ ” „ “ « »
     * ‹ › 「 」 『 』 ‘ ’. A switch, not a map: the scorer asks for every char of a line's left context.
     */
    static int closerOf(int cp) {
        return switch (cp) {
            case '\u201C' -> '\u201D';
            case '\u201E' -> '\u201C';
            case '\u00AB' -> '\u00BB';
            case '\u2039' -> '\u203A';
            case '\u300C' -> '\u300D';
            case '\u300E' -> '\u300F';
            case '\u2018' -> '\u2019';
            default -> -1;
        };
    }

    /** Whether {@code cp} closes one of the quotes {@link #closerOf} knows. */
    static boolean isCloser(int cp) {
        return switch (cp) {
            case '\u201D', '\u201C', '\u00BB', '\u203A', '\u300D', '\u300F', '\u2019' -> true;
            default -> false;
        };
    }

    private static double quoteFactor(int open, int cp) {
        boolean closing = isCloser(cp) && cp != '\u2019';
        boolean opening = closerOf(cp) >= 0 && cp != '\u2018';
        if (!closing && !opening) {
            return 1;
        }
        if (open >= 0 && closerOf(open) == cp) {
            return 20;
        }
        if (opening) {
            return open >= 0 ? 0.2 : 1;
        }
        return 0.3;
    }

    /** The innermost quote still open after {@code cp}, given the one open before it ({@code -1}: none). */
    static int openQuoteAfter(int open, int cp) {
        if (cp == '\n') {
            return -1;
        }
        if (open >= 0 && (closerOf(open) == cp || open == '\u201E' && cp == '\u201D')) {
            return -1;
        }
        if (closerOf(cp) >= 0 && cp != '\u2018') {
            return cp;
        }
        return open;
    }

    /** The innermost quote opened earlier on this line and not closed yet, or -1. */
    static int unmatchedOpener(CharSequence preceding) {
        int depth = 0;
        for (int i = preceding.length() - 1; i >= 0 && preceding.length() - i < 400; i--) {
            char c = preceding.charAt(i);
            if (c == '\n') {
                break;
            }
            if (c < '\u00AB' || c > '\u00BB' && c < '\u2018' || c > '\u203A' && c < '\u300C' || c > '\u300F'
                    || c == '\u2018') {
                // (every quote closerOf and isCloser know lies in U+00AB..U+00BB, U+2018..U+203A or U+300C..U+300F:
                // the letters of most scripts are passed over without asking them)
                continue;
            }
            if (closerOf(c) >= 0 && !(c == '\u201C' && depth > 0)) {
                if (depth == 0) {
                    return c;
                }
                depth--;
            } else if (isCloser(c) && c != '\u2019') {
                depth++;
            }
        }
        return -1;
    }

    /** U+FE00..U+FE0F: standardized variants of CJK, math and emoji characters. */
    static boolean isVariationSelector(int cp) {
        return cp >= 0xFE00 && cp <= 0xFE0F;
    }

    /**
     * Log-probability of a variation selector after {@code previous}. Chat text writes U+FE0F (emoji style)
     * after most emoji that default to text style (❤️ ☺️ ✔️), so after one of those (Unicode's Basic_Emoji
     * sequences with U+FE0F) it is as likely as not, after another emoji 0.02; U+FE0E (text style) is rare; the
     * other selectors and any selector elsewhere are rarer than almost anything.
     */
    double variationSelector(int previous, int cp) {
        boolean afterEmoji = previous >= 0 && UCharacter.hasBinaryProperty(previous, UProperty.EMOJI) && previous > 0x7F;
        if (cp == 0xFE0F) {
            // Unicode's Basic_Emoji set says which chars take it (✔️ ❤️ ☺️, shown as text by default); one already
            // shown as emoji (❔, 🚀) rarely does: so the selector tells ✔ from ❔ when one byte of either was lost
            return Math.log(!afterEmoji ? 1e-7
                    : UCharacter.hasBinaryProperty(new StringBuilder().appendCodePoint(previous).append('\uFE0F'),
                            UProperty.BASIC_EMOJI) ? 0.5 : 0.02);
        }
        return Math.log(cp == 0xFE0E && afterEmoji ? 0.01 : 1e-8);
    }

    private double formatProbability(int previous, int cp) {
        if (cp == 0x200D) {
            return afterEmoji(previous) ? 0.05 : 1e-6;
        }
        if (cp == 0x200C || cp == 0x200E || cp == 0x200F || cp == 0x061C) {
            return rightToLeft ? 1e-3 : 1e-6;
        }
        if (cp == 0x00AD) {
            return 1e-5;
        }
        return 1e-7;
    }

    /** Styled letters and digits for formulas (U+1D400..U+1D7FF): rare in conversation. */
    static boolean isMathAlphanumeric(int cp) {
        return cp >= 0x1D400 && cp <= 0x1D7FF;
    }

    private static boolean isCjkPunctuation(int cp) {
        return cp >= CJK_PUNCTUATION_RANGES.charAt(0) && cp <= CJK_PUNCTUATION_RANGES.charAt(1)
                || cp >= CJK_PUNCTUATION_RANGES.charAt(2) && cp <= CJK_PUNCTUATION_RANGES.charAt(3);
    }

    /** 1 for characters of Unicode 1.1, 0.3 for later ones: later additions are rarer in running text. */
    private static double rarity(int cp) {
        return UCharacter.getAge(cp).compareTo(UNICODE_1_1) <= 0 ? 1 : 0.3;
    }

    static boolean isEmoji(int cp) {
        return UCharacter.hasBinaryProperty(cp, UProperty.EMOJI_PRESENTATION)
                || cp > 0x2000 && UCharacter.hasBinaryProperty(cp, UProperty.EMOJI);
    }
}
