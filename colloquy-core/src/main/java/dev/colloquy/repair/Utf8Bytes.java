package dev.colloquy.repair;

/** UTF-8 well-formedness per RFC 3629 / Unicode Table 3-7, byte by byte. */
final class Utf8Bytes {

    private Utf8Bytes() {
    }

    /** 1..4 for a byte that can start a sequence, 0 for a continuation byte or a byte UTF-8 never uses. */
    static int sequenceLength(int b) {
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

    /** Whether {@code b} may be byte number {@code position} (1-based after the lead) of a sequence. */
    static boolean fitsAt(int lead, int position, int b) {
        if (position == 1) {
            int low = lead == 0xE0 ? 0xA0 : lead == 0xF0 ? 0x90 : 0x80;
            int high = lead == 0xED ? 0x9F : lead == 0xF4 ? 0x8F : 0xBF;
            return b >= low && b <= high;
        }
        return b >= 0x80 && b <= 0xBF;
    }

    /** The payload bits of a lead byte. */
    static int leadBits(int lead) {
        return switch (sequenceLength(lead)) {
            case 2 -> lead & 0x1F;
            case 3 -> lead & 0x0F;
            default -> lead & 0x07;
        };
    }

    /** The code point of the well-formed sequence at {@code offset}, or -1. */
    static int decode(byte[] bytes, int offset, int length) {
        int lead = bytes[offset] & 0xFF;
        if (sequenceLength(lead) != length || offset + length > bytes.length) {
            return -1;
        }
        int cp = length == 1 ? lead : leadBits(lead);
        for (int k = 1; k < length; k++) {
            int b = bytes[offset + k] & 0xFF;
            if (!fitsAt(lead, k, b)) {
                return -1;
            }
            cp = (cp << 6) | (b & 0x3F);
        }
        return cp;
    }
}
