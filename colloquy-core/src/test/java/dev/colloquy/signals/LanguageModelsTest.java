package dev.colloquy.signals;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.pemistahl.lingua.api.Language;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The packed tables score exactly as the backed-off n-gram models they pack: a plain reference model here (maps of
 * Lingua's n-gram strings, backoff computed per lookup) gives the same doubles on random text made of the models'
 * own n-grams, upper case, letters no model has, digits, marks and emoji.
 */
class LanguageModelsTest {

    /** Fifteen: scores are added four, two and one language at a time (4 + 4 + 4 + 2 + 1), so each loop is checked. */
    private static final List<String> LANGUAGES = List.of("en", "de", "cs", "pl", "vi", "nb", "da", "fr", "es", "it",
            "pt", "nl", "sv", "fi", "hu");
    private static final ObjectMapper JSON = new ObjectMapper();
    /** n-gram -> log-probability, per order (index 0 = unigrams) and language. */
    private static final List<List<Map<String, Float>>> REFERENCE = new ArrayList<>();
    /** The n-grams some language has, per order. */
    private static final List<Set<String>> KNOWN = new ArrayList<>();
    private static final List<String> TRIGRAMS = new ArrayList<>();

    @BeforeAll
    static void readTheModelFiles() throws IOException {
        for (int n = 1; n <= 4; n++) {
            List<Map<String, Float>> byLanguage = new ArrayList<>();
            for (String code : LANGUAGES) {
                byLanguage.add(read(code, n));
            }
            REFERENCE.add(byLanguage);
            Set<String> known = new HashSet<>();
            byLanguage.forEach(m -> known.addAll(m.keySet()));
            KNOWN.add(known);
        }
        REFERENCE.get(2).forEach(m -> TRIGRAMS.addAll(m.keySet()));
        TRIGRAMS.sort(null);
    }

    private static Map<String, Float> read(String code, int n) throws IOException {
        String file = new String[] {"unigrams", "bigrams", "trigrams", "quadrigrams"}[n - 1];
        Map<String, Float> out = new HashMap<>();
        try (InputStream in = Language.class.getResourceAsStream("/language-models/" + code + "/" + file + ".json")) {
            JsonNode ngrams = JSON.readTree(in).get("ngrams");
            for (Iterator<Map.Entry<String, JsonNode>> it = ngrams.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                String[] f = e.getKey().split("/");
                float logp = (float) Math.log(Double.parseDouble(f[0]) / Double.parseDouble(f[1]));
                for (String g : e.getValue().asText().split(" ")) {
                    if (g.length() == n) {
                        out.put(g, logp);
                    }
                }
            }
        }
        return out;
    }

    /** Whether some language has the n-gram. */
    private static boolean known(String ngram) {
        return KNOWN.get(ngram.length() - 1).contains(ngram);
    }

    /** Language {@code l}'s value of an n-gram some language has: its own, or backed off to its suffix. */
    private static float backedOff(String ngram, int l) {
        Float own = REFERENCE.get(ngram.length() - 1).get(l).get(ngram);
        if (own != null) {
            return own;
        }
        String suffix = ngram.substring(1);
        if (!suffix.isEmpty() && known(suffix)) {
            return backedOff(suffix, l) + LanguageModels.BACKOFF;
        }
        return LanguageModels.UNSEEN + (ngram.length() - 1) * LanguageModels.BACKOFF;
    }

    /** The reference score of orders 1-3, or of orders 1-4 for the languages {@code quads} when not null. */
    private static double[] reference(String text, int[] quads) {
        double[] scores = new double[quads == null ? LANGUAGES.size() : quads.length];
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        for (char c : (text + " ").toCharArray()) {
            if (Character.isLetter(c) && !Character.isSurrogate(c)) {
                word.append(Character.toLowerCase(c));
            } else if (!word.isEmpty()) {
                words.add(word.toString());
                word.setLength(0);
            }
        }
        for (String w : words) {
            for (int i = 0; i < w.length(); i++) {
                String longest = null;
                for (int n = Math.min(3, i + 1); n >= 1 && longest == null; n--) {
                    String g = w.substring(i + 1 - n, i + 1);
                    longest = known(g) ? g : null;
                }
                if (quads == null) {
                    for (int l = 0; l < scores.length; l++) {
                        scores[l] += longest == null ? 0 : backedOff(longest, l);
                    }
                    continue;
                }
                String quad = i >= 3 ? w.substring(i - 3, i + 1) : null;
                for (int k = 0; k < quads.length; k++) {
                    Float q = quad == null ? null : REFERENCE.get(3).get(quads[k]).get(quad);
                    scores[k] += q != null ? q
                            : (longest != null ? backedOff(longest, quads[k]) : LanguageModels.UNSEEN)
                                    + (quad != null ? LanguageModels.BACKOFF : 0);
                }
            }
        }
        return scores;
    }

    private static String randomText(Random rnd) {
        String[] others = {" ", " ", ", ", ". ", "-", "1", "Ж", "ς", "\u0301", "😀", "ǅ", "İ", "ẞ", "Ø", "'", "\n"};
        StringBuilder sb = new StringBuilder();
        int parts = 1 + rnd.nextInt(60);
        for (int p = 0; p < parts; p++) {
            String piece = rnd.nextInt(3) > 0 ? TRIGRAMS.get(rnd.nextInt(TRIGRAMS.size()))
                    : others[rnd.nextInt(others.length)];
            sb.append(rnd.nextInt(8) == 0 ? piece.toUpperCase(Locale.ROOT) : piece);
        }
        return sb.toString();
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 42, 4711})
    void scoresExactlyAsTheBackedOffModelsTheyPack(long seed) {
        LanguageModels models = LanguageModels.of(LANGUAGES);
        Random rnd = new Random(seed);
        for (int k = 0; k < 100; k++) {
            String text = randomText(rnd);
            double[] scores = new double[LANGUAGES.size()];
            LanguageModels.Rows rows = new LanguageModels.Rows(text.length());
            models.score(text, scores, rows);
            assertThat(scores).as("seed %d, text '%s'", seed, text).containsExactly(reference(text, null));

            int[] close = {rnd.nextInt(LANGUAGES.size()), rnd.nextInt(LANGUAGES.size())};
            double[] s4 = new double[2];
            models.score4(text, close, s4, rows);
            assertThat(s4).as("seed %d, text '%s'", seed, text).containsExactly(reference(text, close));
            double[] fresh = new double[2];
            models.score4(text, close, fresh, null);
            assertThat(fresh).as("seed %d, without kept rows", seed).containsExactly(s4);
        }
    }
}
