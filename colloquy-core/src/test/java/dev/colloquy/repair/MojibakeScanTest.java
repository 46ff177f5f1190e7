package dev.colloquy.repair;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The gate is sound: a line it declares clean is one the slow path returns unchanged with no repairs, on
 * clean multilingual text and on every kind of damage the accuracy tests use (one and two layers of each
 * code page, partial, lossy, emoji). It is also useful: it proves nearly all clean text of every script clean.
 */
class MojibakeScanTest {

    private static final List<MultilingualSentences> SENTENCES = MultilingualSentences.load();
    private static final TextRepairer REPAIRER = TextRepairer.defaults();

    /** Holds the gate against the slow path on {@code text}; true when the gate proved it clean. */
    private static boolean checkSound(String text, List<String> unsound) {
        if (MojibakeScan.mayHoldMojibake(text)) {
            return false;
        }
        RepairResult slow = REPAIRER.repairSlow(text, null);
        if (!slow.text().equals(text) || !slow.repairs().isEmpty()) {
            unsound.add(text + " -> " + slow.text());
        }
        return true;
    }

    @Test
    void everyCleanSentenceItPassesIsOneTheSlowPathLeavesAlone() {
        List<String> unsound = new ArrayList<>();
        Map<String, int[]> provenByLocale = new TreeMap<>();
        for (MultilingualSentences s : SENTENCES) {
            int[] counts = provenByLocale.computeIfAbsent(s.locale(), k -> new int[2]);
            counts[0]++;
            counts[1] += checkSound(s.text(), unsound) ? 1 : 0;
        }
        assertThat(unsound).as("lines the gate passed but the slow path changes").isEmpty();
        // useful on every script, not only ASCII and CJK: measured 1.0 in most locales (see docs/repair.md)
        provenByLocale.forEach((locale, counts) -> assertThat((double) counts[1] / counts[0])
                .as("%s: %d of %d real sentences proven clean", locale, counts[1], counts[0])
                .isGreaterThanOrEqualTo(0.9));
    }

    static Stream<Long> seeds() {
        return IntStream.rangeClosed(1, 3).mapToObj(i -> 104729L * i);
    }

    @ParameterizedTest(name = "corpus seed {0}")
    @MethodSource("seeds")
    void everyCleanChatTurnItPassesIsOneTheSlowPathLeavesAlone(long seed) {
        List<String> unsound = new ArrayList<>();
        int proven = 0;
        List<String> turns = NeverWorseCorpusTest.corpus(seed, 120);
        for (String turn : turns) {
            proven += checkSound(turn, unsound) ? 1 : 0;
        }
        Random random = new Random(seed);
        for (int i = 0; i < 100; i++) {
            checkSound(CleanTextGenerator.sentence(random), unsound);
        }
        assertThat(unsound).as("lines the gate passed but the slow path changes").isEmpty();
        assertThat(proven).as("multilingual chat turns with emoji proven clean").isGreaterThan(turns.size() * 8 / 10);
    }

    /** The pages {@link MojibakeScan#pagesToBound} leaves out of {@code text} whose bound is above 0. */
    private static List<String> skippedWithAGain(String text) {
        List<String> wrong = new ArrayList<>();
        int complete = MojibakeScan.completeSequencePages(text);
        if (complete == -1) {
            return wrong;
        }
        int toBound = MojibakeScan.pagesToBound(text);
        int[] cps = MojibakeScan.codePoints(text);
        for (CodePage page : CodePages.ALL) {
            if ((toBound & (1 << page.index())) == 0) {
                double bound = new LayerDecoder(page, null).strictEvidenceBound(cps);
                if (bound > 0) {
                    wrong.add(page.name() + " (bound " + bound + "): " + text);
                }
            }
        }
        return wrong;
    }

    /**
     * Clean chat turns and real sentences, the sentences mangled, damaged lines, and random lines of chars that
     * code pages read as leads and continuations, packed tight: touching sequences of every page, surrogate halves
     * (CESU-8), decodings that nest, marks and guillemets beside them.
     */
    private static List<String> linesForTheBound() {
        List<String> lines = new ArrayList<>(NeverWorseCorpusTest.corpus(20261206L, 60));
        Random random = new Random(20261206L);
        for (MultilingualSentences s : SENTENCES) {
            lines.add(s.text());
            CodePage page = CodePages.ALL.get(random.nextInt(CodePages.ALL.size()));
            String once = TextRepairerPropertyTest.mangle(s.text(), page);
            if (once != null) {
                lines.add(once);
                lines.add(s.text() + once);
            }
        }
        for (int i = 0; i < 300; i++) {
            lines.add(NeverWorseCorpusTest.damaged(random));
        }
        String extra = "aZ 1.«»\u00A0\u0301\u2116\u00C3\u00C2\u221A\uD83D\uDE00";
        for (int i = 0; i < 20_000; i++) {
            CodePage page = CodePages.ALL.get(random.nextInt(CodePages.ALL.size()));
            StringBuilder line = new StringBuilder();
            int length = 1 + random.nextInt(12);
            for (int k = 0; k < length; k++) {
                int b = random.nextInt(10) == 0 ? -1 : 0x80 + random.nextInt(0x80);
                char c = b < 0 ? extra.charAt(random.nextInt(extra.length())) : page.charOf(b);
                if (c != '\uFFFD' && (c >= 0xA0 || c < 0x80)) {
                    line.append(c);
                }
            }
            lines.add(line.toString());
        }
        return lines;
    }

    @Test
    void everyPageItSkipsWithoutWalkingHasNothingToGain() {
        List<String> wrong = new ArrayList<>();
        for (String line : linesForTheBound()) {
            wrong.addAll(skippedWithAGain(line));
        }
        assertThat(wrong).as("pages skipped whose strict evidence bound is above 0").isEmpty();
    }

    @Test
    void theBoundIsNeverBelowTheStrictEvidenceOfTheDecoding() {
        List<String> wrong = new ArrayList<>();
        for (String line : linesForTheBound()) {
            int[] cps = MojibakeScan.codePoints(line);
            for (CodePage page : CodePages.ALL) {
                LayerDecoder decoder = new LayerDecoder(page, null);
                double bound = decoder.strictEvidenceBound(cps);
                double evidence = line.indexOf('\uFFFD') >= 0 ? 0 : TextRepairer.strictEvidence(decoder.decode(cps, false));
                if (bound < evidence - 1e-9) {
                    wrong.add(page.name() + " (bound " + bound + ", evidence " + evidence + "): " + line);
                }
            }
        }
        assertThat(wrong).as("pages whose strict decoding has more evidence than the bound allows").isEmpty();
    }

    static Stream<String> pages() {
        return CodePages.ALL.stream().map(CodePage::name);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pages")
    void everyDamagedLineItPassesIsOneTheSlowPathCouldNotRepair(String pageName) {
        CodePage page = TestCodePages.byName(pageName);
        List<String> unsound = new ArrayList<>();
        Random random = new Random(pageName.hashCode());
        for (MultilingualSentences s : SENTENCES) {
            String once = TextRepairerPropertyTest.mangle(s.text(), page);
            if (once == null) {
                continue;
            }
            checkSound(once, unsound);
            String twice = TextRepairerPropertyTest.mangle(once, page);
            if (twice != null) {
                checkSound(twice, unsound);
            }
            String other = SENTENCES.get(random.nextInt(SENTENCES.size())).text();
            checkSound(other + " | " + once, unsound);
        }
        for (int i = 0; i < 300; i++) {
            checkSound(NeverWorseCorpusTest.damaged(random), unsound);
        }
        assertThat(unsound).as("damaged lines the gate passed but the slow path repairs").isEmpty();
    }
}
