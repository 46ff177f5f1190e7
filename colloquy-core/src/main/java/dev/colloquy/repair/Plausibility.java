package dev.colloquy.repair;

/*
 * A cost ("badness") for short windows of text: how much a span looks like mojibake, or like
 * something no writer would type. Lower is more plausible. The repair engine compares the cost of
 * a span as it stands with the cost of its candidate decoding, in the same context, and only keeps
 * a decoding that is clearly cheaper, which is what makes correct text come back unchanged.
 *
 * Costs come from Unicode properties only (general category, script, block), so they hold for
 * every language alike:
 *   - per char: C1 controls, unassigned and private-use code points, stray format chars, and
 *     symbols that are rare in running text but common in mojibake (¤ ¦ ¨ ¯ ´ ¸ ƒ ˆ Š Œ † ‡ ...),
 *     and letters of rare scripts or blocks (what a wrong decoding tends to produce);
 *   - per adjacent pair: letters of two different alphabets touching (Latin next to Cyrillic),
 *     a non-ASCII letter touching a non-ASCII symbol (Ã©, Ð¾), a lowercase letter followed by an
 *     uppercase one with a non-ASCII letter involved (ðŸ), a combining mark after a non-letter.
 * The scale: 1 is "odd", 3 or more is "almost surely damage".
 */
final class Plausibility {

    private static final String RARE_SYMBOLS =
            "\u00A4\u00A6\u00A8\u00AF\u00B4\u00B8\u0192\u02C6\u02DC\u0152\u0153\u0178"
            + "\u2020\u2021\u2030\u2039\u203A\u00AC\u00B6\u00B9\u00B3\u00B2\u00BE\u00BC\u00BD\u00A5\u00AA\u00BA"
            + "\u0385\u0384\u00B5\u00A7";

    /*
     * charCost, alphabet and the char properties pairCost and tripleCost ask, remembered per char of the BMP and
     * plane 1 (BmpMemo) from the very methods below: the gate costs the chance candidates of clean text (Cyrillic
     * under cp866, KOI8) by the thousand per line, and Character.UnicodeScript.of is a binary search over the script
     * ranges, a fifth of the gate's time on clean Cyrillic. charCost's values are multiples of 0.5 up to 4, so twice the cost
     * fits exactly.
     */
    private static final BmpMemo CHAR_COST_HALVES = BmpMemo.withPlane1(Plausibility::charCostHalves);
    private static final BmpMemo ALPHABET = BmpMemo.withPlane1(Plausibility::computeAlphabet);
    /** The char properties pairCost and tripleCost ask of every pair, as bits (computeFlags). */
    private static final BmpMemo FLAGS = BmpMemo.withPlane1(Plausibility::computeFlags);
    private static final int LETTER = 1;
    private static final int LOWER = 2;
    private static final int UPPER = 4;
    private static final int MARK = 8;
    private static final int NON_SPACING = 16;
    private static final int ODD_SYMBOL = 32;
    private static final int MATH = 64;
    private static final int NON_ASCII_DIGIT = 128;
    /** Unicode's Emoji property: the chars that take the emoji selector U+FE0F (❤️ ✔️ ☺️, and 1️⃣'s digit). */
    private static final int EMOJI = 256;
    /** Unicode's Emoji_Presentation property: the chars shown as emoji without a selector (✅ ❌ ✨ ⚽). */
    private static final int EMOJI_PRESENTATION = 512;
    /**
     * Per BMP char, what {@link #costsAnythingAt} needs to clear most pairs without computing their terms
     * (computeQuiet): {@link #QUIET} for a char that costs nothing alone and has none of the properties the pair
     * and triple terms single out (a mark, an odd symbol, a non-ASCII digit, the chars with rules of their own);
     * with {@link #QUIET_LETTER}, its alphabet at bit 4 and its case. 0: ask the terms.
     */
    private static final BmpMemo QUIET_CLASS = new BmpMemo(Plausibility::computeQuiet);
    private static final int QUIET = 1;
    private static final int QUIET_LETTER = 2;
    private static final int QUIET_LOWER = 4;
    private static final int QUIET_UPPER = 8;

    private Plausibility() {
    }

    /** The cost of the code points {@code cps[from..to)}, pairs included, plus the pairs with {@code left}/{@code right}. */
    static double cost(int left, int[] cps, int from, int to, int right) {
        double sum = 0;
        int prev2 = -1;
        int prev = left;
        for (int i = from; i < to; i++) {
            int cp = cps[i];
            sum += charCost(cp);
            if (prev < 0 && (flags(cp) & MARK) != 0) {
                sum += 1.5; // a combining mark with nothing to combine with
            }
            if (prev >= 0) {
                sum += pairCost(prev, cp);
                sum += tripleCost(prev2, prev, cp);
            }
            prev2 = prev;
            prev = cp;
        }
        if (prev >= 0 && right >= 0) {
            sum += pairCost(prev, right);
            sum += tripleCost(prev2, prev, right);
        }
        return sum;
    }

    /**
     * An upper bound of {@code cost(left, cps, from, to, right)} (from &lt; to) over every {@code left} of
     * {@code lefts[0..leftCount)} and {@code right} of {@code rights[0..rightCount)} (-1: no char). The terms with
     * the left char and those with the right char are bounded apart: they share no char but with a single char
     * between them, where the one term they share (a lower-case char between two upper-case ones) is at most 1.
     */
    static double maxCost(int[] lefts, int leftCount, int[] cps, int from, int to, int[] rights, int rightCount) {
        double withLeft = 0;
        boolean upperLeft = false;
        for (int k = 0; k < leftCount; k++) {
            withLeft = Math.max(withLeft, cost(lefts[k], cps, from, to, -1));
            upperLeft |= lefts[k] >= 0 && (flags(lefts[k]) & UPPER) != 0;
        }
        int last = cps[to - 1];
        double withRight = 0;
        boolean upperRight = false;
        for (int k = 0; k < rightCount; k++) {
            int right = rights[k];
            if (right >= 0) {
                withRight = Math.max(withRight, pairCost(last, right) + (to - from >= 2 ? tripleCost(cps[to - 2], last, right) : 0));
                upperRight |= (flags(right) & UPPER) != 0;
            }
        }
        return withLeft + withRight + (to - from == 1 && upperLeft && upperRight ? 1 : 0);
    }

    /**
     * A lower bound of {@code cost(left, {cp}, right)} over every {@code left} of {@code lefts[0..leftCount)} and
     * {@code right} of {@code rights[0..rightCount)} (-1: no char): the char's own cost and its cheapest pair on
     * each side (the triple term, never negative, left out).
     */
    static double minCost(int[] lefts, int leftCount, int cp, int[] rights, int rightCount) {
        double withLeft = Double.POSITIVE_INFINITY;
        for (int k = 0; k < leftCount; k++) {
            int left = lefts[k];
            withLeft = Math.min(withLeft, left < 0 ? (flags(cp) & MARK) != 0 ? 1.5 : 0 : pairCost(left, cp));
        }
        double withRight = Double.POSITIVE_INFINITY;
        for (int k = 0; k < rightCount; k++) {
            withRight = Math.min(withRight, rights[k] < 0 ? 0 : pairCost(cp, rights[k]));
        }
        return charCost(cp) + withLeft + withRight;
    }

    /**
     * The terms of {@code cost(-1, cps, 0, cps.length, -1)} none of whose chars is {@code touched}: a layer that
     * replaces only touched chars leaves each of these terms in the text it makes (untouched neighbours stay
     * neighbours), and no term is negative, so this bounds the cost of any such text from below.
     */
    static double costOutside(int[] cps, boolean[] touched) {
        double sum = 0;
        for (int i = 0; i < cps.length; i++) {
            if (touched[i]) {
                continue;
            }
            int cp = cps[i];
            sum += charCost(cp);
            if (i == 0) {
                sum += (flags(cp) & MARK) != 0 ? 1.5 : 0;
            } else if (!touched[i - 1]) {
                sum += pairCost(cps[i - 1], cp);
                if (i == 1 || !touched[i - 2]) {
                    sum += tripleCost(i == 1 ? -1 : cps[i - 2], cps[i - 1], cp);
                }
            }
        }
        return sum;
    }

    /**
     * Whether some term of {@link #cost} that ends at {@code cp} can be above 0: its char cost, its pair with
     * {@code prev} and its triple with {@code prev2, prev}, or, with no {@code prev} (-1, the start of a line), a
     * mark with nothing to combine with. {@code cost} is a sum of such terms, none negative, so a span none of
     * whose chars (and the char after it) has one costs 0 in its own context. Some extra terms are asked
     * (the triple ending at a span's first char), so this may answer true where the span costs nothing.
     */
    static boolean costsAnythingAt(int prev2, int prev, int cp) {
        if (quietPair(prev, cp)) {
            return false;
        }
        if (charCost(cp) > 0) {
            return true;
        }
        if (prev < 0) {
            return (flags(cp) & MARK) != 0;
        }
        return pairCost(prev, cp) > 0 || tripleCost(prev2, prev, cp) > 0;
    }

    /**
     * Whether every term of {@link #cost} ending at {@code cp} after {@code prev} (-1: none) is 0, told from the two
     * chars' quiet classes alone; false where the terms must be asked. Two quiet chars cost nothing beside each
     * other unless they are letters of two alphabets, or a lower-case char before an upper-case one (which is
     * also the only way a triple ending at {@code cp} costs anything).
     */
    static boolean quietPair(int prev, int cp) {
        if (cp > 0xFFFF || prev > 0xFFFF) {
            // not remembered: the terms cost no more than the class
            return false;
        }
        return quietClasses(prev < 0 ? NO_CHAR : QUIET_CLASS.get(prev), QUIET_CLASS.get(cp));
    }

    /** Whether the char of quiet class {@code quietClass} (or {@link #NO_CHAR}) is known to be a letter (Character.isLetter). */
    static boolean isQuietLetter(int quietClass) {
        return quietClass > 0 && (quietClass & QUIET_LETTER) != 0;
    }

    /** {@link #quietClasses}'s class for "no char before" (the start of a line). */
    static final int NO_CHAR = -1;

    /** The quiet class of a line's start for {@link #runWord}: quiet, no letter, no case (as {@link #NO_CHAR} reads). */
    static final int LINE_START = QUIET;

    /** In a {@link #runWord}: the class is not 0. */
    static final int RUN_QUIET = 1;
    /** In a {@link #runWord}: a letter (Character.isLetter). */
    static final int RUN_LETTER = 2;
    /** In a {@link #runWord}: lower-case; upper-case is the next bit, so {@code w & next >>> 1} holds it where a lower-case char precedes an upper-case one. */
    static final int RUN_LOWER = 4;
    private static final int RUN_UPPER = 8;
    /** In a {@link #runWord}: a letter and no upper-case one (cutEmojiPages' word after an E2). */
    static final int RUN_LETTER_NOT_UPPER = 1 << 30;
    /** In a {@link #runWord}: one bit per alphabet of a letter (computeAlphabet 1..12), none for alphabet 0. */
    private static final int RUN_ALPHABETS = 0xFFFF << 4;

    /**
     * The quiet class {@code q} as bits that judge a run of chars without a branch per pair (MojibakeScan.quietRun): 0 for
     * class 0, else {@link #RUN_QUIET}, the case, {@link #RUN_LETTER}, {@link #RUN_LETTER_NOT_UPPER} and the letter's
     * alphabet as one bit, so that words or'd together tell a lower-case char before an upper-case one and letters
     * of two alphabets.
     */
    static int runWord(int q) {
        if (q <= 0) {
            return 0;
        }
        int w = RUN_QUIET | ((q & QUIET_LOWER) != 0 ? RUN_LOWER : 0) | ((q & QUIET_UPPER) != 0 ? RUN_UPPER : 0);
        if ((q & QUIET_LETTER) != 0) {
            w |= RUN_LETTER | ((q & QUIET_UPPER) == 0 ? RUN_LETTER_NOT_UPPER : 0);
            int alphabet = q >>> 4;
            w |= alphabet == 0 ? 0 : 1 << 4 + alphabet;
        }
        return w;
    }

    /**
     * Whether the {@link #runWord}s or'd in {@code words} hold letters of two alphabets (computeAlphabet, 0 left
     * out), which {@link #quietClasses} finds noisy side by side. No branch.
     */
    static boolean manyAlphabets(int words) {
        int alphabets = words & RUN_ALPHABETS;
        return (alphabets & alphabets - 1) != 0;
    }

    /** The quiet class of the BMP char {@code c}, for {@link #quietClasses}: 0 when its terms must be asked. */
    static int quietClass(char c) {
        return QUIET_CLASS.get(c);
    }

    /**
     * {@link #quietPair} of two BMP chars (or {@link #NO_CHAR} and a char) from their {@link #quietClass}es, for a
     * pass that reads each char's class once.
     */
    static boolean quietClasses(int a, int b) {
        if (b == 0) {
            return false;
        }
        if (a == NO_CHAR) {
            return true;
        }
        if (a == 0 || (a & QUIET_LOWER) != 0 && (b & QUIET_UPPER) != 0) {
            return false;
        }
        if ((a & b & QUIET_LETTER) == 0) {
            return true;
        }
        int sa = a >>> 4;
        int sb = b >>> 4;
        return sa == sb || sa == 0 || sb == 0;
    }

    private static int computeQuiet(int cp) {
        if (computeCharCost(cp) > 0 || cp == 0xC2 || cp == 0xC3 || cp == 0x221A || cp == 0xAB || cp == 0xBB
                || cp == 0x201E || cp == 0x201A || cp >= 0xD800 && cp <= 0xDFFF) {
            return 0;
        }
        int f = computeFlags(cp);
        if ((f & (MARK | NON_SPACING | ODD_SYMBOL | NON_ASCII_DIGIT)) != 0) {
            return 0;
        }
        // the case of every quiet char: a lower-case one before an upper-case one may make a triple (roman ⅰ too)
        int quiet = QUIET | ((f & LOWER) != 0 ? QUIET_LOWER : 0) | ((f & UPPER) != 0 ? QUIET_UPPER : 0);
        return (f & LETTER) == 0 ? quiet : quiet | QUIET_LETTER | computeAlphabet(cp) << 4;
    }

    static double charCost(int cp) {
        return cp < 0x10000 ? CHAR_COST_HALVES.get(cp) * 0.5 : computeCharCost(cp);
    }

    private static int charCostHalves(int cp) {
        double halves = computeCharCost(cp) * 2;
        if (halves != (int) halves) {
            throw new AssertionError("charCost of U+" + Integer.toHexString(cp) + " is no multiple of 0.5");
        }
        return (int) halves;
    }

    private static double computeCharCost(int cp) {
        if (cp < 0x80) {
            return 0;
        }
        if (cp < 0xA0) {
            return 3;
        }
        if (cp < 0x2000 && RARE_SYMBOLS.indexOf(cp) >= 0 || cp > 0x2000 && cp < 0x2200 && RARE_SYMBOLS.indexOf(cp) >= 0) {
            return 1;
        }
        int type = Character.getType(cp);
        switch (type) {
            case Character.UNASSIGNED, Character.PRIVATE_USE, Character.SURROGATE:
                return 4;
            case Character.CONTROL:
                return 3;
            case Character.FORMAT:
                // Joiners and non-joiners are ordinary inside Arabic, Persian and Indic words and emoji sequences.
                return cp == 0x200C || cp == 0x200D || cp == 0xFEFF || cp >= 0xE0000 ? 0.5 : 1;
            default:
                break;
        }
        if ((cp & 0xFFFE) == 0xFFFE || cp >= 0xFDD0 && cp <= 0xFDEF) {
            return 4;
        }
        if (rareBlock(cp)) {
            return 2.5;
        }
        return type == Character.MODIFIER_LETTER && cp >= 0x300 && cp < 0x3000 ? 1 : 0;
    }

    /** A non-ASCII lowercase letter between two uppercase ones (MģÄM) is odd. */
    static double tripleCost(int a, int b, int c) {
        if (a < 0 || b < 0x80 || (flags(b) & LOWER) == 0) {
            return 0;
        }
        return (flags(a) & UPPER) != 0 && (flags(c) & UPPER) != 0 ? 1 : 0;
    }

    static double pairCost(int a, int b) {
        if (a < 0x80 && b < 0x80) {
            return 0;
        }
        int fa = flags(a);
        int fb = flags(b);
        boolean la = (fa & LETTER) != 0;
        boolean lb = (fb & LETTER) != 0;
        double cost = 0;
        if ((a == 0xC2 || a == 0xC3) && b >= 0x80) {
            cost += 2; // Â and Ã are the lead chars of most Latin mojibake and real text never puts non-ASCII after them
        }
        if (a == 0xE2 && b == 0x2122) {
            cost += 2; // â™: E2 99, the lead of ♥ ♪ ♫ (U+2640..267F) read as windows-1252; no brand puts ™ after â
        }
        if (a == 0x221A && b >= 0x80) {
            if (!lb) {
                cost += 1.5; // √ before a symbol: MacRoman mojibake (√© is é)
            } else if (Character.UnicodeScript.of(b) == Character.UnicodeScript.LATIN) {
                cost += 2; // √ before a Latin letter not ASCII: MacRoman mojibake too (√ü is ß); math's √π stays
            }
        }
        if (la && (b == 0xAB || b == 0x201E || b == 0x201A) || a == 0xBB && lb) {
            cost += 1; // an opening guillemet or low quote glued after a letter, or a closing one before
        }
        if ((la || (fa & NON_ASCII_DIGIT) != 0) && (lb || (fb & NON_ASCII_DIGIT) != 0)) {
            int sa = alphabet(a);
            int sb = alphabet(b);
            if (sa != 0 && sb != 0 && sa != sb) {
                cost += 2;
            }
            if ((a >= 0x80 || b >= 0x80) && (fa & LOWER) != 0 && (fb & UPPER) != 0) {
                cost += 1;
            }
        } else if (la && a >= 0x80 && (fb & ODD_SYMBOL) != 0 && b != 0xA0 && b != 0x2122 && b != 0xAE
                || (fa & ODD_SYMBOL) != 0 && (fa & MATH) == 0 && lb && b >= 0x80) {
            cost += 1;
        } else if ((fa & ODD_SYMBOL) != 0 && (fb & ODD_SYMBOL) != 0 && !(isBox(a) && isBox(b))
                && !((fa & fb & EMOJI) != 0 && ((fa | fb) & EMOJI_PRESENTATION) != 0)) {
            // (two emoji side by side, one of them shown as emoji by default, are chat's way, ✅✅ or ✅❤, not two
            // odd symbols glued together)
            cost += 0.5;
        }
        if ((fb & MARK) != 0) {
            // the emoji selector U+FE0F is a mark that goes on an emoji, not a letter: ❤️ is how chat writes ❤
            if (!la && (fa & NON_SPACING) == 0 && !(b == 0xFE0F && (fa & EMOJI) != 0)) {
                cost += 1;
            } else if (la) {
                Character.UnicodeScript sb = Character.UnicodeScript.of(b);
                if (sb != Character.UnicodeScript.INHERITED && sb != Character.UnicodeScript.COMMON
                        && sb != Character.UnicodeScript.of(a)) {
                    cost += 2;
                } else if (b >= 0x300 && b < 0x370 && alphabet(a) > 3) {
                    cost += 2; // the European combining diacritics on an Arabic, Hebrew, Indic... letter
                }
            }
        }
        return cost;
    }

    private static int flags(int cp) {
        return FLAGS.get(cp);
    }

    private static int computeFlags(int cp) {
        int type = Character.getType(cp);
        return (isLetter(cp) ? LETTER : 0) | (Character.isLowerCase(cp) ? LOWER : 0)
                | (Character.isUpperCase(cp) ? UPPER : 0) | (isMark(cp) ? MARK : 0)
                | (type == Character.NON_SPACING_MARK ? NON_SPACING : 0) | (isOddSymbol(cp) ? ODD_SYMBOL : 0)
                | (type == Character.MATH_SYMBOL ? MATH : 0) | (isNonAsciiDigit(cp) ? NON_ASCII_DIGIT : 0)
                | (com.ibm.icu.lang.UCharacter.hasBinaryProperty(cp, com.ibm.icu.lang.UProperty.EMOJI) ? EMOJI : 0)
                | (com.ibm.icu.lang.UCharacter.hasBinaryProperty(cp, com.ibm.icu.lang.UProperty.EMOJI_PRESENTATION)
                        ? EMOJI_PRESENTATION : 0);
    }

    private static boolean isMark(int cp) {
        int t = Character.getType(cp);
        return t == Character.NON_SPACING_MARK || t == Character.ENCLOSING_MARK;
    }

    private static boolean isNonAsciiDigit(int cp) {
        return cp >= 0x80 && Character.getType(cp) == Character.DECIMAL_DIGIT_NUMBER;
    }

    private static boolean isBox(int cp) {
        return cp >= 0x2500 && cp < 0x2600;
    }

    private static boolean isLetter(int cp) {
        if (cp == 0xAA || cp == 0xBA || cp == 0xB5) {
            return false;
        }
        return Character.isLetter(cp);
    }

    /** Non-ASCII symbols and punctuation that rarely touch letters in real text; quotes, dashes, CJK and emoji excluded. */
    static boolean isOddSymbol(int cp) {
        if (cp < 0xA0) {
            return cp >= 0x80;
        }
        if (cp >= 0x2E00) {
            return false;
        }
        if (cp == 0xAA || cp == 0xBA || cp == 0xB5) {
            return true;
        }
        if (cp >= 0x200C && cp <= 0x200F) {
            return false; // joiners and direction marks belong inside Arabic, Persian, Indic words
        }
        switch (Character.getType(cp)) {
            case Character.MATH_SYMBOL, Character.CURRENCY_SYMBOL, Character.MODIFIER_SYMBOL, Character.OTHER_SYMBOL,
                    Character.OTHER_NUMBER, Character.FORMAT, Character.CONTROL, Character.SPACE_SEPARATOR:
                return true;
            case Character.OTHER_PUNCTUATION:
                // the punctuation of other scripts (Arabic comma ، U+060C, Hebrew geresh, Devanagari danda) is
                // ordinary next to their letters; only Latin-1 and general punctuation is odd there
                return (cp < 0x250 || cp >= 0x2000) && cp != 0x2026 && cp != 0xBF && cp != 0xA1 && cp != 0xB7
                        && cp != 0x2019;
            default:
                return false;
        }
    }

    /** A small id for alphabets whose letters rarely touch letters of another alphabet; 0 for the rest. */
    private static int alphabet(int cp) {
        return ALPHABET.get(cp);
    }

    private static int computeAlphabet(int cp) {
        if (cp < 0x250) {
            return 1;
        }
        Character.UnicodeScript s = Character.UnicodeScript.of(cp);
        return switch (s) {
            case LATIN -> 1;
            case GREEK -> 2;
            case CYRILLIC -> 3;
            case ARMENIAN -> 4;
            case HEBREW -> 5;
            case ARABIC -> 6;
            case COPTIC -> 7;
            case SYRIAC, THAANA, NKO, SAMARITAN, MANDAIC -> 8;
            case DEVANAGARI, BENGALI, GURMUKHI, GUJARATI, ORIYA, TAMIL, TELUGU, KANNADA, MALAYALAM, SINHALA -> 9;
            case THAI, LAO -> 10;
            case GEORGIAN -> 11;
            case HANGUL -> 12;
            default -> 0;
        };
    }

    /** Blocks a wrong decoding tends to land in, and that real text seldom uses. */
    private static boolean rareBlock(int cp) {
        if (cp >= 0x0180 && cp < 0x0250) {
            // Latin Extended-B: keep what living orthographies use (ƒ, Vietnamese ơ ư, Croatian digraphs,
            // Pinyin ǎ..ǜ, Romanian ș ț); the rest is what wrong decodings land on
            return !(cp == 0x192 || cp == 0x1A0 || cp == 0x1A1 || cp == 0x1AF || cp == 0x1B0
                    || cp >= 0x1C4 && cp <= 0x1DC || cp >= 0x218 && cp <= 0x21B);
        }
        if (cp >= 0x0250 && cp < 0x02B0) {
            return true; // IPA
        }
        if (cp >= 0x03E2 && cp < 0x0400) {
            return true; // Coptic letters in the Greek block, and archaic Greek
        }
        if (cp >= 0x0460 && cp < 0x0490 || cp >= 0x04C0 && cp < 0x04D0 && cp != 0x04C0 || cp >= 0x0500 && cp < 0x0530) {
            return true; // historic and minority Cyrillic
        }
        if (cp >= 0x1700 && cp < 0x1780 || cp >= 0x1800 && cp < 0x1D00 || cp >= 0x1D00 && cp < 0x1DC0) {
            return true; // Philippine scripts, Mongolian, Limbu, Tai Le/Lue, Buginese, Balinese..., phonetic extensions
        }
        if (cp >= 0x3190 && cp < 0x31A0 || cp >= 0x3100 && cp < 0x3130) {
            return true; // Kanbun, Bopomofo
        }
        if (cp >= 0x3200 && cp < 0x3400 || cp >= 0x3400 && cp < 0x4DC0) {
            return true; // enclosed CJK, CJK compatibility, CJK Extension A: seldom in running text
        }
        if (cp >= 0x0700 && cp < 0x0900) {
            return true; // Syriac, Thaana, NKo, Samaritan, Mandaic
        }
        if (cp >= 0x1680 && cp < 0x1700) {
            return true; // Ogham, Runic
        }
        if (cp >= 0x2900 && cp < 0x2B00) {
            return true; // supplemental arrows and math operators
        }
        if (cp >= 0x2C00 && cp < 0x2E00) {
            return true; // Glagolitic, Coptic, Tifinagh ...
        }
        if (cp >= 0xA000 && cp < 0xAC00) {
            return true; // Yi, Lisu, Vai, ...
        }
        if (cp >= 0xFB50 && cp < 0xFE00 || cp >= 0xFE70 && cp < 0xFF00) {
            return true; // Arabic presentation forms
        }
        if (cp >= 0x10000 && cp < 0x1F000) {
            return !(cp >= 0x1D400 && cp < 0x1D800) && !(cp >= 0x1D100 && cp < 0x1D200);
        }
        return cp >= 0x1F700 && cp < 0x1F780 || cp >= 0x1FB00 && cp < 0x20000 || cp >= 0x2FA20 && cp < 0xE0000;
    }
}
