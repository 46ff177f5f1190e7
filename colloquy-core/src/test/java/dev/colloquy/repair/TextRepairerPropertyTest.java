package dev.colloquy.repair;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The engine's guarantees as properties, over real sentences in 33 locales (resources/multilingual) and over
 * seeded random text; every failure message names the seed or the sentence.
 */
class TextRepairerPropertyTest {

    private static final TextRepairer REPAIRER = TextRepairer.defaults();
    private static final List<String[]> SENTENCES = load();

    private static List<String[]> load() {
        List<String[]> out = new ArrayList<>();
        try (InputStream in = TextRepairerPropertyTest.class.getResourceAsStream("/multilingual/sentences.tsv");
             BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                String[] f = line.split("\t", 3);
                if (f.length == 3) {
                    out.add(new String[] {f[0], f[2]});
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out;
    }

    static Stream<String> locales() {
        return SENTENCES.stream().map(s -> s[0]).distinct();
    }

    static Stream<String> sentences(String locale) {
        return SENTENCES.stream().filter(s -> s[0].equals(locale)).map(s -> s[1]);
    }

    static Stream<Arguments> codePagesAndLocales() {
        List<Arguments> out = new ArrayList<>();
        for (CodePage page : CodePages.ALL) {
            out.add(Arguments.of(page.name()));
        }
        return out.stream();
    }

    static IntStream seeds() {
        return IntStream.range(0, 40);
    }

    /** UTF-8 bytes of {@code text} read as {@code page}, undefined bytes kept as C1 controls (sloppy); null if not reversible. */
    static String mangle(String text, CodePage page) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        StringBuilder sb = new StringBuilder(bytes.length);
        for (byte b : bytes) {
            int v = b & 0xFF;
            char c = v < 0x80 ? (char) v : page.charOf(v);
            if (c == '\uFFFD' || v >= 0x80 && page.byteOf(c) != v) {
                return null;
            }
            sb.append(c);
        }
        return sb.toString();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("locales")
    void leavesRealSentencesUnchanged(String locale) {
        sentences(locale).forEach(s -> assertThat(REPAIRER.repair(s).text()).as("%s: %s", locale, s).isEqualTo(s));
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void leavesGeneratedCleanTextUnchanged(int seed) {
        String text = CleanTextGenerator.sentence(new Random(seed));
        assertThat(REPAIRER.repair(text).text()).as("seed %d: %s", seed, text).isEqualTo(text);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("locales")
    void undoesWindows1252MojibakeOfRealSentences(String locale) {
        CodePage page = CodePages.byName("windows-1252");
        sentences(locale).forEach(s -> {
            String broken = mangle(s, page);
            assertThat(REPAIRER.repair(broken).text()).as("%s: %s", locale, broken).isEqualTo(s);
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("codePagesAndLocales")
    void undoesEveryCodePagesMojibakeWhereItIsReversible(String pageName) {
        CodePage page = CodePages.byName(pageName);
        int tried = 0;
        for (String[] s : SENTENCES) {
            String broken = mangle(s[1], page);
            if (broken == null || broken.equals(s[1])) {
                continue;
            }
            tried++;
            assertThat(REPAIRER.repair(broken).text()).as("%s %s: %s", pageName, s[0], broken).isEqualTo(s[1]);
        }
        assertThat(tried).isPositive();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("locales")
    void undoesTwoLayers(String locale) {
        CodePage page = CodePages.byName("windows-1252");
        sentences(locale).forEach(s -> {
            String broken = mangle(mangle(s, page), page);
            assertThat(REPAIRER.repair(broken).text()).as("%s: %s", locale, broken).isEqualTo(s);
        });
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void undoesPartialDamageAndLeavesTheRestAlone(int seed) {
        Random random = new Random(seed);
        String clean = SENTENCES.get(random.nextInt(SENTENCES.size()))[1];
        String damaged = SENTENCES.get(random.nextInt(SENTENCES.size()))[1];
        String broken = clean + " | " + mangle(damaged, CodePages.byName("windows-1252"));
        assertThat(REPAIRER.repair(broken).text()).as("seed %d: %s", seed, broken).isEqualTo(clean + " | " + damaged);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void isIdempotent(int seed) {
        Random random = new Random(seed);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 3; i++) {
            String s = SENTENCES.get(random.nextInt(SENTENCES.size()))[1];
            CodePage page = CodePages.ALL.get(random.nextInt(CodePages.ALL.size()));
            String m = random.nextBoolean() ? mangle(s, page) : CleanTextGenerator.sentence(random);
            sb.append(m == null ? s : m).append(' ');
        }
        String once = REPAIRER.repair(sb.toString()).text();
        assertThat(REPAIRER.repair(once).text()).as("seed %d: %s", seed, sb).isEqualTo(once);
    }
}
