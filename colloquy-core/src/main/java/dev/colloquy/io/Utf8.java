package dev.colloquy.io;

/**
 * UTF-8 well-formedness per RFC 3629 / Unicode Table 3-7, the one validator of the project: the CLI's
 * fast path asks it whether a line is UTF-8 at all, and the repair engine asks it which byte sequences
 * a mis-decoded line may have held. Allocation-free; bytes are given as {@code byte} or as ints 0..255.
 */
public final class Utf8 {

    private Utf8() {
    }

    /** Whether {@code b[from..to)} is well-formed UTF-8 (no overlongs, surrogates or values past U+10FFFF). */
    public static boolean isValid(byte[] b, int from, int to) {
        int i = from;
        while (i < to) {
            int lead = b[i] & 0xFF;
            if (lead < 0x80) {
                i++;
                continue;
            }
            int length = sequenceLength(lead);
            if (length == 0 || i + length > to) {
                return false;
            }
            for (int k = 1; k < length; k++) {
                if (!fitsAt(lead, k, b[i + k] & 0xFF)) {
                    return false;
                }
            }
            i += length;
        }
        return true;
    }

    /** 1..4 for a byte that can start a sequence, 0 for a continuation byte or a byte UTF-8 never uses. */
    public static int sequenceLength(int b) {
        if (b < 0x80) {
            return 1;
        }
        if (b >= 0xC2 && b <= 0xDF) {
            return 2;
        }
        if (b >= 0xE0 && b <= 0xEF) {
            return 3;
        }
        if (b >= 0xF0 && b <= 0xF4) {
            return 4;
        }
        return 0;
    }

    /**
     * Whether {@code b} may be byte number {@code position} (1-based after the lead) of a sequence starting
     * with {@code lead}. The second byte's narrower ranges are what exclude overlongs (E0, F0), surrogates
     * (ED) and values past U+10FFFF (F4).
     */
    public static boolean fitsAt(int lead, int position, int b) {
        if (position == 1) {
            int low = lead == 0xE0 ? 0xA0 : lead == 0xF0 ? 0x90 : 0x80;
            int high = lead == 0xED ? 0x9F : lead == 0xF4 ? 0x8F : 0xBF;
            return b >= low && b <= high;
        }
        return b >= 0x80 && b <= 0xBF;
    }

    /** The code point of {@code b[0..length)} if it is exactly one well-formed sequence, else -1. */
    public static int decode(int[] b, int length) {
        return decode(b, length, false);
    }

    /**
     * As {@link #decode(int[], int)}; with {@code surrogates}, a 3-byte sequence encoding a surrogate
     * (one half of a CESU-8 / modified UTF-8 pair, ED A0..BF xx) decodes to that surrogate so the caller
     * can pair the halves.
     */
    public static int decode(int[] b, int length, boolean surrogates) {
        int lead = b[0];
        if (sequenceLength(lead) != length) {
            return -1;
        }
        if (length == 1) {
            return lead;
        }
        int cp = length == 2 ? lead & 0x1F : length == 3 ? lead & 0x0F : lead & 0x07;
        for (int k = 1; k < length; k++) {
            boolean cesuHalf = surrogates && k == 1 && lead == 0xED && b[k] >= 0xA0 && b[k] <= 0xBF;
            if (!cesuHalf && !fitsAt(lead, k, b[k])) {
                return -1;
            }
            cp = (cp << 6) | (b[k] & 0x3F);
        }
        return cp;
    }

    /**
     * Writes the UTF-8 bytes of {@code cp} (a scalar value: not a surrogate) into {@code out[0..)} as ints 0..255 and
     * returns how many: the inverse of {@link #decode(int[], int)}.
     */
    public static int encode(int cp, int[] out) {
        if (cp < 0x80) {
            out[0] = cp;
            return 1;
        }
        if (cp < 0x800) {
            out[0] = 0xC0 | cp >> 6;
            out[1] = 0x80 | cp & 0x3F;
            return 2;
        }
        if (cp < 0x10000) {
            out[0] = 0xE0 | cp >> 12;
            out[1] = 0x80 | cp >> 6 & 0x3F;
            out[2] = 0x80 | cp & 0x3F;
            return 3;
        }
        out[0] = 0xF0 | cp >> 18;
        out[1] = 0x80 | cp >> 12 & 0x3F;
        out[2] = 0x80 | cp >> 6 & 0x3F;
        out[3] = 0x80 | cp & 0x3F;
        return 4;
    }
}
