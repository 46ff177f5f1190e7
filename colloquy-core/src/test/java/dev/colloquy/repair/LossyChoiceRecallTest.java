package dev.colloquy.repair;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.BiFunction;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The lossy pass chooses a hole's filling again in its second sweep; where nothing the first choice read has changed
 * it gets the first answer back ({@code LossyFiller.Line#recall}) instead of asking the model again. That answer must
 * be the one a fresh choice would give, whatever the fillings around the hole became in between.
 */
class LossyChoiceRecallTest {

    static LongStream seeds() {
        return LongStream.range(0, 12);
    }

    /**
     * Real sentences mangled with a random page and their dropped bytes removed, filled under every page that drops
     * bytes: a first sweep over the holes, then some holes given another of their fillings (as the joint search over
     * close holes does), then a second sweep. Each choice of the second sweep equals the choice of a line that was
     * put in the same state without any choice made on it before (so it remembers nothing); some of them were
     * recalled (the hole the first sweep recorded is recorded again), and some chosen afresh.
     */
    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void aRecalledChoiceIsTheChoiceMadeAfresh(long seed) {
        Random random = new Random(seed);
        LossyFiller filler = new LossyFiller(Models.standard());
        int recalled = 0;
        int afresh = 0;
        for (int n = 0; n < 25; n++) {
            int[] cps = LineSearchTest.lossyLine(random);
            for (CodePage page : CodePages.ALL) {
                if (page.droppedCount() == 0) {
                    continue;
                }
                LossyFiller.Line line = new LossyFiller.Line(page, cps, null);
                CharModel.Scorer scorer = filler.scorerFor(line);
                // every change of the line's fillings, to put a second line in the very same state
                List<int[]> changes = new ArrayList<>();
                List<Integer> starts = new ArrayList<>();
                eachHole(page, cps, (i, bytes) -> {
                    line.unfill(i);
                    LossyFiller.Filled f = filler.fill(page, line, i, bytes, bytes.length - 1, scorer, null);
                    if (f != null) {
                        starts.add(i);
                        line.filled(f.start(), f.end(), f.cp());
                        changes.add(new int[] {f.start(), f.end(), f.cp()});
                    }
                    return f;
                });
                List<HoleSearch.Hole> first = new ArrayList<>();
                for (int start : starts) {
                    first.add(line.holes.get(start));
                }
                for (HoleSearch.Hole h : first) {
                    if (h.cp().length > 1 && random.nextInt(3) == 0) {
                        int r = 1 + random.nextInt(h.cp().length - 1);
                        line.unfill(h.start());
                        line.filled(h.start(), h.end()[r], h.cp()[r]);
                        changes.add(new int[] {h.start(), h.end()[r], h.cp()[r]});
                    }
                }
                LossyFiller.Line fresh = new LossyFiller.Line(page, cps, null);
                for (int[] c : changes) {
                    fresh.unfill(c[0]);
                    fresh.filled(c[0], c[1], c[2]);
                }
                int[] counts = new int[2];
                eachHole(page, cps, (i, bytes) -> {
                    line.unfill(i);
                    fresh.unfill(i);
                    LossyFiller.Filled again = filler.fill(page, line, i, bytes, bytes.length - 1, scorer, null);
                    LossyFiller.Filled made = filler.fill(page, fresh, i, bytes, bytes.length - 1, scorer, null);
                    assertThat(again).as("seed %d, %s, hole %d of %s", seed, page.name(), i,
                            new String(cps, 0, cps.length)).isEqualTo(made);
                    if (again != null) {
                        int k = starts.indexOf(i);
                        counts[k >= 0 && line.holes.get(i) == first.get(k) ? 0 : 1]++;
                        line.filled(again.start(), again.end(), again.cp());
                        fresh.filled(made.start(), made.end(), made.cp());
                    }
                    return again;
                });
                recalled += counts[0];
                afresh += counts[1];
            }
        }
        assertThat(recalled).as("seed %d: choices recalled", seed).isPositive();
        assertThat(afresh).as("seed %d: choices made again", seed).isPositive();
    }

    /**
     * The lossy walk over the holes of {@code cps} under {@code page}: at each, {@code choose} returns the filling it
     * put in place (null for none), and the walk goes on after it.
     */
    private static void eachHole(CodePage page, int[] cps, BiFunction<Integer, int[], LossyFiller.Filled> choose) {
        int i = 0;
        while (i < cps.length) {
            int[] bytes = hole(page, cps, i);
            if (bytes == null) {
                i++;
                continue;
            }
            LossyFiller.Filled f = choose.apply(i, bytes);
            i = f == null ? i + bytes.length : f.end();
        }
    }

    /**
     * The bytes (lead first) of the sequence cut short at {@code cps[i]} under {@code page}: a lead followed by fewer
     * continuations than it announces; null where none starts.
     */
    private static int[] hole(CodePage page, int[] cps, int i) {
        int lead = pageByte(page, cps[i]);
        if (lead < 0xC2 || lead > 0xF4) {
            return null;
        }
        int need = lead < 0xE0 ? 1 : lead < 0xF0 ? 2 : 3;
        int k = 0;
        while (k < need && i + 1 + k < cps.length && pageByte(page, cps[i + 1 + k]) >= 0x80
                && pageByte(page, cps[i + 1 + k]) < 0xC0) {
            k++;
        }
        if (k == need) {
            return null;
        }
        int[] bytes = new int[k + 1];
        bytes[0] = lead;
        for (int m = 1; m <= k; m++) {
            bytes[m] = pageByte(page, cps[i + m]);
        }
        return bytes;
    }

    private static int pageByte(CodePage page, int cp) {
        if (cp < 0x80) {
            return cp;
        }
        return cp <= 0xFFFF && page.canEncode((char) cp) ? page.byteOf((char) cp) : -1;
    }
}
