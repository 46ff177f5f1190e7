package dev.colloquy.bench;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class MoCatalogTest {

    @Test
    void readsTranslationsAndSplitsPluralForms() {
        byte[] mo = catalog(StandardCharsets.UTF_8, "Content-Type: text/plain; charset=UTF-8\n",
                "file", "Datei", "one\0many", "eine Datei\0%d Dateien");
        assertThat(MoCatalog.translations(mo)).containsExactly("Datei", "eine Datei", "%d Dateien");
    }

    @Test
    void decodesWithTheCharsetTheHeaderNames() {
        byte[] mo = catalog(Charset.forName("ISO-8859-1"), "Content-Type: text/plain; charset=ISO-8859-1\n",
                "size", "Größe");
        assertThat(MoCatalog.translations(mo)).containsExactly("Größe");
    }

    @Test
    void returnsNothingForAFileThatIsNotACatalog() {
        assertThat(MoCatalog.translations("not a catalog at all, just text".getBytes(StandardCharsets.UTF_8))).isEmpty();
        assertThat(MoCatalog.translations(new byte[3])).isEmpty();
    }

    /** A little-endian .mo file with the header entry first, then msgid/msgstr pairs as given. */
    static byte[] catalog(Charset charset, String header, String... pairs) {
        List<String> ids = new java.util.ArrayList<>(List.of(""));
        List<String> strs = new java.util.ArrayList<>(List.of(header));
        for (int i = 0; i < pairs.length; i += 2) {
            ids.add(pairs[i]);
            strs.add(pairs[i + 1]);
        }
        int n = ids.size();
        int tables = 28;
        int data = tables + 16 * n;
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        ByteBuffer head = ByteBuffer.allocate(data).order(ByteOrder.LITTLE_ENDIAN);
        head.putInt(0x950412de).putInt(0).putInt(n).putInt(tables).putInt(tables + 8 * n).putInt(0).putInt(0);
        for (int t = 0; t < 2; t++) {
            for (int i = 0; i < n; i++) {
                byte[] b = (t == 0 ? ids : strs).get(i).getBytes(charset);
                head.putInt(tables + 8 * (t * n + i), b.length);
                head.putInt(tables + 8 * (t * n + i) + 4, data + body.size());
                body.writeBytes(b);
                body.write(0);
            }
        }
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        all.writeBytes(head.array());
        all.writeBytes(body.toByteArray());
        return all.toByteArray();
    }
}
