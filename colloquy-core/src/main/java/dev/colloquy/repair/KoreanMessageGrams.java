package dev.colloquy.repair;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * Korean syllable grams of the register that messages and chat write in, beside language-detector's Wikipedia
 * profile ({@link DetectorProfiles}): an encyclopedia writes -이다 and -한다, so the polite endings are rare or pruned
 * there (습니 and 십시 are absent, 니다 is counted 213 times against 의's 128,021), and a lost byte in 없습니다 was
 * filled to 없최니다, in 하십시오 to 하신시오. The counts ({@code korean-message-grams.tsv}, 1-3 Hangul syllables inside
 * a word, counted twice or more) are of the Korean messages the JDK's java.xml module ships (Apache Xerces' and
 * Xalan's, translated; ~30,000 syllables), made by {@code tools/korean-message-grams.py}.
 */
final class KoreanMessageGrams {

    static final String RESOURCE = "dev/colloquy/repair/korean-message-grams.tsv";
    /**
     * The messages' weight beside the profile: their syllables are scaled to this share of the profile's Hangul
     * syllables, so each register weighs alike (not fitted).
     */
    static final double WEIGHT = 0.25;
    /**
     * The least a syllable's word-start factor can be ({@link #wordStarts}): the messages are one sample of ~9,000
     * words (not fitted).
     */
    static final double WORD_START_FLOOR = 0.1;

    private KoreanMessageGrams() {
    }

    /**
     * Adds the messages' counts to {@code counts} (a profile's, {@link DetectorProfiles#counts}), each scaled so that
     * the messages' syllables sum to {@link #WEIGHT} times the profile's Hangul syllables.
     */
    static void addTo(Map<String, Long> counts) {
        Map<String, Long> messages = read();
        long profileSyllables = syllables(counts);
        long messageSyllables = syllables(messages);
        if (profileSyllables == 0 || messageSyllables == 0) {
            return;
        }
        double scale = WEIGHT * profileSyllables / messageSyllables;
        messages.forEach((gram, count) -> {
            if (gram.charAt(0) != ' ') {
                counts.merge(gram, Math.round(count * scale), Long::sum);
            }
        });
    }

    /**
     * log(P(x starts a word after a space) / P(x)) per syllable x of the messages that starts words less often than
     * average (add-one smoothed over the syllables counted there), never under log({@link #WORD_START_FLOOR}); a
     * syllable that starts words more often has no factor: the messages' ~9,000 words are one narrow vocabulary
     * (처리, 또는), and their boosts read Debian's 로그 as 또그 and 청소 as 처소. Korean writes its particles and endings
     * glued to the word before (는, 을, 에, 습니다), so a filling that leaves a space before one is unlikely: `문자 는`
     * for 문제는, whose 제 (EC A0 9C) had its A0 made a space. The profile cannot tell: langdetect counted every
     * punctuation mark and digit as a space, so its " 는" is mostly `)는` and `Java는` (Wikipedia's 는 starts a word
     * 0.58 times as often as average, the messages' never).
     */
    static Map<Integer, Float> wordStarts() {
        Map<String, Long> messages = read();
        long starts = 0;
        long syllables = 0;
        int kinds = 0;
        for (Map.Entry<String, Long> e : messages.entrySet()) {
            String gram = e.getKey();
            if (gram.length() == 2 && gram.charAt(0) == ' ') {
                starts += e.getValue();
            } else if (gram.length() == 1) {
                syllables += e.getValue();
                kinds++;
            }
        }
        Map<Integer, Float> factors = new HashMap<>();
        for (Map.Entry<String, Long> e : messages.entrySet()) {
            String gram = e.getKey();
            if (gram.length() == 1 && isSyllable(gram.charAt(0))) {
                double start = (messages.getOrDefault(" " + gram, 0L) + 1.0) / (starts + kinds);
                double any = (e.getValue() + 1.0) / (syllables + kinds);
                if (start < any) {
                    factors.put((int) gram.charAt(0), (float) Math.log(Math.max(start / any, WORD_START_FLOOR)));
                }
            }
        }
        return factors;
    }

    /** The sum of the counts of single Hangul syllables. */
    private static long syllables(Map<String, Long> counts) {
        long sum = 0;
        for (Map.Entry<String, Long> e : counts.entrySet()) {
            String gram = e.getKey();
            if (gram.length() == 1 && isSyllable(gram.charAt(0))) {
                sum += e.getValue();
            }
        }
        return sum;
    }

    private static boolean isSyllable(char c) {
        return c >= '\uAC00' && c <= '\uD7A3';
    }

    /** The resource's grams and counts ({@code gram TAB count}; {@code #} starts a comment line). */
    static Map<String, Long> read() {
        Map<String, Long> grams = new HashMap<>();
        try (InputStream in = KoreanMessageGrams.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCE);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line; (line = reader.readLine()) != null; ) {
                int tab = line.indexOf('\t');
                if (!line.startsWith("#") && tab > 0) {
                    grams.put(line.substring(0, tab), Long.parseLong(line.substring(tab + 1)));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
        return grams;
    }
}
