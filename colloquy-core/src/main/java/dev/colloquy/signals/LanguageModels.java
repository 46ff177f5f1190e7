package dev.colloquy.signals;

import com.github.pemistahl.lingua.api.Language;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReferenceArray;

/*
 * Character n-gram language models for a set of languages, scored fast enough to read every turn of a corpus.
 *
 * The data are Lingua's (1.2.2, a dependency): per language, relative frequencies of letter unigrams and the
 * conditional probabilities P(c | b) of bigrams and P(c | ab) of trigrams, counted by Lingua's authors on news and
 * web text and shipped in its jar as language-models/ISO/{uni,bi,tri}grams.json. Lingua's own detector scores the
 * same trigram models for texts of 120 characters or more; it is not used here because it costs 0.3-1.4 ms of
 * CPU per 100-300 characters plus work in the common fork-join pool, and 0.9 GB of heap in its high-accuracy
 * mode: about 50x too slow for a corpus, while this scoring costs ~20-40 ns per letter.
 *
 * A word (a run of letters, lower-cased, as Lingua counts them) scores as a character language model per language:
 * log P(c0) + log P(c1 | c0) + sum log P(ci | ci-2 ci-1). An n-gram a language never saw backs off to the next
 * lower order with a penalty (BACKOFF per step), and a letter the language never saw costs UNSEEN. A text's score
 * per language is the sum over its words; the caller compares languages by it.
 *
 * Storage, built for one memory access per letter where possible:
 *  - Letter codes. Every letter the models of the set use (their unigrams: 214 for the 22 default Latin languages,
 *    428 for all 50 of Lingua's Latin-script ones) gets a code of CODE_BITS bits; a table over all UTF-16 units
 *    (letterCodes) gives each unit's code after lower-casing in one load: 0 for a non-letter (a word ends there),
 *    OTHER_LETTER for a letter no model has. This replaces Character.isLetter and toLowerCase per character, which
 *    took a fifth of the scoring time, and lets a trigram key fit in an int.
 *  - Rows. One open-addressing table per order (int key and row index side by side, so a lookup reads one cache
 *    line; unigrams are a plain array by code) pointing at a row of one float per language in one shared array,
 *    filled with the backed-off value where the language lacks the n-gram (see fillBackoffs).
 *  - Quadrigrams, per language, loaded on its first close call: one long per slot, the 4-letter key beside the
 *    index of its log-probability among the file's fractions, so a lookup is one load, not a key and a value.
 * The codes pick out exactly the n-grams the UTF-16 text would (a text letter gets a model letter's code only when
 * its lower case is that letter), and the rows are added in the same order as before, so the scores are the same
 * doubles: packing changes speed, not answers.
 *
 * Tables are built once per language set and shared (the package's only static state: a pure function of its key,
 * so Spark executors rebuild identical ones).
 */
final class LanguageModels {

    static final float BACKOFF = (float) Math.log(0.05);
    static final float UNSEEN = (float) Math.log(1e-7);

    /** Bits of one letter code: a trigram key (3 codes) fits in an int, a quadrigram key (4) beside a 24-bit index. */
    private static final int CODE_BITS = 10;
    private static final int MAX_LETTERS = (1 << CODE_BITS) - 2;

    private static final Map<List<String>, LanguageModels> CACHE = new ConcurrentHashMap<>();

    private final List<String> codes;
    private final int width;
    /** The code of each model letter (by UTF-16 unit, as the model files spell it), 0 for none. */
    private final short[] alphabet = new short[1 << 16];
    /** The code of each UTF-16 unit of a text after lower-casing: 0 not a letter, otherLetter a letter no model has. */
    private final short[] letterCodes = new short[1 << 16];
    private final int otherLetter;
    /** Row of each letter code's unigram, or -1. */
    private final int[] unigrams;
    private final IntTable bigrams = new IntTable();
    private final IntTable trigrams = new IntTable();
    /** The rows of all three orders, end to end and trimmed: one array for the scoring loop to index. */
    private final float[] values;
    /** {@link #values} while the rows are made, and how much of it is used. */
    private float[] building = new float[1 << 16];
    private int used;
    /** Quadrigram tables by language index, loaded on a language's first close call (~2 MB of heap each). */
    private final AtomicReferenceArray<Quadrigrams> quadrigrams;
    /** One lock per language for loading its quadrigrams. */
    private final Object[] loadLocks;

    private LanguageModels(List<String> codes) {
        this.codes = codes;
        this.width = codes.size();
        this.quadrigrams = new AtomicReferenceArray<>(width);
        this.loadLocks = new Object[width];
        Arrays.setAll(loadLocks, l -> new Object());
        long[][] keys = new long[3][];
        float[][] logps = new float[3][];
        int[][] langs = new int[3][];
        int[] counts = new int[3];
        for (int n = 1; n <= 3; n++) {
            keys[n - 1] = new long[1 << 12];
            logps[n - 1] = new float[1 << 12];
            langs[n - 1] = new int[1 << 12];
        }
        // read everything first: the letters of all three orders make the alphabet
        int letters = 0;
        for (int n = 1; n <= 3; n++) {
            final int order = n - 1;
            for (int l = 0; l < width; l++) {
                final int lang = l;
                read(codes.get(l), n, (key, logp) -> {
                    int i = counts[order]++;
                    if (i == keys[order].length) {
                        keys[order] = Arrays.copyOf(keys[order], i * 2);
                        logps[order] = Arrays.copyOf(logps[order], i * 2);
                        langs[order] = Arrays.copyOf(langs[order], i * 2);
                    }
                    keys[order][i] = key;
                    logps[order][i] = logp;
                    langs[order][i] = lang;
                });
            }
            for (int i = 0; i < counts[order]; i++) {
                for (int j = 0; j < n; j++) {
                    char ch = (char) (keys[order][i] >>> 16 * j);
                    if (alphabet[ch] == 0) {
                        alphabet[ch] = (short) ++letters;
                    }
                }
            }
        }
        if (letters > MAX_LETTERS) {
            throw new IllegalArgumentException("The language models of " + codes + " use " + letters
                    + " distinct letters, more than the " + MAX_LETTERS + " one model set can hold; list fewer"
                    + " languages in the step's 'languages'");
        }
        otherLetter = letters + 1;
        for (int c = 0; c < letterCodes.length; c++) {
            char ch = (char) c;
            if (Character.isLetter(ch) && !Character.isSurrogate(ch)) {
                short code = alphabet[Character.toLowerCase(ch)];
                letterCodes[c] = code != 0 ? code : (short) otherLetter;
            }
        }
        unigrams = new int[otherLetter + 1];
        Arrays.fill(unigrams, -1);
        for (int n = 1; n <= 3; n++) {
            int order = n - 1;
            for (int i = 0; i < counts[order]; i++) {
                int key = (int) encode(keys[order][i], n);
                int r = n == 1 ? unigrams[key] : (n == 2 ? bigrams : trigrams).row(key);
                if (r < 0) {
                    r = newRow();
                    if (n == 1) {
                        unigrams[key] = r;
                    } else {
                        (n == 2 ? bigrams : trigrams).put(key, r);
                    }
                }
                building[r + langs[order][i]] = logps[order][i];
            }
        }
        fillBackoffs();
        values = Arrays.copyOf(building, used);
        building = null;
    }

    /** A new row of NaN (no language has the n-gram yet) at the end of {@link #values}. */
    private int newRow() {
        if (used + width > building.length) {
            building = Arrays.copyOf(building, building.length * 2);
        }
        int r = used;
        Arrays.fill(building, r, r + width, Float.NaN);
        used += width;
        return r;
    }

    /** The letter codes of an n-gram packed as UTF-16 units (first letter highest), packed CODE_BITS each; -1 if a letter has none. */
    private long encode(long utf16, int n) {
        long key = 0;
        for (int j = n - 1; j >= 0; j--) {
            short code = alphabet[(char) (utf16 >>> 16 * j)];
            if (code == 0) {
                return -1;
            }
            key = key << CODE_BITS | code;
        }
        return key;
    }

    /*
     * Every row gets its backed-off value where a language lacks the n-gram: a unigram row UNSEEN, a bigram row
     * the unigram of its last letter + BACKOFF, a trigram row the (filled) bigram of its last two letters + BACKOFF.
     * Scoring then adds one whole row per letter with no branch per language; an n-gram that no language has
     * falls to the next lower row, whose penalty is the same for every language and so changes no comparison.
     */
    private void fillBackoffs() {
        int mask = (1 << CODE_BITS) - 1;
        for (int code = 1; code < unigrams.length; code++) {
            fill(unigrams[code], -1, 1);
        }
        for (int s = 0; s < bigrams.slots.length; s += 2) {
            if (bigrams.slots[s] != 0) {
                fill(bigrams.slots[s + 1], unigrams[bigrams.slots[s] & mask], 2);
            }
        }
        for (int s = 0; s < trigrams.slots.length; s += 2) {
            if (trigrams.slots[s] != 0) {
                fill(trigrams.slots[s + 1], bigrams.row(trigrams.slots[s] & (mask << CODE_BITS | mask)), 3);
            }
        }
    }

    private void fill(int r, int lower, int n) {
        if (r < 0) {
            return;
        }
        for (int l = 0; l < width; l++) {
            float v = building[r + l];
            if (v != v) {
                building[r + l] = lower >= 0 ? building[lower + l] + BACKOFF : UNSEEN + (n - 1) * BACKOFF;
            }
        }
    }

    /** The models of {@code codes} (ISO 639-1, lower case, in the order scores are reported), built once. */
    static LanguageModels of(List<String> codes) {
        return CACHE.computeIfAbsent(List.copyOf(codes), LanguageModels::new);
    }

    List<String> codes() {
        return codes;
    }

    private static final String[] FILES = {"unigrams", "bigrams", "trigrams", "quadrigrams"};

    /** Calls {@code sink} with each n-gram of one of Lingua's model files and its log-probability. */
    private interface Sink {
        void accept(long key, float logp);
    }

    /*
     * Lingua's model files are one JSON object of a fixed shape, {"language":"SPANISH","ngrams":{"num/den":"ng1 ng2
     * ...", ...}}: integer fractions as field names, UTF-8 n-grams separated by spaces, no escapes (none in 1.2.2's
     * 264 files; one would be refused, not misread). Reading the bytes directly costs a third of what a JSON parser
     * did (the 22 Latin languages' quadrigrams, read on close calls, were ~1 CPU-s of a 46 MB corpus's 4.5).
     */
    private static void read(String code, int n, Sink sink) {
        String path = "/language-models/" + code + "/" + FILES[n - 1] + ".json";
        byte[] b;
        try (InputStream in = Language.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("Lingua's jar has no " + path);
            }
            b = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + path, e);
        }
        int i = indexOf(b, NGRAMS, 0);
        if (i < 0) {
            throw new IllegalStateException(path + " has no \"ngrams\" object");
        }
        i += NGRAMS.length;
        while (true) {
            while (i < b.length && b[i] != '"' && b[i] != '}') {
                i++;
            }
            if (i >= b.length || b[i] == '}') {
                return;
            }
            // "num/den":"ng1 ng2 ..."
            long num = 0;
            long den = 0;
            int j = i + 1;
            for (; b[j] != '/'; j++) {
                num = digit(num, b[j], path);
            }
            for (j++; b[j] != '"'; j++) {
                den = digit(den, b[j], path);
            }
            float logp = (float) Math.log((double) num / den);
            j += 3;
            if (b[j - 2] != ':' || b[j - 1] != '"') {
                throw new IllegalStateException(path + ": unexpected '" + (char) b[j - 2] + "' at byte " + (j - 2));
            }
            long key = 0;
            int chars = 0;
            for (; ; j++) {
                int c = b[j] & 0xFF;
                if (c == '"' || c == ' ') {
                    if (chars == n) {
                        sink.accept(key, logp);
                    }
                    key = 0;
                    chars = 0;
                    if (c == '"') {
                        break;
                    }
                    continue;
                }
                if (c == '\\') {
                    throw new IllegalStateException(path + ": an escape at byte " + j + ", which this reader refuses");
                }
                if (c >= 0x80) {
                    int extra = c >= 0xF0 ? 3 : c >= 0xE0 ? 2 : 1;
                    int cp = c & (0x3F >> extra);
                    for (int k = 0; k < extra; k++) {
                        cp = cp << 6 | b[++j] & 0x3F;
                    }
                    if (cp >= 0x10000) {
                        key = key << 16 | Character.highSurrogate(cp);
                        chars++;
                        c = Character.lowSurrogate(cp);
                    } else {
                        c = cp;
                    }
                }
                key = key << 16 | c;
                chars++;
            }
            i = j + 1;
        }
    }

    private static final byte[] NGRAMS = "\"ngrams\":{".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    private static long digit(long value, byte d, String path) {
        if (d < '0' || d > '9' || value > Long.MAX_VALUE / 10 - 9) {
            throw new IllegalStateException(path + ": a fraction that is not two integers");
        }
        return value * 10 + d - '0';
    }

    private static int indexOf(byte[] b, byte[] what, int from) {
        outer:
        for (int i = from; i + what.length <= b.length; i++) {
            for (int k = 0; k < what.length; k++) {
                if (b[i + k] != what[k]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    /**
     * Adds to {@code scores} (one per language of {@link #codes()}) the log-likelihood of every word of {@code text}
     * under the models of orders 1-3 and returns the number of letters scored. When {@code keep} is not null, the
     * rows of the text's letters are kept in it for {@link #score4} to reuse on the same text.
     */
    int score(CharSequence text, double[] scores, Rows keep) {
        Rows rows = keep != null ? keep : new Rows(text.length());
        lookUp(text, rows);
        int l = 0;
        for (; l + 4 <= width; l += 4) {
            addFour(rows, l, scores);
        }
        if (l + 2 <= width) {
            addTwo(rows, l, scores);
            l += 2;
        }
        for (; l < width; l++) {
            addOne(rows, l, scores);
        }
        return rows.n;
    }

    /*
     * Adding the rows: languages in the outer loop (four at a time), letters in the inner one, each language's sum in
     * a register.
     * Every language still adds its values letter by letter in text order, so its score is the same double as when
     * one letter's whole row was added to all languages at a time (LanguageModelsTest holds it to a reference).
     * Why: that loop read and wrote 22 scores per letter and waited for each letter's row (a cache miss into 9 MB of
     * rows) before the next; four sums in registers over all letters ask for every row of the text back to back, so
     * the misses overlap, and later groups find the rows in cache. On corpus-46m's OpenAI turns (22 Latin languages)
     * the adding took ~16 ns per letter before and ~12 after (a harness alternating both, same sums; eight sums at a
     * time were no faster there).
     */
    private void addFour(Rows rows, int l, double[] scores) {
        float[] v = values;
        int[] r = rows.rows;
        double s0 = scores[l], s1 = scores[l + 1], s2 = scores[l + 2], s3 = scores[l + 3];
        for (int i = 0, n = rows.n; i < n; i++) {
            int row = r[i];
            if (row >= 0) {
                int b = row + l;
                s0 += v[b];
                s1 += v[b + 1];
                s2 += v[b + 2];
                s3 += v[b + 3];
            }
        }
        scores[l] = s0;
        scores[l + 1] = s1;
        scores[l + 2] = s2;
        scores[l + 3] = s3;
    }

    private void addTwo(Rows rows, int l, double[] scores) {
        float[] v = values;
        int[] r = rows.rows;
        double s0 = scores[l], s1 = scores[l + 1];
        for (int i = 0, n = rows.n; i < n; i++) {
            int row = r[i];
            if (row >= 0) {
                s0 += v[row + l];
                s1 += v[row + l + 1];
            }
        }
        scores[l] = s0;
        scores[l + 1] = s1;
    }

    private void addOne(Rows rows, int l, double[] scores) {
        float[] v = values;
        int[] r = rows.rows;
        double s = scores[l];
        for (int i = 0, n = rows.n; i < n; i++) {
            int row = r[i];
            if (row >= 0) {
                s += v[row + l];
            }
        }
        scores[l] = s;
    }

    /**
     * The log-likelihood of {@code text} under the models of orders 1-4 of the languages {@code langs} (indexes
     * into {@link #codes()}), into {@code scores[k]} for {@code langs[k]}: the close-call stage, where quadrigrams
     * tell apart relatives that trigrams leave within a few nats (id/ms, nb/da). Each letter takes a language's
     * quadrigram where it has one, else the row's value plus one BACKOFF. {@code known}, when not null, holds the
     * rows {@link #score} kept for this same text, so no trigram is looked up twice.
     */
    void score4(CharSequence text, int[] langs, double[] scores, Rows known) {
        Rows rows = known;
        if (rows == null) {
            rows = new Rows(text.length());
            lookUp(text, rows);
        }
        Quadrigrams[] quads = new Quadrigrams[langs.length];
        for (int k = 0; k < langs.length; k++) {
            quads[k] = quadrigrams(langs[k]);
        }
        float[] v = values;
        for (int i = 0; i < rows.n; i++) {
            int r = rows.rows[i];
            long quad = rows.quads[i];
            for (int k = 0; k < langs.length; k++) {
                float q = quad != 0 ? quads[k].get(quad) : Float.NaN;
                scores[k] += q == q ? q : (r >= 0 ? v[r + langs[k]] : UNSEEN) + (quad != 0 ? BACKOFF : 0);
            }
        }
    }

    /**
     * A language's quadrigrams, loaded by the first thread that needs them while the others wait for that load:
     * the runner's workers meet the same close calls at the start of a corpus, and each used to load the same file.
     */
    private Quadrigrams quadrigrams(int lang) {
        Quadrigrams q = quadrigrams.get(lang);
        if (q == null) {
            synchronized (loadLocks[lang]) {
                q = quadrigrams.get(lang);
                if (q == null) {
                    q = new Quadrigrams(codes.get(lang));
                    quadrigrams.set(lang, q);
                }
            }
        }
        return q;
    }

    /**
     * Per letter of one text, in order: the row of the longest n-gram (at most a trigram) ending at it that some
     * language has, or -1, and the key of the quadrigram ending at it, or 0. A close call reads them again.
     */
    static final class Rows {
        private int[] rows;
        private long[] quads;
        private int n;

        /** Room for {@code letters} letters without growing (a text has at most as many letters as chars). */
        Rows(int letters) {
            rows = new int[Math.max(16, letters)];
            quads = new long[rows.length];
        }

        private void add(int r, long quad) {
            if (n == rows.length) {
                rows = Arrays.copyOf(rows, n * 2);
                quads = Arrays.copyOf(quads, n * 2);
            }
            rows[n] = r;
            quads[n++] = quad;
        }
    }

    /*
     * Words are runs of letters (letterCodes, lower-cased as Lingua counted them). Each letter takes the row of the
     * longest n-gram ending at it that some language has (rows are filled with the backed-off values, see
     * fillBackoffs). All lookups of a text come before any row is added: they are independent of each other, so
     * the processor overlaps their cache misses, which the adding of 22 values per letter in between kept apart.
     */
    private void lookUp(CharSequence text, Rows rows) {
        short[] codeOf = letterCodes;
        rows.n = 0;
        int inWord = 0;
        // codes of the word's letters before this one, most recent first
        int p1 = 0;
        int p2 = 0;
        int p3 = 0;
        for (int j = 0, end = text.length(); j < end; j++) {
            int c = codeOf[text.charAt(j)];
            if (c == 0) {
                inWord = 0;
                continue;
            }
            int r = inWord >= 2 ? trigrams.row(p2 << 2 * CODE_BITS | p1 << CODE_BITS | c) : -1;
            if (r < 0) {
                r = inWord >= 1 ? bigrams.row(p1 << CODE_BITS | c) : -1;
                if (r < 0) {
                    r = unigrams[c];
                }
            }
            rows.add(r, inWord >= 3
                    ? (long) p3 << 3 * CODE_BITS | (long) p2 << 2 * CODE_BITS | (long) p1 << CODE_BITS | c : 0);
            inWord++;
            p3 = p2;
            p2 = p1;
            p1 = c;
        }
    }

    /**
     * One language's quadrigram log-probabilities under this set's letter codes: open addressing, one long per
     * slot holding the key above the index of its value in {@link #logps} (the model file's fractions), 0 = empty.
     */
    private final class Quadrigrams {
        private static final int INDEX_BITS = 24;
        private long[] slots = new long[1 << 18];
        private float[] logps = new float[1 << 14];
        private int fractions;
        private int size;

        Quadrigrams(String code) {
            float[] last = {Float.NaN};
            read(code, 4, (utf16, logp) -> {
                if (Float.floatToRawIntBits(logp) != Float.floatToRawIntBits(last[0])) {
                    last[0] = logp;
                    if (fractions == logps.length) {
                        logps = Arrays.copyOf(logps, fractions * 2);
                    }
                    logps[fractions++] = logp;
                    if (fractions >= 1 << INDEX_BITS) {
                        throw new IllegalStateException("quadrigrams of " + code + ": more than 2^24 fractions");
                    }
                }
                long key = encode(utf16, 4);
                // a letter in no unigram file of the set can match no text letter (none in Lingua 1.2.2)
                if (key > 0) {
                    put(key << INDEX_BITS | (fractions - 1));
                }
            });
            logps = Arrays.copyOf(logps, fractions);
        }

        float get(long key) {
            long[] s = slots;
            int mask = s.length - 1;
            for (int i = mix(key) & mask; ; i = (i + 1) & mask) {
                long slot = s[i];
                if (slot >>> INDEX_BITS == key) {
                    return logps[(int) slot & (1 << INDEX_BITS) - 1];
                }
                if (slot == 0) {
                    return Float.NaN;
                }
            }
        }

        private void put(long slot) {
            if ((size + 1) * 3 > slots.length * 2) {
                long[] old = slots;
                slots = new long[old.length * 2];
                size = 0;
                for (long o : old) {
                    if (o != 0) {
                        put(o);
                    }
                }
            }
            long key = slot >>> INDEX_BITS;
            int mask = slots.length - 1;
            int i = mix(key) & mask;
            while (slots[i] != 0 && slots[i] >>> INDEX_BITS != key) {
                i = (i + 1) & mask;
            }
            size += slots[i] == 0 ? 1 : 0;
            slots[i] = slot;
        }

        long bytes() {
            return slots.length * 8L + logps.length * 4L;
        }
    }

    static int mix(long key) {
        long h = key * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 29));
    }

    /** Heap taken by the tables, quadrigrams loaded so far included, in bytes (for the benchmark). */
    long bytes() {
        long b = (alphabet.length + letterCodes.length) * 2L + unigrams.length * 4L + values.length * 4L
                + (bigrams.slots.length + trigrams.slots.length) * 4L;
        for (int l = 0; l < width; l++) {
            Quadrigrams q = quadrigrams.get(l);
            b += q == null ? 0 : q.bytes();
        }
        return b;
    }

    @Override
    public String toString() {
        return "LanguageModels" + codes + String.format(Locale.ROOT, " (%.0f MB)", bytes() / 1e6);
    }

    /**
     * Open addressing with linear probing from an int key (letter codes, never 0) to a row: key and row side by side
     * in one array, so a lookup reads one cache line. 0 marks an empty slot.
     */
    private static final class IntTable {
        int[] slots = new int[1 << 12];
        private int size;

        int row(int key) {
            int[] s = slots;
            int mask = (s.length >> 1) - 1;
            for (int i = mix(key) & mask; ; i = (i + 1) & mask) {
                int k = s[2 * i];
                if (k == key) {
                    return s[2 * i + 1];
                }
                if (k == 0) {
                    return -1;
                }
            }
        }

        void put(int key, int row) {
            if ((size + 1) * 4 > slots.length) {
                int[] old = slots;
                slots = new int[old.length * 2];
                size = 0;
                for (int i = 0; i < old.length; i += 2) {
                    if (old[i] != 0) {
                        put(old[i], old[i + 1]);
                    }
                }
            }
            int mask = (slots.length >> 1) - 1;
            int i = mix(key) & mask;
            while (slots[2 * i] != 0) {
                i = (i + 1) & mask;
            }
            slots[2 * i] = key;
            slots[2 * i + 1] = row;
            size++;
        }
    }
}
