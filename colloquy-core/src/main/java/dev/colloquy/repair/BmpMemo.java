package dev.colloquy.repair;

import java.util.function.IntUnaryOperator;

/**
 * A pure function of a code point, remembered per BMP char on its first lookup. Tables filled for all 65,536
 * chars up front cost a one-line {@code colloquy fix} about a quarter of a second of start-up; filled on demand,
 * a run pays only for the chars it meets. Threads may race to fill an entry: they write the same value, and a
 * short is never torn. Code points above the BMP are computed every time, unless the memo is made
 * {@link #withPlane1} (emoji live there: an emoji-heavy damaged line asked ICU for their properties on every cost).
 *
 * <p>A value is stored with its top bit flipped, so that the zeros a new array holds mean "not yet computed" (the
 * one value that would store as zero, -32768, is outside the function's range): the start of every process made ~30
 * memos (one per code page) and filled ~2.1 million shorts with a marker, in code the JIT had not compiled yet.
 */
final class BmpMemo {

    /** What a stored value is XOR-ed with: the stored form of every value the function gives is non-zero. */
    private static final int FLIP = 0x8000;

    private final IntUnaryOperator function;
    private final short[] values;

    /** @param function a pure function whose values lie in {@code -32767..32767} */
    BmpMemo(IntUnaryOperator function) {
        this(function, 0x10000);
    }

    private BmpMemo(IntUnaryOperator function, int limit) {
        this.function = function;
        this.values = new short[limit];
    }

    /** A memo that also remembers the chars of plane 1 (U+10000..U+1FFFF: emoji, historic scripts, math letters). */
    static BmpMemo withPlane1(IntUnaryOperator function) {
        return new BmpMemo(function, 0x20000);
    }

    int get(int cp) {
        if (cp < 0 || cp >= values.length) {
            return function.applyAsInt(cp);
        }
        int stored = values[cp];
        if (stored == 0) {
            int v = function.applyAsInt(cp);
            values[cp] = (short) (v ^ FLIP);
            return v;
        }
        return (short) (stored ^ FLIP);
    }
}
