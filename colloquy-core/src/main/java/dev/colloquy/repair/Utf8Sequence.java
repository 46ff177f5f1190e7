package dev.colloquy.repair;

/** Strict decoding of one UTF-8 sequence given as ints 0..255. */
final class Utf8Sequence {

    private Utf8Sequence() {
    }

    /**
     * The code point of {@code b[0..len)}, or -1 if it is not one well-formed sequence. Surrogate
     * code points (CESU-8 halves) are returned as such so callers can pair them.
     */
    static int decode(int[] b, int len) {
        int lead = b[0];
        int need = lead < 0x80 ? 0 : lead < 0xC2 ? -1 : lead < 0xE0 ? 1 : lead < 0xF0 ? 2 : lead <= 0xF4 ? 3 : -1;
        if (need < 0 || len != need + 1) {
            return -1;
        }
        int cp = need == 0 ? lead : need == 1 ? lead & 0x1F : need == 2 ? lead & 0x0F : lead & 0x07;
        for (int k = 1; k <= need; k++) {
            if ((b[k] & 0xC0) != 0x80) {
                return -1;
            }
            cp = (cp << 6) | (b[k] & 0x3F);
        }
        int min = need == 1 ? 0x80 : need == 2 ? 0x800 : 0x10000;
        if (cp < min || cp > 0x10FFFF) {
            return -1;
        }
        return cp;
    }
}
