package dev.colloquy.repair;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Character n-gram probabilities from the language models that Lingua 1.2.2 ships in its jar
 * ({@code language-models/<iso639-1>/{unigrams,bigrams,trigrams}.json}, Apache-2.0).
 *
 * <p>File format: {@code {"language":"ENGLISH","ngrams":{"3553/58397":"cca ccb", ...}}}: each key is a
 * probability written as a fraction, each value a space-separated list of lower-case n-grams having it.
 * Unigram probabilities are relative frequencies; bigram and trigram ones are conditional on the
 * preceding characters (count(abc) / count(ab)), which is what a left-to-right scorer needs.
 *
 * <p>Tables load lazily, once per (language, order), on first use, and stay for the life of this
 * instance; the whole unigram set is ~0.3 MB of JSON, every bigram table ~1.5 MB. Trigram tables
 * (0.2-0.5 MB of JSON each) load only for the languages a caller asks for, and only the 20 most recently
 * used stay. Thread-safe.
 */
final class LinguaNgrams {

    /** Every language Lingua 1.2.2 has a model for (ISO 639-1). */
    static final List<String> LANGUAGES = List.of(
            "af", "ar", "az", "be", "bg", "bn", "bs", "ca", "cs", "cy", "da", "de", "el", "en", "eo", "es",
            "et", "eu", "fa", "fi", "fr", "ga", "gu", "he", "hi", "hr", "hu", "hy", "id", "is", "it", "ja",
            "ka", "kk", "ko", "la", "lg", "lt", "lv", "mi", "mk", "mn", "mr", "ms", "nb", "nl", "nn", "pa",
            "pl", "pt", "ro", "ru", "sk", "sl", "sn", "so", "sq", "sr", "st", "sv", "sw", "ta", "te", "th",
            "tl", "tn", "tr", "ts", "uk", "ur", "vi", "xh", "yo", "zh", "zu");

    private static final JsonFactory JSON = new JsonFactory();

    private static final int TRIGRAM_LANGUAGES = 20;

    // One map per order keyed by language: the scorer asks for a table once per letter and language, so the
    // lookup must not build a key string (a "language/order" key was a quarter of a corpus run's CPU).
    private final Map<String, Map<String, Float>> unigramTables = new ConcurrentHashMap<>();
    private final Map<String, Map<String, Float>> bigramTables = new ConcurrentHashMap<>();
    /** Least recently used trigram tables are dropped: 2-5 MB of heap each. */
    private final Map<String, Map<String, Float>> trigramTables = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Map<String, Float>> eldest) {
            return size() > TRIGRAM_LANGUAGES;
        }
    };

    /** P(c) for a single lower-case character, or an empty map when Lingua has no such model. */
    Map<String, Float> unigrams(String language) {
        return table(unigramTables, language, "unigrams");
    }

    /** P(b | a) keyed by the two-character string {@code ab}; empty when Lingua has none (zh, ja, ko...). */
    Map<String, Float> bigrams(String language) {
        return table(bigramTables, language, "bigrams");
    }

    /** P(c | ab) keyed by {@code abc}; empty when Lingua has none. At most 20 languages (~1.6 MB of heap each) stay loaded. */
    Map<String, Float> trigrams(String language) {
        synchronized (trigramTables) {
            Map<String, Float> table = trigramTables.get(language);
            if (table != null) {
                return table;
            }
        }
        Map<String, Float> loaded = load("language-models/" + language + "/trigrams.json");
        synchronized (trigramTables) {
            trigramTables.put(language, loaded);
        }
        return loaded;
    }

    private static Map<String, Float> table(Map<String, Map<String, Float>> tables, String language, String order) {
        Map<String, Float> table = tables.get(language); // get first: computeIfAbsent locks a bin even on a hit
        return table != null ? table
                : tables.computeIfAbsent(language, key -> load("language-models/" + key + "/" + order + ".json"));
    }

    private static Map<String, Float> load(String resource) {
        try (InputStream in = LinguaNgrams.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                return Map.of();
            }
            return parse(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read Lingua model " + resource, e);
        }
    }

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
        return Map.copyOf(table);
    }

    private static float fraction(String text) {
        int slash = text.indexOf('/');
        if (slash < 0) {
            return Float.parseFloat(text);
        }
        return (float) (Double.parseDouble(text.substring(0, slash)) / Double.parseDouble(text.substring(slash + 1)));
    }
}
