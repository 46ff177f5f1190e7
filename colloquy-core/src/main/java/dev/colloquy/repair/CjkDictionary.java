package dev.colloquy.repair;

import com.ibm.icu.util.BytesTrie;
import com.ibm.icu.util.CharsTrie;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * The Chinese/Japanese word list ICU4J ships for word segmentation ({@code brkitr/cjdict.dict} inside the
 * icu4j jar; Unicode license). Each word carries a cost (lower = more frequent). Lingua has only unigram
 * models for Chinese and Japanese, so this is what tells {@code 不知道} from {@code 中知道}.
 *
 * <p>File layout (ICU's dictionary format): an ICU data header (its size in the first two bytes), then eight
 * int32 indexes (big-endian here: the jar's data is big-endian), index 0 = offset of the trie, index 3 = total
 * size, index 4 = trie type (1 = UTF-16 CharsTrie, +8 when words carry values); the trie follows as UTF-16
 * units, readable with ICU's public {@link CharsTrie}. Loaded lazily, once (~2 MB); lookups are thread-safe
 * (each creates its own trie cursor).
 */
final class CjkDictionary {

    private static final String RESOURCE = "com/ibm/icu/impl/data/icudata/brkitr/cjdict.dict";

    /** The shared instance: a facade whose data loads on the first lookup (see {@link #standard()}). */
    private static final CjkDictionary STANDARD = new CjkDictionary(null);

    /** The trie as UTF-16 units; null until {@link #trie()} loads the standard dictionary. */
    private volatile String trie;
    /**
     * {@link #cost(int)} per BMP char, remembered on first lookup (UNKNOWN before): the character model asks the cost
     * of every CJK char of every word it weighs. Threads may race to fill an entry; they write the same value.
     */
    private final int[] charCosts = new int[0x10000];
    private static final int UNKNOWN = Integer.MIN_VALUE;
    /** The cost of a char that is no word alone (rare: such chars stand inside words). */
    static final int UNKNOWN_CHAR = 100;
    /** The longest word {@link #splitCost} looks for, in code units. */
    private static final int LONGEST_WORD = 10;

    private CjkDictionary(String trie) {
        this.trie = trie;
        java.util.Arrays.fill(charCosts, UNKNOWN);
    }

    /**
     * The dictionary ICU ships. Its 2 MB load on the first {@link #cost}, not here: the repair engine is built by
     * every command, but only a lossy repair of CJK text asks (reading it was ~35 ms of a one-line fix's start).
     */
    static CjkDictionary standard() {
        return STANDARD;
    }

    private String trie() {
        String t = trie;
        if (t == null) {
            synchronized (this) {
                t = trie;
                if (t == null) {
                    t = load().trie;
                    trie = t;
                }
            }
        }
        return t;
    }

    /** {@code cost} of the one char {@code cp}. */
    int cost(int cp) {
        if (cp > 0xFFFF) {
            return cost(new String(Character.toChars(cp)));
        }
        int cost = charCosts[cp];
        if (cost == UNKNOWN) {
            cost = cost(String.valueOf((char) cp));
            charCosts[cp] = cost;
        }
        return cost;
    }

    /** The cost of {@code word} in the dictionary, or -1 when it is not a word there. */
    int cost(CharSequence word) {
        if (word.length() == 0) {
            return -1;
        }
        String trie = trie();
        if (trie.isEmpty()) {
            return -1;
        }
        CharsTrie cursor = new CharsTrie(trie, 0);
        BytesTrie.Result result = BytesTrie.Result.NO_MATCH;
        for (int i = 0; i < word.length(); i++) {
            result = cursor.next(word.charAt(i));
            if (!result.matches()) {
                return -1;
            }
        }
        return result.hasValue() ? cursor.getValue() : -1;
    }

    /**
     * The least total cost of splitting {@code run} into the dictionary's words (at most {@link #LONGEST_WORD} code
     * units each); a char that is no word alone costs {@link #UNKNOWN_CHAR}, as a char found only inside words does
     * in the character model. A word segmenter's Viterbi pass, as ICU's own CJK break engine makes with these costs.
     */
    int splitCost(CharSequence run) {
        int n = run.length();
        int[] best = new int[n + 1];
        java.util.Arrays.fill(best, Integer.MAX_VALUE);
        best[0] = 0;
        String trie = trie();
        for (int i = 0; i < n; i++) {
            if (best[i] == Integer.MAX_VALUE) {
                continue;
            }
            int single = Character.charCount(Character.codePointAt(run, i));
            boolean singleIsWord = false;
            CharsTrie cursor = trie.isEmpty() ? null : new CharsTrie(trie, 0);
            for (int j = i; cursor != null && j < n && j - i < LONGEST_WORD; j++) {
                BytesTrie.Result result = cursor.next(run.charAt(j));
                if (!result.matches()) {
                    break;
                }
                if (result.hasValue()) {
                    best[j + 1] = Math.min(best[j + 1], best[i] + cursor.getValue());
                    singleIsWord |= j + 1 == i + single;
                }
            }
            if (!singleIsWord) {
                best[i + single] = Math.min(best[i + single], best[i] + UNKNOWN_CHAR);
            }
        }
        return best[n];
    }

    private static CjkDictionary load() {
        try (InputStream in = CjkDictionary.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                return new CjkDictionary("");
            }
            ByteBuffer data = ByteBuffer.wrap(in.readAllBytes()).order(ByteOrder.BIG_ENDIAN);
            int headerSize = data.getShort(0) & 0xFFFF;
            int trieOffset = data.getInt(headerSize);
            int totalSize = data.getInt(headerSize + 12);
            int trieType = data.getInt(headerSize + 16) & 7;
            if (trieType != 1) {
                return new CjkDictionary("");
            }
            StringBuilder chars = new StringBuilder((totalSize - trieOffset) / 2);
            for (int i = headerSize + trieOffset; i + 1 < headerSize + totalSize; i += 2) {
                chars.append(data.getChar(i));
            }
            return new CjkDictionary(chars.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read ICU dictionary " + RESOURCE, e);
        }
    }
}
