package dev.colloquy.repair;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The joint search over close holes asks the model about every filling of a hole after each hypothesis of its beam,
 * all at once ({@code CharModel.Scorer#logProbs}), and skips a hypothesis whose every extension another one's
 * dominates ({@code HoleSearch.dominated}). Both must leave every answer as it was: the batched ratings equal the
 * ratings asked one by one, bit for bit, and two texts that end in the same chars with the same quote open are rated
 * alike for every char, which is what makes one of them dominate the other.
 */
class HoleSearchDominanceTest {

    private static final int[] CHARS = {'a', 'e', 'n', ' ', '.', ',', '"', '\u201C', '\u201D', '\u201E', '\u00AB',
        '\u00BB', '\u00E9', '\u00F6', '\u0441', '\u044F', '\u03C1', '\u03C3', '\u05D0', '\u0627', '\u4F60', '\u597D',
        '\u3002', '\uAC00', '\u0E01', '\u2764', '\uFE0F', 0x1F600, 0x1F44D, 0x1F3FD, 0x1F308, 0x200D, 0x10FFFF, 0xFFFF};

    /** Left contexts of every kind the joint search builds: letters of many scripts, open quotes, emoji, a ZWJ. */
    private static List<String> contexts() {
        List<String> contexts = new ArrayList<>();
        for (MultilingualSentences s : MultilingualSentences.load()) {
            String t = s.text();
            contexts.add(t.substring(0, Math.min(t.length(), 30)));
        }
        contexts.addAll(List.of("", "a", "\u201EDas ist", "\u00AB Bonjour", "\u4F60\u597D\u5417", "\uD83C\uDFF3\uFE0F\u200D",
                "ok \uD83D\uDC68\u200D", "x\uD83D\uDE00", "\uD83D\uDE00\uD83D\uDE00\uD83D\uDE00\uD83D\uDE00"));
        return contexts;
    }

    @Test
    void ratingsAskedTogetherAreTheRatingsAskedOneByOne() {
        CharModel.Scorer together = Models.standard().scorer("Das ist ein Satz. Это предложение. 你好");
        CharModel.Scorer alone = Models.standard().scorer("Das ist ein Satz. Это предложение. 你好");
        double[] out = new double[CHARS.length];
        for (String context : contexts()) {
            together.logProbs(context, CHARS, CHARS.length, out);
            for (int k = 0; k < CHARS.length; k++) {
                assertThat(Double.doubleToRawLongBits(out[k])).as("%s | U+%04X", context, CHARS[k])
                        .isEqualTo(Double.doubleToRawLongBits(alone.logProb(context, CHARS[k])));
            }
        }
    }

    /**
     * The premise of dominance: what comes before the last chars the model reads changes no rating, as long as the
     * same quote is open and no ZWJ sequence is being read. Each sentence's end is put after another sentence's
     * start; the ratings after it equal those after the sentence itself.
     */
    @Test
    void textsEndingAlikeWithTheSameQuoteOpenAreRatedAlike() {
        List<MultilingualSentences> sentences = MultilingualSentences.load();
        Random random = new Random(7);
        int compared = 0;
        for (int n = 0; n < 300; n++) {
            String a = sentences.get(random.nextInt(sentences.size())).text();
            String b = sentences.get(random.nextInt(sentences.size())).text();
            if (a.length() < 12 || b.length() < 4) {
                continue;
            }
            String tail = a.substring(a.length() - 8);
            String other = b.substring(0, b.length() / 2) + tail;
            if (SymbolPrior.unmatchedOpener(a) != SymbolPrior.unmatchedOpener(other) || a.endsWith("\u200D")) {
                continue;
            }
            assertThat(CharLikelihood.recent(other).toString()).isEqualTo(CharLikelihood.recent(a).toString());
            CharModel.Scorer scorer = Models.standard().scorer(a);
            for (int cp : CHARS) {
                if (cp == 0x200D) {
                    continue;
                }
                assertThat(scorer.logProb(other, cp)).as("%s / %s | U+%04X", a, other, cp)
                        .isEqualTo(scorer.logProb(a, cp));
                compared++;
            }
        }
        assertThat(compared).isGreaterThan(1000);
    }

    @Test
    void aLaterHypothesisEndingAlikeAndNoBetterIsDominated() {
        String[] befores = {"xx Hello wor", "yy Hello wor", "zz Hello wor", "a different", null};
        double[] scores = {-3, -5, -3, -1, 0};
        int[] asked = {'l', 'd'};
        assertThat(HoleSearch.dominated(befores, scores, asked, 2)).containsExactly(false, true, true, false, false);
    }

    @Test
    void anEarlierHypothesisThatReadsWorseIsStillExtended() {
        // the later one dominates nothing before it: equal extension scores keep the earlier one in the beam
        String[] befores = {"xx Hello wor", "yy Hello wor"};
        assertThat(HoleSearch.dominated(befores, new double[] {-5, -3}, new int[] {'l'}, 1))
                .containsExactly(false, false);
    }

    @Test
    void anotherQuoteOpenOrAShorterTextIsAnotherEnding() {
        String[] quoted = {"one Hello wor", "\u201Eo Hello wor"};
        assertThat(HoleSearch.dominated(quoted, new double[] {0, -1}, new int[] {'l'}, 1)).containsExactly(false, false);
        String[] shorter = {"xHello", "Hello"};
        assertThat(HoleSearch.dominated(shorter, new double[] {0, -1}, new int[] {'l'}, 1)).containsExactly(false, false);
    }

    @Test
    void aZwjBeforeTheHoleOrAmongTheFillingsReadsFurtherBack() {
        String[] afterZwj = {"a \uD83D\uDC68\u200D", "b \uD83D\uDC68\u200D"};
        assertThat(HoleSearch.dominated(afterZwj, new double[] {0, -1}, new int[] {0x1F373}, 1))
                .containsExactly(false, false);
        String[] alike = {"xx Hello wor", "yy Hello wor"};
        assertThat(HoleSearch.dominated(alike, new double[] {0, -1}, new int[] {'l', 0x200D}, 2))
                .containsExactly(false, false);
    }
}
