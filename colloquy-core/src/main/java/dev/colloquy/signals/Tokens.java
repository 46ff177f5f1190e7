package dev.colloquy.signals;

import dev.colloquy.step.TurnAnalysis;

/*
 * Word tokens for the repetition, echo and loop signals, as 64-bit hashes so that counting n-grams needs no
 * strings. A token is a run of letters and digits (apostrophes inside a word are kept, with U+2019 folded to
 * U+0027 so "don’t" equals "don't"), lower-cased per code point without a locale. Scripts written without
 * spaces (Han, kana, Thai, Lao, Khmer, Myanmar) give one token per character, and so does every symbol
 * (emoji included), so the measures work in any language without a word segmenter.
 */
final class Tokens {

    private static final long FNV_OFFSET = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;
    private static final long NGRAM_SEED = 0x9E3779B97F4A7C15L;

    private long[] hashes;
    private int[] starts;
    private int[] lengths;
    private int size;
    private int singles;

    private Tokens(int capacity) {
        hashes = new long[capacity];
        starts = new int[capacity];
        lengths = new int[capacity];
    }

    /**
     * The word tokens of a turn's text, shared by the repetition, echo and agreement-loop steps through
     * {@link dev.colloquy.step.TurnAnalyses}: tokenizing was two thirds of what those steps spent on a turn's
     * words, and each would otherwise tokenize every turn again.
     */
    static final TurnAnalysis<Tokens> WORDS = Tokens::of;

    /** The tokens of {@code text}; starts and lengths are in UTF-16 units. Never changed once made. */
    static Tokens of(String text) {
        Tokens t = new Tokens(Math.max(8, text.length() / 5));
        int n = text.length();
        int i = 0;
        while (i < n) {
            char ch = text.charAt(i);
            if (ch < 0x80) {
                // ASCII fast path: most chat text is mostly ASCII.
                i = isAsciiWordChar(ch) ? addWord(t, text, i) : i + 1;
                continue;
            }
            int cp = text.codePointAt(i);
            int w = Character.charCount(cp);
            if (isWordChar(cp)) {
                if (isSingleCharScript(cp)) {
                    t.singles++;
                    t.add(mix(FNV_OFFSET, Character.toLowerCase(cp)), i, w);
                    i += w;
                    continue;
                }
                i = addWord(t, text, i);
            } else {
                if (Character.getType(cp) == Character.OTHER_SYMBOL) {
                    t.add(mix(FNV_OFFSET, cp), i, w);
                }
                i += w;
            }
        }
        return t;
    }

    int size() {
        return size;
    }

    /** Tokens that are one character of a script written without spaces (Han, kana, Thai, ...). */
    int singleCharTokens() {
        return singles;
    }

    long hash(int i) {
        return hashes[i];
    }

    int start(int i) {
        return starts[i];
    }

    int length(int i) {
        return lengths[i];
    }

    /** The hash of the {@code n} tokens from {@code i}; order matters. */
    long ngram(int i, int n) {
        long h = NGRAM_SEED;
        for (int k = i; k < i + n; k++) {
            h = step(h, hashes[k]);
        }
        return h;
    }

    /** Characters (UTF-16 units) of the tokens {@code i .. i+n-1}, without the gaps between them. */
    int chars(int i, int n) {
        int c = 0;
        for (int k = i; k < i + n; k++) {
            c += lengths[k];
        }
        return c;
    }

    private void add(long hash, int start, int length) {
        if (size == hashes.length) {
            int cap = size * 2;
            hashes = java.util.Arrays.copyOf(hashes, cap);
            starts = java.util.Arrays.copyOf(starts, cap);
            lengths = java.util.Arrays.copyOf(lengths, cap);
        }
        hashes[size] = hash;
        starts[size] = start;
        lengths[size] = length;
        size++;
    }

    /**
     * Adds the word starting at {@code start} (a word character of a script written with spaces) to {@code t} and
     * returns where it ends. Its characters are lowercased into the hash; ASCII letters and digits take a test
     * without code-point decoding, since most chat text is mostly ASCII.
     */
    private static int addWord(Tokens t, String text, int start) {
        int n = text.length();
        int i = start;
        long h = FNV_OFFSET;
        while (i < n) {
            char c = text.charAt(i);
            if (c < 0x80 && isAsciiWordChar(c)) {
                h = mix(h, c >= 'A' && c <= 'Z' ? c + 32 : c);
                i++;
            } else if (c >= 0x80 && isWordChar(text.codePointAt(i)) && !isSingleCharScript(text.codePointAt(i))) {
                int cp = text.codePointAt(i);
                h = mix(h, Character.toLowerCase(cp));
                i += Character.charCount(cp);
            } else if (apostropheInWord(text, i, c)) {
                h = mix(h, '\'');
                i++;
            } else {
                break;
            }
        }
        t.add(h, start, i - start);
        return i;
    }

    /** Whether {@code c}, at {@code i}, is an apostrophe (' or U+2019) inside a word: a word character follows. */
    private static boolean apostropheInWord(String text, int i, int c) {
        return (c == '\'' || c == '\u2019') && i + 1 < text.length() && isWordChar(text.codePointAt(i + 1))
                && !isSingleCharScript(text.codePointAt(i + 1));
    }

    private static boolean isAsciiWordChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }

    /**
     * Fills {@code out[i]} with the hash of the n-gram at i, given {@code out} holding the (n-1)-gram hashes
     * (or, for n = 1, anything: it is reset); equal to {@link #ngram(int, int)} and costs one mix per n-gram.
     */
    void extendNgrams(long[] out, int n) {
        int grams = size - n + 1;
        for (int i = 0; i < grams; i++) {
            out[i] = n == 1 ? step(NGRAM_SEED, hashes[i]) : step(out[i], hashes[i + n - 1]);
        }
    }

    private static long step(long h, long token) {
        h = (h ^ token) * 0xbf58476d1ce4e5b9L;
        return h ^ (h >>> 31);
    }

    private static long mix(long h, int cp) {
        return (h ^ cp) * FNV_PRIME;
    }

    private static boolean isWordChar(int cp) {
        if (cp < 0x80) {
            return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9');
        }
        return Character.isLetterOrDigit(cp) || Character.getType(cp) == Character.NON_SPACING_MARK
                || Character.getType(cp) == Character.COMBINING_SPACING_MARK;
    }

    static boolean isSingleCharScript(int cp) {
        if (cp < 0x0E00) {
            return false;
        }
        Character.UnicodeScript s = Character.UnicodeScript.of(cp);
        return s == Character.UnicodeScript.HAN || s == Character.UnicodeScript.HIRAGANA
                || s == Character.UnicodeScript.KATAKANA || s == Character.UnicodeScript.THAI
                || s == Character.UnicodeScript.LAO || s == Character.UnicodeScript.KHMER
                || s == Character.UnicodeScript.MYANMAR;
    }
}
