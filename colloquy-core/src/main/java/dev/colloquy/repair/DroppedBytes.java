package dev.colloquy.repair;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.util.ArrayList;
import java.util.List;

/**
 * The bytes a mis-decoding may have lost: those the code page leaves undefined (a decoder turns them into
 * U+FFFD, and tools then drop them), the soft hyphen 0xAD (invisible, so often deleted), and optionally a
 * no-break space 0xA0 that was rewritten as a plain space 0x20. Immutable.
 */
final class DroppedBytes {

    private static final int SOFT_HYPHEN = 0xAD;
    private static final double LOG_UNDEFINED = Math.log(0.05);
    private static final double LOG_SOFT_HYPHEN = Math.log(0.02);

    private final boolean[] dropped = new boolean[256];
    private final boolean spaceMayBeNbsp;
    private final List<Integer> bytes;

    private DroppedBytes(List<Integer> bytes, boolean spaceMayBeNbsp) {
        List<Integer> sorted = new ArrayList<>();
        for (int b : bytes) {
            if (b < 0 || b > 0xFF) {
                throw new IllegalArgumentException("not a byte value: " + b);
            }
            if (!dropped[b]) {
                dropped[b] = true;
            }
        }
        for (int b = 0; b < 256; b++) {
            if (dropped[b]) {
                sorted.add(b);
            }
        }
        this.bytes = List.copyOf(sorted);
        this.spaceMayBeNbsp = spaceMayBeNbsp;
    }

    /** Exactly these bytes may have been lost; {@code spaceMayBeNbsp}: a 0x20 may stand for a lost 0xA0. */
    static DroppedBytes of(boolean spaceMayBeNbsp, int... bytes) {
        List<Integer> list = new ArrayList<>();
        for (int b : bytes) {
            list.add(b);
        }
        return new DroppedBytes(list, spaceMayBeNbsp);
    }

    /** The undefined bytes of a single-byte code page, plus 0xAD, plus 0x20 standing for 0xA0. */
    static DroppedBytes of(Charset codePage) {
        List<Integer> list = new ArrayList<>(undefinedBytes(codePage));
        list.add(SOFT_HYPHEN);
        return new DroppedBytes(list, true);
    }

    /** Bytes the JDK cannot decode in this code page (it would produce U+FFFD for them). */
    static List<Integer> undefinedBytes(Charset codePage) {
        CharsetDecoder decoder = codePage.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        List<Integer> undefined = new ArrayList<>();
        for (int b = 0; b < 256; b++) {
            try {
                CharBuffer decoded = decoder.decode(ByteBuffer.wrap(new byte[] {(byte) b}));
                if (decoded.length() == 1 && decoded.charAt(0) == '\uFFFD') {
                    undefined.add(b);
                }
            } catch (CharacterCodingException e) {
                undefined.add(b);
            }
        }
        return undefined;
    }

    /**
     * Log prior of a hole being byte {@code b}: a code page's undefined byte is lost by the mis-decoding
     * itself (0.05), a soft hyphen only when a later tool also strips invisible characters (0.02).
     */
    double logPrior(int b) {
        return b == SOFT_HYPHEN ? LOG_SOFT_HYPHEN : LOG_UNDEFINED;
    }

    boolean contains(int b) {
        return b >= 0 && b < 256 && dropped[b];
    }

    boolean spaceMayBeNbsp() {
        return spaceMayBeNbsp;
    }

    /** The candidate bytes, ascending. */
    List<Integer> bytes() {
        return bytes;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("DroppedBytes[");
        for (int b : bytes) {
            sb.append(String.format(java.util.Locale.ROOT, "%02X ", b));
        }
        return sb.append(spaceMayBeNbsp ? "20=A0]" : "]").toString();
    }
}
