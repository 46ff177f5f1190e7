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

    /**
     * Share of the reversible real sentences each code page's mojibake is undone for, one layer and two layers:
     * measured minus a small margin, so a regression fails; docs/repair.md has the measured figures. Pages whose
     * bytes for letters are mostly continuation bytes (cp437, cp850, MacRoman) are the hard ones. The two-layer
     * floors of windows-1250/1251/1253/1256/1258, MacRoman and cp850 were lowered (by 0.02-0.21) when issue 10 made strict
     * evidence a condition for every first layer: never worse on whole corpora comes first. They were raised again
     * when the evidence of a nested layer began to count towards the outer one (LayerDecoder.innerEvidence): two
     * layers are now undone about as often as one (windows-1251 0.52 to 0.97, windows-1255 0.03 to 0.94, MacRoman
     * 0.16 to 0.92, cp866 0.37 to 0.90). windows-1255 measured 725 of 728 for both on
     * 2026-12-07 (694 before): its floors rose to 0.98.
     */
    static Stream<Arguments> codePageFloors() {
        return Stream.of(
                Arguments.of("windows-1252", 0.98, 0.98), Arguments.of("iso-8859-1", 0.98, 0.98),
                Arguments.of("windows-1250", 0.97, 0.97), Arguments.of("windows-1251", 0.95, 0.97),
                Arguments.of("windows-1253", 0.98, 0.98), Arguments.of("windows-1254", 0.98, 0.98),
                Arguments.of("windows-1255", 0.98, 0.98), Arguments.of("windows-1256", 0.97, 0.98),
                Arguments.of("windows-1257", 0.98, 0.97), Arguments.of("windows-1258", 0.98, 0.98),
                Arguments.of("iso-8859-2", 0.89, 0.89), Arguments.of("iso-8859-5", 0.98, 0.98),
                Arguments.of("iso-8859-7", 0.93, 0.94), Arguments.of("iso-8859-9", 0.98, 0.98),
                Arguments.of("iso-8859-15", 0.92, 0.93), Arguments.of("koi8-r", 0.98, 0.98),
                Arguments.of("koi8-u", 0.98, 0.97), Arguments.of("macroman", 0.91, 0.92),
                Arguments.of("cp437", 0.78, 0.79), Arguments.of("cp850", 0.79, 0.79),
                Arguments.of("cp866", 0.90, 0.90));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("codePageFloors")
    void undoesEachCodePagesMojibakeWhereItIsReversible(String pageName, double oneLayer, double twoLayers) {
        CodePage page = TestCodePages.byName(pageName);
        int tried = 0;
        int fixed = 0;
        int tried2 = 0;
        int fixed2 = 0;
        List<String> misses = new ArrayList<>();
        for (String[] s : SENTENCES) {
            String broken = mangle(s[1], page);
            if (broken == null || broken.equals(s[1])) {
                continue;
            }
            tried++;
            if (REPAIRER.repair(broken).text().equals(s[1])) {
                fixed++;
            } else if (misses.size() < 3) {
                misses.add(s[0] + ": " + broken);
            }
            String twice = mangle(broken, page);
            if (twice != null) {
                tried2++;
                fixed2 += REPAIRER.repair(twice).text().equals(s[1]) ? 1 : 0;
            }
        }
        assertThat(tried).isPositive();
        assertThat((double) fixed / tried).as("%s one layer %d/%d, e.g. %s", pageName, fixed, tried, misses)
                .isGreaterThanOrEqualTo(oneLayer);
        assertThat((double) fixed2 / tried2).as("%s two layers %d/%d", pageName, fixed2, tried2)
                .isGreaterThanOrEqualTo(twoLayers);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void undoesPartialDamageAndLeavesTheRestAlone(int seed) {
        Random random = new Random(seed);
        String clean = SENTENCES.get(random.nextInt(SENTENCES.size()))[1];
        String damaged = SENTENCES.get(random.nextInt(SENTENCES.size()))[1];
        String broken = clean + " | " + mangle(damaged, TestCodePages.byName("windows-1252"));
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
