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
     * lower case; empty for a language not in {@link #LANGUAGES}. Korean's counts have the syllables of translated
     * messages added ({@link KoreanMessageGrams}), whose polite endings the Wikipedia profile lacks.
     */
    static Map<String, Float> conditionals(String language, int order) {
        if (!LANGUAGES.contains(language)) {
            return Map.of();
        }
        String resource = "languages/" + language;
        try (InputStream in = DetectorProfiles.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                return Map.of();
            }
            Map<String, Long> counts = counts(in);
            if ("ko".equals(language)) {
                KoreanMessageGrams.addTo(counts);
            }
            return conditionals(counts, order);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read language profile " + resource, e);
        }
    }

    /**
     * Languages whose word ends {@link #wordEnds} reads from their profiles: the Cyrillic ones, where a lost byte
     * leaves a word's last letter with a handful of candidates (у, с, я, ь are D1 83, D1 81, D1 8F, D1 8C) and several
     * letters are words alone (Ukrainian writes у and no с, Bulgarian с and no у; Russian ends words in -ся, not -сс).
     */
    static final Set<String> WORD_LANGUAGES = Set.of("ru", "uk", "bg", "be", "mk", "sr");
    /**
     * Latin-script languages (those of Lingua's with a profile here) whose words of one letter {@link #wordEnds} reads,
     * and no two-letter ends: French writes {@code à} alone (" à " is 99.99% of " à"), Portuguese too but also
     * {@code às}, {@code àquele}, Catalan mostly inside words ({@code àmbit}). Where a tool merged a no-break space
     * (A0, the last byte of à) into the space after it, {@code Ã } reads as à before a space or as à glued to the
     * next word, and the character model gives a space the same probability after every letter (ftfy's cases 49, 51
     * and 52). Two-letter ends are left out: they would re-rank every filling at a Latin word's end.
     */
    static final Set<String> ONE_LETTER_WORD_LANGUAGES = Set.of(
            "af", "ca", "cs", "cy", "da", "de", "en", "es", "et", "eu", "fi", "fr", "ga", "hr", "hu", "id", "is",
            "it", "lt", "lv", "ms", "nl", "pl", "pt", "ro", "sk", "sl", "so", "sq", "sv", "sw", "tl", "tr", "vi");
    /**
     * The least a word end is rated against the average ({@link #wordEnds}): the profiles are Wikipedia's, whose
     * words are not a chat's, and one sample's counts.
     */
    private static final double WORD_END_FLOOR = 0.2;
    /**
     * The weight of a two-letter word end's factor: Wikipedia's words end otherwise than a program's messages and
     * chat do (-ль of весь, ціль, пользователь is rarer there than -ля); at full weight the bench's lossy Cyrillic
     * lines gained as much but lost one (запис read as запия), and {@code fix} on broken-multi lost 4 lines, at
     * half 1.
     */
    private static final double TWO_LETTER_END = 0.5;

    /**
     * How much likelier than average a word is to end after its last letters, in {@code language}'s profile:
     * keyed by {@link NgramTable#key(int, int)} of (space, x) for a word of one letter x, log(P(" x " | " x") /
     * P(a word of one letter | its first letter)); of (x, y) for a word ending in the letters xy, log(P("xy " | "xy")
     * / P(a word ends | two letters)), weighed by {@link #TWO_LETTER_END}; never under log({@link #WORD_END_FLOOR})
     * (before the weight); lower case, both cases summed. A
     * profile prunes grams rarer than its rarest trigram: where "xy " is absent its share is at most that count over
     * "xy"'s, and the factor is that bound's, at most 0 (Ukrainian " с " is absent: -1.6; Russian "оя ", about 0).
     * Only words of one letter for {@link #ONE_LETTER_WORD_LANGUAGES}; empty for a language in neither set. Lingua's
     * tables hold no word edges, so the character model cannot tell a word's last letter from any other without these.
     */
    static Map<Long, Float> wordEnds(String language) {
        boolean oneLetterOnly = ONE_LETTER_WORD_LANGUAGES.contains(language);
        if (!WORD_LANGUAGES.contains(language) && !oneLetterOnly) {
            return Map.of();
        }
        String resource = "languages/" + language;
        try (InputStream in = DetectorProfiles.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                return Map.of();
            }
            long[] leastTrigram = new long[1];
            Map<String, Long> counts = wordEdgeCounts(in, leastTrigram);
            if (oneLetterOnly) {
                counts.keySet().removeIf(gram -> gram.charAt(0) != ' ');
            }
            return wordEnds(counts, leastTrigram[0]);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read language profile " + resource, e);
        }
    }

    /**
     * See {@link #wordEnds(String)}; {@code counts} holds " x", " x ", "xy" and "xy " (x, y lower-case letters),
     * {@code leastTrigram} the count of the profile's rarest trigram.
     */
    static Map<Long, Float> wordEnds(Map<String, Long> counts, long leastTrigram) {
        long[] sums = new long[4]; // one-letter starts, one-letter words, two-letter grams, two-letter ends
        counts.forEach((gram, count) -> sums[(gram.charAt(0) == ' ' ? 0 : 2) + (gram.length() == 3 ? 1 : 0)] += count);
        Map<Long, Float> factors = new HashMap<>();
        counts.forEach((gram, count) -> {
            boolean alone = gram.charAt(0) == ' ';
            long contexts = sums[alone ? 0 : 2];
            long ends = sums[alone ? 1 : 3];
            if (gram.length() == 2 && count > 0 && contexts > 0 && ends > 0) {
                double average = (double) ends / contexts;
                Long end = counts.get(gram + " ");
                double factor = end != null ? Math.log(Math.max((double) end / count / average, WORD_END_FLOOR))
                        : Math.min(0, Math.log(Math.max((leastTrigram - 1.0) / count / average, WORD_END_FLOOR)));
                factors.put(NgramTable.key(gram.charAt(0), gram.charAt(1)),
                        (float) (alone ? factor : TWO_LETTER_END * factor));
            }
        });
        return factors;
    }

    /**
     * A profile's counts of " x", " x ", "xy" and "xy " for BMP letters x and y, lower-cased and summed (the counts
     * {@link #wordEnds(Map, long)} reads); {@code leastTrigram[0]} becomes the count of its rarest trigram.
     */
    static Map<String, Long> wordEdgeCounts(InputStream profile, long[] leastTrigram) throws IOException {
        Map<String, Long> counts = new HashMap<>();
        leastTrigram[0] = Long.MAX_VALUE;
        try (JsonParser parser = JSON.createParser(profile)) {
            while (parser.nextToken() != null) {
                if (parser.currentToken() == JsonToken.FIELD_NAME && "freq".equals(parser.currentName())) {
                    parser.nextToken();
                    while (parser.nextToken() == JsonToken.FIELD_NAME) {
                        String gram = parser.currentName();
                        parser.nextToken();
                        long count = parser.getLongValue();
                        if (gram.codePointCount(0, gram.length()) == 3) {
                            leastTrigram[0] = Math.min(leastTrigram[0], count);
                        }
                        String edge = wordEdge(gram);
                        if (edge != null) {
                            counts.merge(edge, count, Long::sum);
                        }
                    }
                    break;
                }
            }
        }
        return counts;
    }

    /** {@code gram} lower-cased when it is " x", " x ", "xy" or "xy " (x, y BMP letters); else null. */
    private static String wordEdge(String gram) {
        int n = gram.length();
        if (n < 2 || n > 3 || n == 3 && gram.charAt(2) != ' ' || !Character.isLetter(gram.charAt(1))
                || gram.charAt(0) != ' ' && !Character.isLetter(gram.charAt(0))) {
            return null;
        }
        return gram.toLowerCase(java.util.Locale.ROOT);
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
