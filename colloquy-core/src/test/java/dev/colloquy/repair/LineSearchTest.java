package dev.colloquy.repair;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What one line's search remembers is what it would have computed: strict decodings per page and text, and
 * follow-up searches per text.
 */
class LineSearchTest {

    private static final List<MultilingualSentences> SENTENCES = MultilingualSentences.load();

    static LongStream seeds() {
        return LongStream.range(0, 12);
    }

    /** A real sentence mangled with a random page; now and then with its page's dropped bytes removed. */
    private static int[] damagedLine(Random random) {
        String mangled = mangledLine(random);
        return MojibakeScan.codePoints(random.nextBoolean() ? withoutDroppedBytes(mangled) : mangled);
    }

    /** A real sentence mangled with a random page. */
    static String mangledLine(Random random) {
        while (true) {
            String text = SENTENCES.get(random.nextInt(SENTENCES.size())).text();
            CodePage page = CodePages.ALL.get(random.nextInt(CodePages.ALL.size()));
            String mangled = TextRepairerPropertyTest.mangle(text, page);
            if (mangled != null) {
                return mangled;
            }
        }
    }

    /**
     * A {@link #mangledLine} without its dropped bytes, and half the time with its no-break spaces made plain spaces
     * as well (Greek Π, CE A0, as "Î "): a line a lossy decoding has holes to fill in.
     */
    static int[] lossyLine(Random random) {
        String cut = withoutDroppedBytes(mangledLine(random));
        return MojibakeScan.codePoints(random.nextBoolean() ? cut.replace('\u00A0', ' ') : cut);
    }

    /** {@code mangled} without the chars its page's dropped bytes became (C1 controls). */
    static String withoutDroppedBytes(String mangled) {
        StringBuilder lossy = new StringBuilder();
        mangled.chars().filter(c -> c >= 0xA0 || c < 0x80).forEach(c -> lossy.append((char) c));
        return lossy.toString();
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void remembersStrictDecodingsExactlyAsComputed(long seed) {
        Random random = new Random(seed);
        LineSearch search = new LineSearch(Models::standard);
        for (int n = 0; n < 20; n++) {
            int[] cps = damagedLine(random);
            for (CodePage page : CodePages.ALL) {
                List<Edit> direct = new LayerDecoder(page, new LossyFiller(Models.standard())).decode(cps, false);
                assertThat(render(search.strictEdits(page, cps))).as("seed %d, %s", seed, page.name())
                        .isEqualTo(render(direct));
                assertThat(search.strictEdits(page, cps.clone())).isSameAs(search.strictEdits(page, cps));
            }
        }
    }

    /**
     * The floor that lets the search skip a losing page's follow-up: a strict layer of any page the follow-up
     * searches replaces only chars of complete sequences (LayerDecoder.sequenceChars), and leaves the line costing
     * at least the terms of the other chars (Plausibility.costOutside), on damaged lines and on the lines their
     * decodings make.
     */
    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void noStrictLayerTouchesACharOutsideSequencesNorCostsLessThanTheirFloor(long seed) {
        Random random = new Random(seed);
        for (int n = 0; n < 20; n++) {
            int[] line = damagedLine(random);
            for (int[] cps : List.of(line, decodedOnce(line))) {
                int mask = MojibakeScan.candidatePages(cps);
                boolean[] touched = LayerDecoder.sequenceChars(cps, mask);
                double floor = Plausibility.costOutside(cps, touched);
                for (CodePage page : CodePages.ALL) {
                    if ((mask & 1 << page.index()) == 0) {
                        continue;
                    }
                    List<Edit> edits = new LayerDecoder(page, new LossyFiller(Models.standard())).decode(cps, false);
                    for (Edit e : edits) {
                        for (int i = e.start(); i < e.end(); i++) {
                            assertThat(touched[i]).as("seed %d, %s, char %d of %s", seed, page.name(), i,
                                    new String(cps, 0, cps.length)).isTrue();
                        }
                    }
                    int[] after = EditLog.applyEdits(cps, edits);
                    assertThat(Plausibility.cost(-1, after, 0, after.length, -1)).as("seed %d, %s", seed, page.name())
                            .isGreaterThanOrEqualTo(floor);
                }
            }
        }
    }

    /**
     * The chars sequenceChars marks are, page by page of the mask, those of every lead (C2..F4 under that page)
     * followed by as many continuations (or U+FFFD) as it announces: on damaged lines, the lines their decodings
     * make, and those lines with U+FFFD in place of some chars, under the line's candidate pages and under every page.
     */
    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void sequenceCharsAreTheCharsOfEachPagesCompleteSequences(long seed) {
        Random random = new Random(seed);
        for (int n = 0; n < 40; n++) {
            int[] line = damagedLine(random);
            int[] withReplacement = line.clone();
            for (int i = 0; i < withReplacement.length; i++) {
                if (random.nextInt(8) == 0) {
                    withReplacement[i] = 0xFFFD;
                }
            }
            for (int[] cps : List.of(line, decodedOnce(line), withReplacement)) {
                for (int mask : new int[] {MojibakeScan.candidatePages(cps), (1 << CodePages.ALL.size()) - 1,
                        random.nextInt(1 << CodePages.ALL.size())}) {
                    assertThat(LayerDecoder.sequenceChars(cps, mask)).as("seed %d, mask %x, %s", seed, mask,
                            new String(cps, 0, cps.length)).isEqualTo(sequenceCharsPageByPage(cps, mask));
                }
            }
        }
    }

    private static boolean[] sequenceCharsPageByPage(int[] cps, int mask) {
        boolean[] touched = new boolean[cps.length];
        for (CodePage page : CodePages.ALL) {
            if ((mask & 1 << page.index()) == 0) {
                continue;
            }
            for (int i = 0; i < cps.length; i++) {
                int lead = cps[i] > 0xFFFF ? -1 : page.byteOrNone((char) cps[i]);
                if (lead < 0xC2 || lead > 0xF4) {
                    continue;
                }
                int need = lead < 0xE0 ? 1 : lead < 0xF0 ? 2 : 3;
                int k = 0;
                while (k < need && i + 1 + k < cps.length && (cps[i + 1 + k] == 0xFFFD || cps[i + 1 + k] <= 0xFFFF
                        && page.byteOrNone((char) cps[i + 1 + k]) >= 0x80 && page.byteOrNone((char) cps[i + 1 + k]) < 0xC0)) {
                    k++;
                }
                if (k == need) {
                    java.util.Arrays.fill(touched, i, i + 1 + need, true);
                }
            }
        }
        return touched;
    }

    /** The line after the strict layer of the page whose decoding gains most (the line itself when none does). */
    private static int[] decodedOnce(int[] cps) {
        return EditLog.applyEdits(cps, bestStrictLayer(cps));
    }

    /** The strict layer of the page whose decoding gains most (none when none does). */
    static List<Edit> bestStrictLayer(int[] cps) {
        List<Edit> best = List.of();
        double bestGain = 0;
        for (CodePage page : CodePages.ALL) {
            List<Edit> edits = new LayerDecoder(page, new LossyFiller(Models.standard())).decode(cps, false);
            double gain = edits.stream().mapToDouble(Edit::gain).sum();
            if (gain > bestGain) {
                best = edits;
                bestGain = gain;
            }
        }
        return best;
    }

    /** Edits as text: a record's equals compares its replacement array by identity. */
    private static List<String> render(List<Edit> edits) {
        return edits.stream().map(e -> e.start() + ".." + e.end() + " " + java.util.Arrays.toString(e.replacement())
                + " lost " + e.bytesLost() + " gain " + e.gain() + " conf " + e.modelConfidence()).toList();
    }

    @Test
    void asksAFollowUpSearchOncePerTextNullIncluded() {
        LineSearch search = new LineSearch(Models::standard);
        AtomicInteger calls = new AtomicInteger();
        int[] text = MojibakeScan.codePoints("cafÃ©");
        assertThat((Object) search.followUp(text, t -> { calls.incrementAndGet(); return null; })).isNull();
        assertThat((Object) search.followUp(text.clone(), t -> { calls.incrementAndGet(); return "again"; })).isNull();
        assertThat(search.<String>followUp(MojibakeScan.codePoints("café"), t -> "other")).isEqualTo("other");
        assertThat(calls).hasValue(1);
    }
}
