package dev.colloquy.dedup;

import dev.colloquy.model.Turn;
import java.io.Serializable;
import java.util.Arrays;
import java.util.List;

/*
 * Shingling. The folded text (NFKC, lower case) is split into tokens:
 *  - a run of letters and digits in a script written with spaces (Latin, Cyrillic, Greek, Arabic, Hangul,
 *    Devanagari, ...) is one word token;
 *  - each letter of a script written without spaces (Han, Hiragana, Katakana, Thai, Lao, Khmer, Myanmar,
 *    Tibetan) is a token of its own, so Chinese or Thai text shingles as character n-grams;
 *  - combining marks stay with the token before them (Thai vowel signs, Devanagari matras);
 *  - whitespace, punctuation, symbols and emoji only separate tokens.
 * The decision is made per code point, so mixed text (Chinese with English terms) gets words where there
 * are words and characters where there are none. Each turn begins with a role marker token, so a shingle
 * crossing a turn boundary records who spoke. Shingles are the n-grams of consecutive tokens
 * (n = shingle_size); content with fewer tokens than n is one shingle. A shingle is a 64-bit hash, so
 * nothing but the hash array is ever allocated per record.
 */

/** Turns a conversation's turns into a sorted array of distinct 64-bit shingle hashes. Thread-safe. */
public final class Shingler implements Serializable {

    private static final long serialVersionUID = 1L;

    private final int size;
    private final long seed;

    public Shingler(int shingleSize, long seed) {
        if (shingleSize < 1) {
            throw new IllegalArgumentException("shingle_size must be at least 1, was " + shingleSize);
        }
        this.size = shingleSize;
        this.seed = seed;
    }

    /** The distinct shingle hashes of the turns, sorted; empty when the turns hold no letter or digit. */
    public long[] shingles(List<Turn> turns) {
        return shinglesOfFolded(turns, turns.stream().map(t -> ContentNormalizer.fold(t.text())).toList());
    }

    /** As {@link #shingles(List)}, for turn texts already folded by {@link ContentNormalizer#fold(String)}. */
    long[] shinglesOfFolded(List<Turn> turns, List<String> folded) {
        long[] out = shingleHashesOfFolded(turns, folded);
        Arrays.sort(out);
        int distinct = 0;
        for (int i = 0; i < out.length; i++) {
            if (i == 0 || out[i] != out[i - 1]) {
                out[distinct++] = out[i];
            }
        }
        return distinct == out.length ? out : Arrays.copyOf(out, distinct);
    }

    /**
     * The shingle hashes in text order, repeats included; empty exactly when {@link #shinglesOfFolded} is. A MinHash
     * signature is a minimum over them, which repeats and order do not change, so the sketch skips the sort (a
     * sixth of its time on the README pipeline's corpus).
     */
    long[] shingleHashesOfFolded(List<Turn> turns, List<String> folded) {
        TokenBuffer tokens = new TokenBuffer();
        for (int i = 0; i < turns.size(); i++) {
            tokens.addMarker(Hash64.mix(seed ^ (turns.get(i).role().ordinal() + 1) * Hash64.GOLDEN));
            tokenize(folded.get(i), tokens);
        }
        if (tokens.words == 0) {
            return new long[0];
        }
        int n = tokens.size;
        int count = Math.max(1, n - size + 1);
        long[] out = new long[count];
        for (int i = 0; i < count; i++) {
            long h = seed;
            for (int j = i, end = Math.min(n, i + size); j < end; j++) {
                h = Hash64.mix(h ^ tokens.hashes[j]) + Hash64.GOLDEN;
            }
            out[i] = h;
        }
        return out;
    }

    private static final int SEPARATOR = 0;
    private static final int WORD = 1;
    private static final int UNSPACED = 2;
    private static final int MARK = 3;

    private void tokenize(String text, TokenBuffer tokens) {
        long h = 0;
        boolean inToken = false;
        boolean single = false;
        for (int i = 0, n = text.length(); i < n; ) {
            char ch = text.charAt(i);
            // a code point from one char unless it is a surrogate (String.codePointAt checks bounds twice more)
            int cp = Character.isSurrogate(ch) ? text.codePointAt(i) : ch;
            i += Character.charCount(cp);
            int kind = classify(cp);
            if (kind == MARK) {
                if (inToken) {
                    h = Hash64.fold(h, cp);
                }
            } else if (kind == SEPARATOR) {
                if (inToken) {
                    tokens.addWord(Hash64.finish(h));
                    inToken = false;
                }
            } else if (inToken && !single && kind == WORD) {
                h = Hash64.fold(h, cp);
            } else {
                if (inToken) {
                    tokens.addWord(Hash64.finish(h));
                }
                h = Hash64.fold(Hash64.start(seed), cp);
                inToken = true;
                single = kind == UNSPACED;
            }
        }
        if (inToken) {
            tokens.addWord(Hash64.finish(h));
        }
    }

    private static int classify(int cp) {
        if (cp < 0x80) {
            return (cp >= 'a' && cp <= 'z') || (cp >= '0' && cp <= '9') || (cp >= 'A' && cp <= 'Z') ? WORD : SEPARATOR;
        }
        if (cp < 0x300) {
            // Latin-1 and Latin Extended: no marks, no unspaced scripts; skip the script lookup.
            return Character.isLetterOrDigit(cp) ? WORD : SEPARATOR;
        }
        if (cp >= 0x4E00 && cp <= 0x9FFF) {
            // CJK Unified Ideographs, all letters of the Han script: the bulk of Chinese and Japanese text.
            return UNSPACED;
        }
        int type = Character.getType(cp);
        if (type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK
                || type == Character.ENCLOSING_MARK) {
            return MARK;
        }
        if (!Character.isLetterOrDigit(cp)) {
            return SEPARATOR;
        }
        return writtenWithoutSpaces(cp) ? UNSPACED : WORD;
    }

    static boolean writtenWithoutSpaces(int cp) {
        if (cp < 0x0E01) {
            return false; // the first Thai letter: none of these scripts below it, no script table search
        }
        switch (Character.UnicodeScript.of(cp)) {
            case HAN, HIRAGANA, KATAKANA, THAI, LAO, KHMER, MYANMAR, TIBETAN:
                return true;
            default:
                return false;
        }
    }

    private static final class TokenBuffer {
        long[] hashes = new long[64];
        int size;
        int words;

        void addMarker(long h) {
            add(h);
        }

        void addWord(long h) {
            add(h);
            words++;
        }

        private void add(long h) {
            if (size == hashes.length) {
                hashes = Arrays.copyOf(hashes, size * 2);
            }
            hashes[size++] = h;
        }
    }
}
