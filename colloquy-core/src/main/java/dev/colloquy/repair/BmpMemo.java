package dev.colloquy.repair;

import java.util.Arrays;
import java.util.function.IntUnaryOperator;

/**
 * A pure function of a code point, remembered per BMP char on its first lookup. Tables filled for all 65,536
 * chars up front cost a one-line {@code colloquy fix} about a quarter of a second of start-up; filled on demand,
 * a run pays only for the chars it meets. Threads may race to fill an entry: they write the same value, and a
 * short is never torn. Code points above the BMP are computed every time, unless the memo is made
 * {@link #withPlane1} (emoji live there: an emoji-heavy damaged line asked ICU for their properties on every cost).
 */
final class BmpMemo {

    private static final short UNKNOWN = Short.MIN_VALUE;

    private final IntUnaryOperator function;
    private final short[] values;

    /** @param function a pure function whose values lie in {@code -32767..32767} */
    BmpMemo(IntUnaryOperator function) {
        this(function, 0x10000);
    }

    private BmpMemo(IntUnaryOperator function, int limit) {
        this.function = function;
        this.values = new short[limit];
        Arrays.fill(values, UNKNOWN);
    }

    /** A memo that also remembers the chars of plane 1 (U+10000..U+1FFFF: emoji, historic scripts, math letters). */
    static BmpMemo withPlane1(IntUnaryOperator function) {
        return new BmpMemo(function, 0x20000);
    }

    int get(int cp) {
        if (cp < 0 || cp >= values.length) {
            return function.applyAsInt(cp);
        }
        int v = values[cp];
        if (v == UNKNOWN) {
            v = function.applyAsInt(cp);
            values[cp] = (short) v;
        }
        return v;
    }
}
