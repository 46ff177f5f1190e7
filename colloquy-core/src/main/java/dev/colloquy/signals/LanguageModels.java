package dev.colloquy.signals;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.github.pemistahl.lingua.api.Language;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/*
 * Character n-gram language models for a set of languages, scored fast enough to read every turn of a corpus.
 *
 * The data are Lingua's (1.2.2, a dependency): per language, relative frequencies of letter unigrams and the
 * conditional probabilities P(c | b) of bigrams and P(c | ab) of trigrams, counted by Lingua's authors on news and
 * web text and shipped in its jar as language-models/ISO/{uni,bi,tri}grams.json. Lingua's own detector scores the
 * same trigram models for texts of 120 characters or more; it is not used here because it costs 0.3-1.4 ms of
 * CPU per 100-300 characters plus work in the common fork-join pool, and 0.9 GB of heap in its high-accuracy
 * mode: about 50x too slow for a corpus, while this scoring costs ~30-60 ns per letter.
 *
 * A word (a run of letters, lower-cased, as Lingua counts them) scores as a character language model per language:
 * log P(c0) + log P(c1 | c0) + sum log P(ci | ci-2 ci-1). An n-gram a language never saw backs off to the next
 * lower order with a penalty (BACKOFF per step), and a letter the language never saw costs UNSEEN. A text's score
 * per language is the sum over its words; the caller compares languages by it.
 *
 * Storage: one open-addressing table per order mapping the packed n-gram (UTF-16 units, 16 bits each) to a row of
 * one float per language, filled with the backed-off value where the language lacks the n-gram (see
 * fillBackoffs); the rows of the three orders lie end to end in one trimmed float array. Tables are built
 * once per language set and shared (the package's only static state: a pure function of its key, so Spark
 * executors rebuild identical ones).
 */
final class LanguageModels {

    static final float BACKOFF = (float) Math.log(0.05);
    static final float UNSEEN = (float) Math.log(1e-7);

    private static final Map<List<String>, LanguageModels> CACHE = new ConcurrentHashMap<>();
    /** Quadrigram tables by language, loaded on a language's first close call (~3 MB of heap each). */
    private static final Map<String, Quadrigrams> QUADRIGRAMS = new ConcurrentHashMap<>();

    private final List<String> codes;
    private final int width;
    private final Table[] orders = new Table[3];
    /** The rows of all three tables, end to end and trimmed: one array for the scoring loop to index. */
    private final float[] values;

    private LanguageModels(List<String> codes) {
        this.codes = codes;
        this.width = codes.size();
        for (int n = 1; n <= 3; n++) {
            Table t = new Table(width, n == 1 ? 4096 : n == 2 ? 1 << 16 : 1 << 19);
            for (int l = 0; l < width; l++) {
                load(codes.get(l), n, l, t);
            }
            orders[n - 1] = t;
        }
        fillBackoffs();
        int total = 0;
        for (Table t : orders) {
            total += t.size * width;
        }
        values = new float[total];
        int base = 0;
        for (Table t : orders) {
            System.arraycopy(t.values, 0, values, base, t.size * width);
            t.moveRows(base);
            base += t.size * width;
        }
    }

    /*
     * Every row gets its backed-off value where a language lacks the n-gram: a unigram row UNSEEN, a bigram row
     * the unigram of its last letter + BACKOFF, a trigram row the (filled) bigram of its last two letters + BACKOFF.
     * Scoring then adds one whole row per letter with no branch per language; an n-gram that no language has
     * falls to the next lower row, whose penalty is the same for every language and so changes no comparison.
     */
    private void fillBackoffs() {
        for (int n = 1; n <= 3; n++) {
            Table t = orders[n - 1];
            for (int slot = 0; slot < t.keys.length; slot++) {
                long key = t.keys[slot];
                if (key == 0) {
                    continue;
                }
                int r = t.rows[slot];
                int lower = n == 1 ? -1 : orders[n - 2].row(key & (n == 2 ? 0xFFFFL : 0xFFFFFFFFL));
                for (int l = 0; l < width; l++) {
                    float v = t.values[r + l];
                    if (v != v) {
                        t.values[r + l] = lower >= 0 ? orders[n - 2].values[lower + l] + BACKOFF
                                : UNSEEN + (n - 1) * BACKOFF;
                    }
                }
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
    /*
     * Field names are the models' fractions ("5/136"), ~39,000 distinct ones in one quadrigram file: interning and
     * canonicalizing them (Jackson's default, for the few repeated keys of ordinary JSON) cost most of the load.
     */
    private static final JsonFactory PARSERS = JsonFactory.builder()
            .disable(JsonFactory.Feature.CANONICALIZE_FIELD_NAMES).disable(JsonFactory.Feature.INTERN_FIELD_NAMES)
            .build();

    /** Calls {@code sink} with each n-gram of one of Lingua's model files and its log-probability. */
    private interface Sink {
        void accept(long key, float logp);
    }

    private static void load(String code, int n, int lang, Table t) {
        read(code, n, (key, logp) -> t.put(key, lang, logp));
    }

    private static void read(String code, int n, Sink sink) {
        String path = "/language-models/" + code + "/" + FILES[n - 1] + ".json";
        try (InputStream in = Language.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("Lingua's jar has no " + path);
            }
            try (JsonParser p = PARSERS.createParser(in)) {
                // {"language":"SPANISH","ngrams":{"num/den":"ng1 ng2 ...", ...}}
                while (p.nextToken() != null) {
                    if (p.currentToken() == JsonToken.FIELD_NAME && p.currentName().equals("ngrams")) {
                        p.nextToken();
                        while (p.nextToken() == JsonToken.FIELD_NAME) {
                            String fraction = p.currentName();
                            int slash = fraction.indexOf('/');
                            float logp = (float) Math.log(Double.parseDouble(fraction.substring(0, slash))
                                    / Double.parseDouble(fraction.substring(slash + 1)));
                            p.nextToken();
                            // space-separated n-grams, packed straight from the parser's buffer
                            char[] buf = p.getTextCharacters();
                            int end = p.getTextOffset() + p.getTextLength();
                            for (int i = p.getTextOffset(); i < end; ) {
                                int j = i;
                                long key = 0;
                                while (j < end && buf[j] != ' ') {
                                    key = key << 16 | buf[j++];
                                }
                                if (j - i == n) {
                                    sink.accept(key, logp);
                                }
                                i = j + 1;
                            }
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + path, e);
        }
    }

    /**
     * Adds to {@code scores} (one per language of {@link #codes()}) the log-likelihood of every word of {@code text}
     * under the models of orders 1-3 and returns the number of letters scored. When {@code keep} is not null, the
     * row of every letter is kept in it for {@link #score4} to reuse on the same text.
     */
    int score(CharSequence text, double[] scores, Rows keep) {
        if (keep != null) {
            keep.n = 0;
        }
        return scoreWords(text, null, null, scores, keep, false);
    }

    /**
     * The log-likelihood of {@code text} under the models of orders 1-4 of the languages {@code langs} (indexes
     * into {@link #codes()}), into {@code scores[k]} for {@code langs[k]}: the close-call stage, where quadrigrams
     * tell apart relatives that trigrams leave within a few nats (id/ms, nb/da). {@code known}, when not null, holds
     * the rows {@link #score} kept for this same text, so no trigram is looked up twice.
     */
    void score4(CharSequence text, int[] langs, double[] scores, Rows known) {
        Quadrigrams[] quads = new Quadrigrams[langs.length];
        for (int k = 0; k < langs.length; k++) {
            quads[k] = QUADRIGRAMS.computeIfAbsent(codes.get(langs[k]), Quadrigrams::new);
        }
        scoreWords(text, langs, quads, scores, known, known != null);
    }

    /** The rows of one text's letters in scoring order: a close call scores the same letters again. */
    static final class Rows {
        private int[] rows = new int[512];
        private int n;

        private void add(int r) {
            if (n == rows.length) {
                rows = Arrays.copyOf(rows, n * 2);
            }
            rows[n++] = r;
        }
    }

    /*
     * The one scoring loop of both stages. Words are runs of letters, lower-cased as Lingua counted them. Each
     * letter takes the row of the longest n-gram ending at it that some language has (rows are filled with the
     * backed-off values, see fillBackoffs), looked up or, with reuse, read from the rows the first stage kept.
     * Without quadrigrams (quads == null) the whole row is added, one value per language; with them, each of langs
     * takes its quadrigram where it has one and the row's value plus one BACKOFF where it does not.
     */
    private int scoreWords(CharSequence text, int[] langs, Quadrigrams[] quads, double[] scores, Rows rows,
            boolean reuse) {
        char[] w = new char[64];
        int len = 0;
        int letters = 0;
        for (int j = 0; j <= text.length(); j++) {
            char c = j < text.length() ? text.charAt(j) : ' ';
            if (Character.isLetter(c) && !Character.isSurrogate(c)) {
                if (len == w.length) {
                    w = Arrays.copyOf(w, len * 2);
                }
                w[len++] = Character.toLowerCase(c);
                continue;
            }
            for (int i = 0; i < len; i++) {
                int r;
                if (reuse) {
                    r = rows.rows[letters + i];
                } else {
                    r = row(w, i);
                    if (rows != null) {
                        rows.add(r);
                    }
                }
                if (quads == null) {
                    if (r >= 0) {
                        for (int l = 0; l < width; l++) {
                            scores[l] += values[r + l];
                        }
                    }
                    continue;
                }
                long quad = i >= 3 ? (long) w[i - 3] << 48 | (long) w[i - 2] << 32 | (long) w[i - 1] << 16 | w[i] : 0;
                for (int k = 0; k < langs.length; k++) {
                    float q = quad != 0 ? quads[k].get(quad) : Float.NaN;
                    scores[k] += q == q ? q : (r >= 0 ? values[r + langs[k]] : UNSEEN) + (quad != 0 ? BACKOFF : 0);
                }
            }
            letters += len;
            len = 0;
        }
        return letters;
    }

    /** The row in {@link #values} of the longest n-gram (at most a trigram) ending at {@code w[i]}, or -1. */
    private int row(char[] w, int i) {
        int r = i >= 2 ? orders[2].row((long) w[i - 2] << 32 | (long) w[i - 1] << 16 | w[i]) : -1;
        if (r < 0 && i >= 1) {
            r = orders[1].row((long) w[i - 1] << 16 | w[i]);
        }
        return r >= 0 ? r : orders[0].row(w[i]);
    }

    /** One language's quadrigram log-probabilities: open addressing on the packed 64-bit key, 0 = empty. */
    private static final class Quadrigrams {
        private long[] keys = new long[1 << 18];
        private float[] values = new float[1 << 18];
        private int size;

        Quadrigrams(String code) {
            read(code, 4, (key, logp) -> put(key, logp));
        }

        float get(long key) {
            int mask = keys.length - 1;
            for (int i = Table.mix(key) & mask; ; i = (i + 1) & mask) {
                long k = keys[i];
                if (k == key) {
                    return values[i];
                }
                if (k == 0) {
                    return Float.NaN;
                }
            }
        }

        private void put(long key, float value) {
            if ((size + 1) * 3 > keys.length * 2) {
                long[] oldKeys = keys;
                float[] oldValues = values;
                keys = new long[oldKeys.length * 2];
                values = new float[oldKeys.length * 2];
                size = 0;
                for (int i = 0; i < oldKeys.length; i++) {
                    if (oldKeys[i] != 0) {
                        put(oldKeys[i], oldValues[i]);
                    }
                }
            }
            int mask = keys.length - 1;
            int i = Table.mix(key) & mask;
            while (keys[i] != 0 && keys[i] != key) {
                i = (i + 1) & mask;
            }
            size += keys[i] == 0 ? 1 : 0;
            keys[i] = key;
            values[i] = value;
        }

        long bytes() {
            return keys.length * 12L;
        }
    }

    /** Heap taken by the quadrigram tables loaded so far, in bytes. */
    static long quadrigramBytes() {
        long b = 0;
        for (Quadrigrams q : QUADRIGRAMS.values()) {
            b += q.bytes();
        }
        return b;
    }

    /** Heap taken by the tables, in bytes (for the benchmark). */
    long bytes() {
        long b = 0;
        for (Table t : orders) {
            b += t.slots.length * 8L;
        }
        b += values.length * 4L;
        return b;
    }

    @Override
    public String toString() {
        return "LanguageModels" + codes + String.format(Locale.ROOT, " (%.0f MB)", bytes() / 1e6);
    }

    /** Open addressing, linear probing; key 0 marks an empty slot (no n-gram packs to 0). */
    private static final class Table {
        final int width;
        long[] keys;
        int[] rows;
        /** After {@link #moveRows}: key, row, key, row, ... (keys and rows are dropped then). */
        long[] slots;
        float[] values;
        int size;

        Table(int width, int capacity) {
            this.width = width;
            this.keys = new long[capacity];
            this.rows = new int[capacity];
            this.values = new float[capacity / 2 * width];
        }

        int row(long key) {
            if (slots != null) {
                int mask = (slots.length >> 1) - 1;
                for (int i = mix(key) & mask; ; i = (i + 1) & mask) {
                    long k = slots[2 * i];
                    if (k == key) {
                        return (int) slots[2 * i + 1];
                    }
                    if (k == 0) {
                        return -1;
                    }
                }
            }
            int mask = keys.length - 1;
            for (int i = mix(key) & mask; ; i = (i + 1) & mask) {
                long k = keys[i];
                if (k == key) {
                    return rows[i];
                }
                if (k == 0) {
                    return -1;
                }
            }
        }

        void put(long key, int lang, float value) {
            int r = row(key);
            if (r < 0) {
                if ((size + 1) * 2 > keys.length) {
                    grow();
                }
                r = size * width;
                if (r + width > values.length) {
                    values = Arrays.copyOf(values, values.length * 2);
                }
                Arrays.fill(values, r, r + width, Float.NaN);
                insert(key, r);
                size++;
            }
            values[r + lang] = value;
        }

        /**
         * Points the rows at {@code base} + their offset in a shared array and drops this table's own; the finished
         * table keeps each key beside its row in {@link #slots}, so a lookup reads one cache line, not two.
         */
        void moveRows(int base) {
            slots = new long[keys.length * 2];
            for (int i = 0; i < keys.length; i++) {
                slots[2 * i] = keys[i];
                slots[2 * i + 1] = keys[i] != 0 ? rows[i] + base : 0;
            }
            keys = null;
            rows = null;
            values = null;
        }

        private void insert(long key, int r) {
            int mask = keys.length - 1;
            int i = mix(key) & mask;
            while (keys[i] != 0) {
                i = (i + 1) & mask;
            }
            keys[i] = key;
            rows[i] = r;
        }

        private void grow() {
            long[] oldKeys = keys;
            int[] oldRows = rows;
            keys = new long[oldKeys.length * 2];
            rows = new int[oldKeys.length * 2];
            for (int i = 0; i < oldKeys.length; i++) {
                if (oldKeys[i] != 0) {
                    insert(oldKeys[i], oldRows[i]);
                }
            }
        }

        static int mix(long key) {
            long h = key * 0x9E3779B97F4A7C15L;
            return (int) (h ^ (h >>> 29));
        }
    }
}
