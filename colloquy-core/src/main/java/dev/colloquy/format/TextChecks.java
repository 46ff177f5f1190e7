package dev.colloquy.format;

import dev.colloquy.io.Utf8;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/*
 * Byte- and character-level checks on one line before it is parsed.
 * - Binary junk: any NUL, or at least 3 C0 control characters (other than tab, CR, LF, FF, ESC) making up 5% or
 *   more of the line. Text never holds NULs; JSON forbids raw controls anyway, so a few stray ones are left to
 *   the JSON parser to report, while a line dense with them is named for what it is.
 * - UTF-8: checked by the one validator (io.Utf8); where it fails the line is decoded again with U+FFFD for each bad sequence, and the
 *   message lists the first few bad bytes with their offsets.
 */
final class TextChecks {

    private static final int SHOWN_BAD_BYTES = 5;

    private TextChecks() {
    }

    /** The decoded text and, when some bytes were not UTF-8, a message naming them (else null). */
    record Decoded(String text, String invalid) {
    }

    static Decoded decode(byte[] bytes) {
        // The JDK's String decoding is fast and maps every invalid sequence to U+FFFD; so only text holding a
        // U+FFFD (rare, and sometimes legitimately encoded) needs the validator.
        String fast = new String(bytes, StandardCharsets.UTF_8);
        if (fast.indexOf('\uFFFD') < 0 || Utf8.isValid(bytes, 0, bytes.length)) {
            return new Decoded(fast, null);
        }
        return decodeLeniently(bytes);
    }

    private static Decoded decodeLeniently(byte[] bytes) {
        CharsetDecoder d = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length + 1);
        StringBuilder bad = new StringBuilder();
        int badCount = 0;
        while (true) {
            CoderResult r = d.decode(in, out, true);
            if (r.isUnderflow()) {
                break;
            }
            if (r.isError()) {
                int at = in.position();
                for (int k = 0; k < r.length(); k++) {
                    if (badCount < SHOWN_BAD_BYTES) {
                        bad.append(badCount == 0 ? "" : ", ")
                                .append(String.format(Locale.ROOT, "0x%02X at byte %d", bytes[at + k] & 0xff, at + k));
                    }
                    badCount++;
                }
                out.put('\uFFFD');
                in.position(at + r.length());
            }
        }
        d.flush(out);
        out.flip();
        String more = badCount > SHOWN_BAD_BYTES ? " and " + (badCount - SHOWN_BAD_BYTES) + " more" : "";
        return new Decoded(out.toString(), "not UTF-8: " + badCount + " invalid byte" + (badCount == 1 ? "" : "s")
                + " (" + bad + more + "); the record shows each bad sequence as U+FFFD");
    }

    /** A message when the line looks like binary data, else null. */
    static String binaryJunk(byte[] bytes) {
        int controls = 0;
        for (int i = 0; i < bytes.length; i++) {
            int b = bytes[i] & 0xff;
            if (b == 0) {
                return "binary data: a NUL byte at byte " + i;
            }
            if (isJunkControl(b)) {
                controls++;
            }
        }
        return dense(controls, bytes.length);
    }

    /** As {@link #binaryJunk(byte[])}, for text already decoded. */
    static String binaryJunk(String s) {
        int controls = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == 0) {
                return "binary data: a NUL character at index " + i;
            }
            if (c < 0x80 && isJunkControl(c)) {
                controls++;
            }
        }
        return dense(controls, s.length());
    }

    private static String dense(int controls, int length) {
        if (controls >= 3 && controls * 20L >= length) {
            return "binary data: " + controls + " control characters in " + length;
        }
        return null;
    }

    private static boolean isJunkControl(int b) {
        return (b < 0x20 && b != '\t' && b != '\n' && b != '\r' && b != '\f' && b != 0x1b) || b == 0x7f;
    }
}
