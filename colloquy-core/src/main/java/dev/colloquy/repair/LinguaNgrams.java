package dev.colloquy.repair;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Character n-gram probabilities from the language models that Lingua 1.2.2 ships in its jar
 * ({@code language-models/<iso639-1>/{unigrams,bigrams,trigrams,quadrigrams}.json}, Apache-2.0).
 *
 * <p>File format: {@code {"language":"ENGLISH","ngrams":{"3553/58397":"cca ccb", ...}}}: each key is a
 * probability written as a fraction, each value a space-separated list of lower-case n-grams having it.
 * Unigram probabilities are relative frequencies; bigram and trigram ones are conditional on the
 * preceding characters (count(abc) / count(ab)), which is what a left-to-right scorer needs.
 *
 * <p>Greek, Hebrew and Korean have only unigrams there; their bigrams and trigrams come from
 * {@link DetectorProfiles} (Wikipedia counts in optimaize's language-detector).
 *
 * <p>Tables load lazily, once per (language, order), on first use, and stay for the life of this
 * instance, as {@link NgramTable}s keyed by packed code points (the unigrams also as a map, to index the
 * scripts): all bigram tables hold ~100,000 entries, all trigram tables ~1,000,000 (~18 MB of heap for the 75
 * languages; as String-keyed maps only 20 languages' trigrams fitted, and a multilingual input spent a
 * quarter of its CPU reloading them). The files are read byte by byte ({@link #scan}) straight into the tables:
 * through a JSON parser, a String per n-gram and a map of boxed floats, loading every language's tables took
 * ~2.8 CPU-s of a cold {@code colloquy fix}, which on damaged multilingual text asks for nearly all of them.
 * Thread-safe.
 */
final class LinguaNgrams {

    /** Every language Lingua 1.2.2 has a model for (ISO 639-1). */
    static final List<String> LANGUAGES = List.of(
            "af", "ar", "az", "be", "bg", "bn", "bs", "ca", "cs", "cy", "da", "de", "el", "en", "eo", "es",
            "et", "eu", "fa", "fi", "fr", "ga", "gu", "he", "hi", "hr", "hu", "hy", "id", "is", "it", "ja",
            "ka", "kk", "ko", "la", "lg", "lt", "lv", "mi", "mk", "mn", "mr", "ms", "nb", "nl", "nn", "pa",
            "pl", "pt", "ro", "ru", "sk", "sl", "sn", "so", "sq", "sr", "st", "sv", "sw", "ta", "te", "th",
            "tl", "tn", "tr", "ts", "uk", "ur", "vi", "xh", "yo", "zh", "zu");

    // One map per order keyed by language: the scorer asks for a table once per letter and language, so the
    // lookup must not build a key string (a "language/order" key was a quarter of a corpus run's CPU).
    private final Map<String, Map<String, Float>> unigramMaps = new ConcurrentHashMap<>();
    private final Map<String, NgramTable> unigramTables = new ConcurrentHashMap<>();
    private final Map<String, NgramTable> bigramTables = new ConcurrentHashMap<>();
    private final Map<String, NgramTable> trigramTables = new ConcurrentHashMap<>();
    private final Map<String, QuadrigramTable> quadrigramTables = new ConcurrentHashMap<>();
    private final Map<String, Map<Long, Float>> wordEnds = new ConcurrentHashMap<>();
    private final Map<String, Map<Integer, Float>> wordStarts = new ConcurrentHashMap<>();

    /** P(c) for a single lower-case character, or an empty map when Lingua has no such model. */
    Map<String, Float> unigrams(String language) {
        Map<String, Float> map = unigramMaps.get(language); // get first: computeIfAbsent locks a bin even on a hit
        return map != null ? map
                : unigramMaps.computeIfAbsent(language, key -> Collections.unmodifiableMap(load(key, "unigrams")));
    }

    /** P(c) keyed by {@link NgramTable#key(int)} of the lower-case code point; empty when Lingua has none. */
    NgramTable unigramTable(String language) {
        NgramTable table = unigramTables.get(language);
        return table != null ? table : unigramTables.computeIfAbsent(language, key -> tableOf(unigrams(key)));
    }

    /**
     * P(b | a) keyed by {@link NgramTable#key(int, int)}; for el, he and ko, which Lingua has none for, from their
     * {@link DetectorProfiles}; empty for zh and ja.
     */
    NgramTable bigramTable(String language) {
        return table(bigramTables, language, "bigrams", 2);
    }

    /** P(c | ab) keyed by {@link NgramTable#key(int, int, int)}; from the same sources as {@link #bigramTable}. */
    NgramTable trigramTable(String language) {
        return table(trigramTables, language, "trigrams", 3);
    }

    /**
     * How much likelier than average a word is to end after its last one or two letters ({@link
     * DetectorProfiles#wordEnds}); empty for a language without such counts.
     */
    Map<Long, Float> wordEnds(String language) {
        Map<Long, Float> map = wordEnds.get(language);
        return map != null ? map : wordEnds.computeIfAbsent(language, DetectorProfiles::wordEnds);
    }

    /**
     * How much likelier than average a letter is to start a word after a space ({@link
     * KoreanMessageGrams#wordStarts}), keyed by the letter; empty for a language without such counts (all but Korean).
     */
    Map<Integer, Float> wordStarts(String language) {
        Map<Integer, Float> map = wordStarts.get(language);
        return map != null ? map : wordStarts.computeIfAbsent(language,
                l -> "ko".equals(l) ? KoreanMessageGrams.wordStarts() : Map.of());
    }

    /** P(d | abc), compact ({@link QuadrigramTable}); empty when Lingua has none. */
    QuadrigramTable quadrigramTable(String language) {
        QuadrigramTable table = quadrigramTables.get(language);
        return table != null ? table : quadrigramTables.computeIfAbsent(language, LinguaNgrams::loadQuadrigrams);
    }

    private static QuadrigramTable loadQuadrigrams(String language) {
        byte[] json = read(language, "quadrigrams");
        return json == null ? QuadrigramTable.EMPTY : QuadrigramTable.parse(json);
    }

    private static NgramTable table(Map<String, NgramTable> tables, String language, String order, int n) {
        NgramTable table = tables.get(language);
        return table != null ? table : tables.computeIfAbsent(language, key -> DetectorProfiles.LANGUAGES.contains(key)
                ? tableOf(DetectorProfiles.conditionals(key, n)) : loadTable(key, order));
    }

    // the n-grams in the file's order: a later entry for the same n-gram wins in the table as it did in a map
    private static NgramTable loadTable(String language, String order) {
        byte[] json = read(language, order);
        if (json == null) {
            return NgramTable.EMPTY;
        }
        NgramTable.Builder table = new NgramTable.Builder();
        scan(json, (cps, count, probability) -> {
            if (count <= 3) {
                long key = 0;
                for (int k = 0; k < count; k++) {
                    key = key << 21 | cps[k];
                }
                table.put(key, (float) probability);
            }
        });
        return table.size() == 0 ? NgramTable.EMPTY : table.build();
    }

    private static NgramTable tableOf(Map<String, Float> ngrams) {
        if (ngrams.isEmpty()) {
            return NgramTable.EMPTY;
        }
        NgramTable.Builder table = new NgramTable.Builder();
        ngrams.forEach((ngram, probability) -> {
            long key = NgramTable.key(ngram);
            if (key > 0) {
                table.put(key, probability);
            }
        });
        return table.build();
    }

    private static Map<String, Float> load(String language, String order) {
        byte[] json = read(language, order);
        if (json == null) {
            return Map.of();
        }
        Map<String, Float> table = new HashMap<>();
        scan(json, (cps, count, probability) -> table.put(new String(cps, 0, count), (float) probability));
        return table;
    }

    /** The bytes of a model file, or null when Lingua has none for this language and order. */
    private static byte[] read(String language, String order) {
        String resource = "language-models/" + language + "/" + order + ".json";
        try (InputStream in = LinguaNgrams.class.getClassLoader().getResourceAsStream(resource)) {
            return in == null ? null : in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read Lingua model " + resource, e);
        }
    }

    /** Receives each n-gram of a model file: its code points ({@code cps[0..count)}) and its probability. */
    interface NgramSink {
        void accept(int[] cps, int count, double probability);
    }

    /**
     * Reads a model file, {@code {"language":"...","ngrams":{"3553/58397":"cca ccb",...}}}, handing each n-gram of
     * the {@code ngrams} object to {@code sink} in the file's order. A key is a fraction of integers (the
     * probability is their quotient as doubles) or a decimal; a value lists n-grams separated by spaces, UTF-8
     * without escapes (Lingua 1.2.2 writes none; {@code LinguaNgramsTest} reads every file it ships both ways).
     */
    static void scan(byte[] json, NgramSink sink) {
        int i = indexOf(json, NGRAMS, 0);
        if (i < 0) {
            return;
        }
        i = skipSpace(json, i + NGRAMS.length);
        i = skipSpace(json, expect(json, i, ':'));
        i = expect(json, i, '{');
        int[] cps = new int[16];
        while (true) {
            i = skipSpace(json, i);
            if (json[i] == '}') {
                return;
            }
            if (json[i] == ',') {
                i = skipSpace(json, i + 1);
            }
            int keyStart = expect(json, i, '"');
            int keyEnd = closingQuote(json, keyStart);
            double probability = fraction(json, keyStart, keyEnd);
            i = skipSpace(json, expect(json, skipSpace(json, keyEnd + 1), ':'));
            int start = expect(json, i, '"');
            int end = closingQuote(json, start);
            int count = 0;
            for (int k = start; k <= end; ) {
                if (k == end || json[k] == ' ') {
                    if (count > 0) {
                        sink.accept(cps, count, probability);
                    }
                    count = 0;
                    k++;
                    continue;
                }
                int b = json[k] & 0xFF;
                int cp;
                if (b < 0x80) {
                    cp = b;
                    k++;
                } else if (b < 0xE0) {
                    cp = (b & 0x1F) << 6 | json[k + 1] & 0x3F;
                    k += 2;
                } else if (b < 0xF0) {
                    cp = (b & 0x0F) << 12 | (json[k + 1] & 0x3F) << 6 | json[k + 2] & 0x3F;
                    k += 3;
                } else {
                    cp = (b & 0x07) << 18 | (json[k + 1] & 0x3F) << 12 | (json[k + 2] & 0x3F) << 6 | json[k + 3] & 0x3F;
                    k += 4;
                }
                if (count == cps.length) {
                    cps = java.util.Arrays.copyOf(cps, count * 2);
                }
                cps[count++] = cp;
            }
            i = end + 1;
        }
    }

    private static final byte[] NGRAMS = "\"ngrams\"".getBytes(StandardCharsets.US_ASCII);

    private static int indexOf(byte[] bytes, byte[] target, int from) {
        outer:
        for (int i = from; i <= bytes.length - target.length; i++) {
            for (int k = 0; k < target.length; k++) {
                if (bytes[i + k] != target[k]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private static int skipSpace(byte[] json, int i) {
        while (json[i] == ' ' || json[i] == '\n' || json[i] == '\r' || json[i] == '\t') {
            i++;
        }
        return i;
    }

    /** The index after {@code c}, which must be at {@code i}. */
    private static int expect(byte[] json, int i, char c) {
        if (json[i] != c) {
            throw new IllegalStateException("Lingua model: expected '" + c + "' at byte " + i);
        }
        return i + 1;
    }

    private static int closingQuote(byte[] json, int from) {
        for (int i = from; ; i++) {
            if (json[i] == '"') {
                return i;
            }
            if (json[i] == '\\') {
                throw new IllegalStateException("Lingua model: an escape at byte " + i + " (not expected)");
            }
        }
    }

    /** {@code "a/b"} as a / b, each read as {@link Double#parseDouble} would; a decimal as it reads. */
    private static double fraction(byte[] json, int from, int to) {
        int slash = -1;
        boolean digits = true;
        for (int i = from; i < to; i++) {
            if (json[i] == '/' && slash < 0) {
                slash = i;
            } else if (json[i] < '0' || json[i] > '9') {
                digits = false;
            }
        }
        // integers of up to 15 digits are exact as doubles, so their quotient is the one parseDouble's would give
        if (slash < 0 || !digits || slash == from || slash == to - 1 || slash - from > 15 || to - slash - 1 > 15) {
            String text = new String(json, from, to - from, StandardCharsets.US_ASCII);
            int at = text.indexOf('/');
            return at < 0 ? Double.parseDouble(text)
                    : Double.parseDouble(text.substring(0, at)) / Double.parseDouble(text.substring(at + 1));
        }
        return (double) integer(json, from, slash) / integer(json, slash + 1, to);
    }

    private static long integer(byte[] json, int from, int to) {
        long value = 0;
        for (int i = from; i < to; i++) {
            value = value * 10 + json[i] - '0';
        }
        return value;
    }
}
