package dev.colloquy.bench;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the translations out of a compiled gettext catalog ({@code .mo}), so benchmark text in dozens
 * of languages comes from real translations shipped with Debian, without installing gettext.
 */
final class MoCatalog {

    /*
     * The .mo format: a 28-byte header (magic 0x950412de in the file's byte order, revision, N,
     * offset of the original-string table, offset of the translation table, hash table size and
     * offset), then two tables of N (length, offset) pairs. Entry 0 with an empty msgid is the
     * header, whose Content-Type names the charset of every string. Plural translations are
     * NUL-separated forms; each form is kept as its own string.
     */
    private static final int MAGIC = 0x950412de;
    private static final Pattern CHARSET = Pattern.compile("charset=([A-Za-z0-9_.:-]+)");

    private MoCatalog() {
    }

    /** Every non-empty translated string of the catalog, in file order; empty for a file that is not a catalog. */
    static List<String> translations(Path file) throws IOException {
        return translations(Files.readAllBytes(file));
    }

    static List<String> translations(byte[] data) {
        return translations(data, false);
    }

    /**
     * Like {@link #translations(Path)}; with {@code skipUntranslated}, a translation equal to its original (an
     * untranslated string copied into the catalog, often English in another language's file) is left out too.
     */
    static List<String> translations(Path file, boolean skipUntranslated) throws IOException {
        return translations(Files.readAllBytes(file), skipUntranslated);
    }

    static List<String> translations(byte[] data, boolean skipUntranslated) {
        if (data.length < 28) {
            return List.of();
        }
        ByteBuffer buf = ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN);
        if (buf.getInt(0) != MAGIC) {
            buf.order(ByteOrder.BIG_ENDIAN);
            if (buf.getInt(0) != MAGIC) {
                return List.of();
            }
        }
        int count = buf.getInt(8);
        int originals = buf.getInt(12);
        int translations = buf.getInt(16);
        if (count < 0 || !fits(data, originals, count) || !fits(data, translations, count)) {
            return List.of();
        }
        Charset charset = StandardCharsets.UTF_8;
        List<String> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int idLength = buf.getInt(originals + 8 * i);
            int length = buf.getInt(translations + 8 * i);
            int offset = buf.getInt(translations + 8 * i + 4);
            if (length < 0 || offset < 0 || (long) offset + length > data.length) {
                continue;
            }
            String text = new String(data, offset, length, charset);
            if (idLength == 0) {
                charset = charsetOf(text);
                continue;
            }
            int idOffset = buf.getInt(originals + 8 * i + 4);
            if (skipUntranslated && idLength == length && idOffset >= 0 && (long) idOffset + idLength <= data.length
                    && java.util.Arrays.equals(data, idOffset, idOffset + idLength, data, offset, offset + length)) {
                continue;
            }
            for (String form : text.split("\0")) {
                if (!form.isBlank()) {
                    out.add(form);
                }
            }
        }
        return out;
    }

    private static boolean fits(byte[] data, int tableOffset, int count) {
        return tableOffset >= 0 && (long) tableOffset + 8L * count <= data.length;
    }

    private static Charset charsetOf(String header) {
        Matcher m = CHARSET.matcher(header);
        if (!m.find()) {
            return StandardCharsets.UTF_8;
        }
        try {
            return Charset.forName(m.group(1).toUpperCase(Locale.ROOT));
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            return StandardCharsets.UTF_8;
        }
    }
}
