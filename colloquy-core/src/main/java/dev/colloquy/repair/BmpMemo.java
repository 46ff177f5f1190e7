package dev.colloquy.repair;

import java.util.Arrays;
import java.util.function.IntUnaryOperator;

/**
 * A pure function of a code point, remembered per char of the BMP and of plane 1 (where emoji live) on its first
 * lookup. Tables filled for all 65,536 BMP chars up front cost a one-line {@code colloquy fix} about a quarter of a
 * second of start-up; filled on demand, a run pays only for the chars it meets. Threads may race to fill an entry:
 * they write the same value, and a short is never torn. Code points above plane 1 are computed every time (an
 * emoji-heavy damaged line asked ICU for the properties of its emoji on every cost).
 */
final class BmpMemo {

    private static final short UNKNOWN = Short.MIN_VALUE;

    private final IntUnaryOperator function;
    private final short[] values = new short[0x20000];

    /** @param function a pure function whose values lie in {@code -32767..32767} */
    BmpMemo(IntUnaryOperator function) {
        this.function = function;
        Arrays.fill(values, UNKNOWN);
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
