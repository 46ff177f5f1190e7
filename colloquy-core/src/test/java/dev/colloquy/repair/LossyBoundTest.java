package dev.colloquy.repair;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The lossy-twin contest skips a page's lossy decoding when {@link LayerDecoder#lossyMayKeep} says it keeps
 * nothing, without asking the character model: that answer must never be wrong, whatever the model would choose.
 */
class LossyBoundTest {

    static LongStream seeds() {
        return LongStream.range(0, 12);
    }

    /**
     * Real sentences mangled with a random page and their dropped bytes removed (half of them with their no-break
     * spaces made plain spaces as well), decoded by the strict layer of the page that gains most (as the contest sees
     * them): under every page that drops bytes, a lossy decoding the bound clears keeps no edit of the strict layer's
     * alphabets (the contest keeps no other). Some decodings with fillings to choose are cleared, or the bound would
     * be idle.
     */
    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void aLossyDecodingTheBoundClearsKeepsNothing(long seed) {
        Random random = new Random(seed);
        LossyFiller filler = new LossyFiller(Models.standard());
        int cleared = 0;
        for (int n = 0; n < 25; n++) {
            // now and then its no-break spaces flattened to spaces too
            int[] line = LineSearchTest.lossyLine(random);
            List<Edit> strict = LineSearchTest.bestStrictLayer(line);
            if (strict.isEmpty()) {
                continue;
            }
            int[] decoded = EditLog.applyEdits(line, strict);
            boolean[] repaired = producedBy(strict, decoded.length);
            for (CodePage page : CodePages.ALL) {
                if (page.droppedCount() == 0) {
                    continue;
                }
                LayerDecoder decoder = new LayerDecoder(page, filler);
                int alphabets = LayerDecoder.alphabets(strict);
                if (!decoder.lossyMayKeep(decoded, repaired, alphabets)) {
                    List<Edit> lossy = decoder.decode(decoded, true, repaired);
                    assertThat(lossy.stream().filter(e -> (LayerDecoder.alphabets(e.replacement()) & ~alphabets) == 0))
                            .as("seed %d, %s: %s", seed, page.name(), new String(decoded, 0, decoded.length)).isEmpty();
                    if (cleared == 0 && !decoder.fillings(decoded).isEmpty()) {
                        cleared++;
                    }
                }
            }
        }
        assertThat(cleared).as("seed %d: cleared decodings with fillings", seed).isPositive();
    }

    /** Which chars of the line after {@code edits} the edits produced. */
    private static boolean[] producedBy(List<Edit> edits, int length) {
        boolean[] produced = new boolean[length];
        int shift = 0;
        for (Edit e : edits) {
            for (int k = 0; k < e.replacement().length; k++) {
                produced[e.start() + shift + k] = true;
            }
            shift += e.replacement().length - (e.end() - e.start());
        }
        return produced;
    }
}
