package dev.colloquy.repair;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;

/*
 * One single-byte code page that UTF-8 text may have been mis-decoded with.
 *
 * The tables are derived at class-init from the JDK's Charset, so we carry no hand-typed tables.
 * Bytes the JDK decodes to U+FFFD are "undefined" in this code page. Real-world decoders treat them
 * in one of two ways, and both leave traces we can undo:
 *   - sloppy: the byte is kept as the C1 control with the same number (0x9D becomes U+009D), the way
 *     latin-1 decoders and browsers do; so the encode table maps U+0080..U+009F back to those bytes;
 *   - lossy: the byte is dropped. Soft hyphens (0xAD in Latin pages) are often dropped by later clean-up
 *     too, and no-break spaces (0xA0) turned into plain spaces. These are the "dropped" candidates.
 */
final class CodePage {

    private final String name;
    private final int index;
    private final char[] decode = new char[256];
    private final byte[] encode = new byte[0x10000];
    private final boolean[] encodable = new boolean[0x10000];
    /** byteOrNone per char, remembered on first use: one load instead of two for LayerDecoder's walk over every char. */
    private final BmpMemo byteOrNone = new BmpMemo(c -> !encodable[c] ? -1 : c < 0x80 ? c : encode[c] & 0xFF);
    /**
     * Whether the page encodes some char of each block of 256 (U+xx00..U+xxFF): a char of a block it has none of
     * (CJK, Hangul, Devanagari, Thai...) is answered from these 256 flags, which stay in cache, instead of a memo entry
     * of its own for each of the 21 pages (those misses were 5% of repairing damaged text).
     */
    private final boolean[] encodesInBlock = new boolean[256];
    private final byte[] dropped;
    private final int softHyphenByte;
    private final int nbspByte;

    CodePage(String name, String jdkName, int index) {
        this.name = name;
        this.index = index;
        CharsetDecoder decoder = Charset.forName(jdkName).newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
        StringBuilder undefined = new StringBuilder();
        for (int b = 0; b < 256; b++) {
            char c;
            try {
                CharBuffer out = decoder.reset().decode(ByteBuffer.wrap(new byte[] {(byte) b}));
                c = out.length() == 1 ? out.get(0) : '\uFFFD';
            } catch (java.nio.charset.CharacterCodingException e) {
                c = '\uFFFD';
            }
            if (c == '\uFFFD') {
                undefined.append((char) b);
                if (b >= 0x80 && b < 0xA0) {
                    c = (char) b;
                }
            }
            decode[b] = c;
            if (c != '\uFFFD' && !encodable[c]) {
                encode[c] = (byte) b;
                encodable[c] = true;
                encodesInBlock[c >>> 8] = true;
            }
        }
        // the soft hyphen and the no-break space sit at 0xAD and 0xA0 in the Latin pages, elsewhere in others
        // (cp850: F0 and FF, so every emoji lead F0 reads as a soft hyphen; KOI8-R: the no-break space is 0x9A)
        softHyphenByte = encodable['\u00AD'] ? encode['\u00AD'] & 0xFF : -1;
        nbspByte = encodable['\u00A0'] ? encode['\u00A0'] & 0xFF : -1;
        if (softHyphenByte >= 0) {
            undefined.append((char) softHyphenByte);
        }
        if (nbspByte >= 0) {
            // a no-break space that clean-up merged into the plain space after it
            undefined.append((char) nbspByte);
        }
        dropped = new byte[undefined.length()];
        for (int i = 0; i < dropped.length; i++) {
            dropped[i] = (byte) undefined.charAt(i);
        }
    }

    String name() {
        return name;
    }

    int index() {
        return index;
    }

    boolean canEncode(char c) {
        return encodable[c];
    }

    /** The byte for {@code c}, as 0..255; only meaningful when {@link #canEncode(char)}. */
    int byteOf(char c) {
        return encode[c] & 0xFF;
    }

    /** The byte for {@code c} as 0..255 (an ASCII char: itself), or -1 when this page cannot encode it. */
    int byteOrNone(char c) {
        // (every page reads ASCII as itself; the strict sweep asks this of every char of a line under every page)
        return c < 0x80 ? c : !encodesInBlock[c >>> 8] ? -1 : byteOrNone.get(c);
    }

    char charOf(int b) {
        return decode[b];
    }

    /** Bytes that a lossy decode may have dropped: undefined bytes, the soft hyphen, the no-break space. */
    byte[] droppedBytes() {
        return dropped.clone();
    }

    int droppedCount() {
        return dropped.length;
    }

    /** Whether byte {@code b} is undefined here (so a decoder may have replaced it by U+FFFD). */
    boolean isUndefined(int b) {
        return b >= 0x80 && decode[b] == (char) b && b < 0xA0 && !name.equals("iso-8859-1")
                || decode[b] == '\uFFFD';
    }

    /**
     * The dropped bytes that are UTF-8 continuations (0x80..0xBF), as bit {@code b - 0x80}: the bytes
     * LossyFiller.enumerate may insert into a sequence cut short.
     */
    long droppedContinuations() {
        long mask = 0;
        for (byte b : dropped) {
            int v = b & 0xFF;
            if (v >= 0x80 && v < 0xC0) {
                mask |= 1L << (v - 0x80);
            }
        }
        return mask;
    }

    /** Whether a lossy decode may have dropped byte {@code b} here. */
    boolean drops(int b) {
        for (byte d : dropped) {
            if ((d & 0xFF) == b) {
                return true;
            }
        }
        return false;
    }

    int dropped(int i) {
        return dropped[i] & 0xFF;
    }

    /** The byte that decodes to a no-break space (which clean-up often turned into a plain space), or -1. */
    int nbspByte() {
        return nbspByte;
    }

    /** The byte that decodes to a soft hyphen (which clean-up often deleted), or -1. */
    int softHyphenByte() {
        return softHyphenByte;
    }

    @Override
    public String toString() {
        return name;
    }
}
