package dev.colloquy.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Random;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

class DecompressionTest {

    private static byte[] gzip(byte[] block, int times) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        try (OutputStream z = new GZIPOutputStream(b)) {
            for (int i = 0; i < times; i++) {
                z.write(block);
            }
        }
        return b.toByteArray();
    }

    private static long drain(InputStream in) throws IOException {
        byte[] buf = new byte[1 << 16];
        long n = 0;
        int r;
        while ((r = in.read(buf)) > 0) {
            n += r;
        }
        return n;
    }

    @Test
    void stopsAStreamOfNewlinesThatExpandsPastTheRatioCapNamingIt() throws IOException {
        byte[] newlines = new byte[1 << 20];
        java.util.Arrays.fill(newlines, (byte) '\n');
        byte[] bomb = gzip(newlines, 8); // 8 MiB from about 8 KiB
        try (InputStream in = Decompression.wrap(new ByteArrayInputStream(bomb), 1 << 20)) {
            assertThatThrownBy(() -> drain(in)).isInstanceOf(ExpansionLimitException.class)
                    .hasMessageContaining("gzip stream expands more than " + Decompression.MAX_RATIO + "-fold");
        }
    }

    @Test
    void readsAWellCompressedFileUnderTheFloorAndOrdinaryTextOfAnySize() throws IOException {
        byte[] zeros = new byte[1 << 20];
        try (InputStream in = Decompression.wrap(new ByteArrayInputStream(gzip(zeros, 4)), 8 << 20)) {
            assertThat(drain(in)).isEqualTo(4L << 20); // 1000-fold, but under the floor
        }
        // text-like bytes compress a few-fold: never stopped however long
        byte[] text = new byte[1 << 20];
        Random r = new Random(13);
        for (int i = 0; i < text.length; i++) {
            text[i] = (byte) (i % 7 == 0 ? ' ' : 'a' + r.nextInt(26));
        }
        try (InputStream in = Decompression.wrap(new ByteArrayInputStream(gzip(text, 8)), 1 << 20)) {
            assertThat(drain(in)).isEqualTo(8L << 20);
        }
    }
}
