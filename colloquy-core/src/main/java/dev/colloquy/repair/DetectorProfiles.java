package dev.colloquy.repair;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.ibm.icu.lang.UCharacter;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Letter bigrams and trigrams for the languages Lingua 1.2.2 ships only unigrams for (Greek, Hebrew, Korean), from
 * the n-gram profiles in optimaize's language-detector 0.6 jar ({@code languages/<iso639-1>}, Apache-2.0; only
 * the resources are read, none of its classes). A profile counts the 1-, 2- and 3-char grams of a language's
 * Wikipedia, pruned to the frequent ones and with case kept:
 * {@code {"freq":{"α":554256,"απ":61242,...},"n_words":[...],"name":"el"}}.
 *
 * <p>Counts are folded to lower case and turned into the conditionals {@link LinguaNgrams} hands out:
 * P(b | a) = count(ab) / count(a) and P(c | ab) = count(abc) / count(ab), over grams of letters only (a gram with a
 * space, digit or punctuation mark is a word's edge, which Lingua's tables do not hold either). A gram the
 * profile pruned is absent, as an unseen one is in Lingua's tables. Stateless; the caller keeps the tables.
 */
final class DetectorProfiles {

    /** The languages whose bigrams and trigrams come from here, as they have none in Lingua's jar. */
    static final Set<String> LANGUAGES = Set.of("el", "he", "ko");

    // A profile's field names are n-grams, nearly all distinct and read once: Jackson's symbol table and the
    // String.intern() of every name would be a fifth of the load and keep nothing useful.
    private static final JsonFactory JSON = JsonFactory.builder()
            .disable(JsonFactory.Feature.CANONICALIZE_FIELD_NAMES)
            .disable(JsonFactory.Feature.INTERN_FIELD_NAMES)
            .build();

    private DetectorProfiles() {
    }

    /**
     * P(last | the ones before) for every letter n-gram of {@code order} (2 or 3) in {@code language}'s profile,
     * lower case; empty for a language not in {@link #LANGUAGES}.
     */
    static Map<String, Float> conditionals(String language, int order) {
        if (!LANGUAGES.contains(language)) {
            return Map.of();
        }
        String resource = "languages/" + language;
        try (InputStream in = DetectorProfiles.class.getClassLoader().getResourceAsStream(resource)) {
            return in == null ? Map.of() : conditionals(counts(in), order);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read language profile " + resource, e);
        }
    }

    /** P(last | the ones before) for every n-gram of {@code order} in {@code counts} whose context is counted. */
    static Map<String, Float> conditionals(Map<String, Long> counts, int order) {
        Map<String, Float> conditionals = new HashMap<>();
        counts.forEach((gram, count) -> {
            if (gram.codePointCount(0, gram.length()) != order) {
                return;
            }
            Long context = counts.get(gram.substring(0, gram.offsetByCodePoints(0, order - 1)));
            if (context != null && context > 0) {
                conditionals.put(gram, (float) Math.min(1.0, (double) count / context));
            }
        });
        return conditionals;
    }

    /** A profile's counts of letter grams ({@code "freq"}), lower-cased and summed. */
    static Map<String, Long> counts(InputStream profile) throws IOException {
        Map<String, Long> counts = new HashMap<>();
        try (JsonParser parser = JSON.createParser(profile)) {
            while (parser.nextToken() != null) {
                if (parser.currentToken() == JsonToken.FIELD_NAME && "freq".equals(parser.currentName())) {
                    parser.nextToken();
                    while (parser.nextToken() == JsonToken.FIELD_NAME) {
                        String lower = lowerLetters(parser.currentName());
                        parser.nextToken();
                        if (lower != null) {
                            counts.merge(lower, parser.getLongValue(), Long::sum);
                        }
                    }
                    break;
                }
            }
        }
        return counts;
    }

    /**
     * {@code gram} lower-cased code point by code point, as the character model looks its letters up (Σ is σ
     * wherever it stands), or null when it holds anything but letters.
     */
    private static String lowerLetters(String gram) {
        StringBuilder lower = new StringBuilder(gram.length());
        for (int i = 0; i < gram.length(); ) {
            int cp = gram.codePointAt(i);
            i += Character.charCount(cp);
            if (!CharLikelihood.isLetterLike(cp)) {
                return null;
            }
            lower.appendCodePoint(UCharacter.toLowerCase(cp));
        }
        return lower.length() == 0 ? null : lower.toString();
    }
}
