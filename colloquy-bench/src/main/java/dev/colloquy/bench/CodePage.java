package dev.colloquy.bench;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * A single-byte code page, used to damage UTF-8 text the way real software does: the text's UTF-8
 * bytes are read one byte per character with this table.
 */
final class CodePage {

    /*
     * Tables come from the JDK's own charsets, one byte at a time. Java decodes a byte the code page
     * leaves undefined as U+FFFD; real readers differ, and both behaviours are modelled:
     *  - sloppy (Windows' MultiByteToWideChar, browsers, ftfy's "sloppy" codecs): an undefined byte in
     *    0x80-0x9F becomes the C1 control with the same number, so nothing is lost;
     *  - lossy (what most exported corpora show): undefined bytes vanish, the soft hyphen vanishes
     *    because renderers hide it, and the no-break space becomes a plain space.
     * An undefined byte at 0xA0 or above has no sloppy reading, so such a text cannot be damaged
     * reversibly with that page.
     */
    static final List<String> NAMES = List.of(
            "windows-1250", "windows-1251", "windows-1252", "windows-1253", "windows-1254",
            "windows-1255", "windows-1256", "windows-1257", "windows-1258",
            "ISO-8859-1", "ISO-8859-2", "ISO-8859-5", "ISO-8859-7", "ISO-8859-9", "ISO-8859-15",
            "KOI8-R", "KOI8-U", "x-MacRoman", "IBM437", "IBM850", "IBM866");

    private static final char UNDEFINED = '\uFFFD';
    private static final char SOFT_HYPHEN = '\u00AD';
    private static final char NO_BREAK_SPACE = '\u00A0';

    private final String name;
    private final char[] table = new char[256];

    private CodePage(String name) {
        this.name = name;
        Charset charset = Charset.forName(name);
        for (int b = 0; b < 256; b++) {
            String s = new String(new byte[] {(byte) b}, charset);
            table[b] = s.length() == 1 ? s.charAt(0) : UNDEFINED;
        }
    }

    static CodePage named(String name) {
        return new CodePage(name);
    }

    static List<CodePage> all() {
        return NAMES.stream().map(CodePage::new).toList();
    }

    /** The lowercase name used in reports, e.g. {@code windows-1254}, {@code macroman}, {@code cp437}. */
    String name() {
        return name.toLowerCase(java.util.Locale.ROOT).replace("x-", "").replace("ibm", "cp");
    }

    /** The text's UTF-8 bytes read with this page, nothing lost; empty when an undefined byte above 0x9F occurs. */
    Optional<String> mangle(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        StringBuilder out = new StringBuilder(bytes.length);
        for (byte value : bytes) {
            int b = value & 0xFF;
            char c = table[b];
            if (c == UNDEFINED) {
                if (b > 0x9F) {
                    return Optional.empty();
                }
                c = (char) b;
            }
            out.append(c);
        }
        return Optional.of(out.toString());
    }

    /**
     * The text's UTF-8 bytes read with this page the lossy way; {@link Lossy#lost()} counts bytes that vanished
     * or changed, split by kind: undefined bytes dropped, soft hyphens dropped, no-break spaces made spaces.
     */
    Lossy mangleLossy(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        StringBuilder out = new StringBuilder(bytes.length);
        int undefined = 0;
        int softHyphens = 0;
        int noBreakSpaces = 0;
        for (byte value : bytes) {
            char c = table[value & 0xFF];
            if (c == UNDEFINED) {
                undefined++;
            } else if (c == SOFT_HYPHEN) {
                softHyphens++;
            } else if (c == NO_BREAK_SPACE) {
                noBreakSpaces++;
                out.append(' ');
            } else {
                out.append(c);
            }
        }
        return new Lossy(out.toString(), undefined, softHyphens, noBreakSpaces);
    }

    /** A lossy mangling and how many bytes of each kind it lost. */
    record Lossy(String text, int undefined, int softHyphens, int noBreakSpaces) {

        int lost() {
            return undefined + softHyphens + noBreakSpaces;
        }

        /**
         * What was lost, for the report: {@code undefined} when any undefined byte was dropped (whatever else
         * was), else {@code soft-hyphen}, else {@code nbsp} (no-break spaces flattened only).
         */
        String kind() {
            return undefined > 0 ? "undefined" : softHyphens > 0 ? "soft-hyphen" : "nbsp";
        }
    }
}
