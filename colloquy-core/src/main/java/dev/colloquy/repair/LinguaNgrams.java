package dev.colloquy.repair;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
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
 * quarter of its CPU reloading them). Thread-safe.
 */
final class LinguaNgrams {

    /** Every language Lingua 1.2.2 has a model for (ISO 639-1). */
    static final List<String> LANGUAGES = List.of(
            "af", "ar", "az", "be", "bg", "bn", "bs", "ca", "cs", "cy", "da", "de", "el", "en", "eo", "es",
            "et", "eu", "fa", "fi", "fr", "ga", "gu", "he", "hi", "hr", "hu", "hy", "id", "is", "it", "ja",
            "ka", "kk", "ko", "la", "lg", "lt", "lv", "mi", "mk", "mn", "mr", "ms", "nb", "nl", "nn", "pa",
            "pl", "pt", "ro", "ru", "sk", "sl", "sn", "so", "sq", "sr", "st", "sv", "sw", "ta", "te", "th",
            "tl", "tn", "tr", "ts", "uk", "ur", "vi", "xh", "yo", "zh", "zu");

    private static final JsonFactory JSON = ModelJson.FACTORY;

    // One map per order keyed by language: the scorer asks for a table once per letter and language, so the
    // lookup must not build a key string (a "language/order" key was a quarter of a corpus run's CPU).
    private final Map<String, Map<String, Float>> unigramMaps = new ConcurrentHashMap<>();
    private final Map<String, NgramTable> unigramTables = new ConcurrentHashMap<>();
    private final Map<String, NgramTable> bigramTables = new ConcurrentHashMap<>();
    private final Map<String, NgramTable> trigramTables = new ConcurrentHashMap<>();
    private final Map<String, QuadrigramTable> quadrigramTables = new ConcurrentHashMap<>();

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

    /** P(d | abc), compact ({@link QuadrigramTable}); empty when Lingua has none. */
    QuadrigramTable quadrigramTable(String language) {
        QuadrigramTable table = quadrigramTables.get(language);
        return table != null ? table : quadrigramTables.computeIfAbsent(language, LinguaNgrams::loadQuadrigrams);
    }

    private static QuadrigramTable loadQuadrigrams(String language) {
        String resource = "language-models/" + language + "/quadrigrams.json";
        try (InputStream in = LinguaNgrams.class.getClassLoader().getResourceAsStream(resource)) {
            return in == null ? QuadrigramTable.EMPTY : QuadrigramTable.parse(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read Lingua model " + resource, e);
        }
    }

    private static NgramTable table(Map<String, NgramTable> tables, String language, String order, int n) {
        NgramTable table = tables.get(language);
        return table != null ? table : tables.computeIfAbsent(language, key -> tableOf(
                DetectorProfiles.LANGUAGES.contains(key) ? DetectorProfiles.conditionals(key, n) : load(key, order)));
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
        String resource = "language-models/" + language + "/" + order + ".json";
        try (InputStream in = LinguaNgrams.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                return Map.of();
            }
            return parse(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read Lingua model " + resource, e);
        }
    }

    // a plain HashMap: bigram and trigram maps are only read once, into their NgramTable
    private static Map<String, Float> parse(InputStream in) throws IOException {
        Map<String, Float> table = new HashMap<>();
        try (JsonParser parser = JSON.createParser(in)) {
            while (parser.nextToken() != null) {
                if (parser.currentToken() == JsonToken.FIELD_NAME && "ngrams".equals(parser.currentName())) {
                    parser.nextToken();
                    while (parser.nextToken() == JsonToken.FIELD_NAME) {
                        float probability = fraction(parser.currentName());
                        parser.nextToken();
                        for (String ngram : parser.getText().split(" ")) {
                            if (!ngram.isEmpty()) {
                                table.put(ngram, probability);
                            }
                        }
                    }
                }
            }
        }
        return table;
    }

    private static float fraction(String text) {
        int slash = text.indexOf('/');
        if (slash < 0) {
            return Float.parseFloat(text);
        }
        return (float) (Double.parseDouble(text.substring(0, slash)) / Double.parseDouble(text.substring(slash + 1)));
    }
}
