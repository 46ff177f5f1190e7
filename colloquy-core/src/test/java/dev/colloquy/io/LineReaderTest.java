package dev.colloquy.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LineReaderTest {

    private static List<LineReader.Line> lines(InputStream in, int cap) {
        List<LineReader.Line> out = new ArrayList<>();
        LineReader r = new LineReader(in, cap);
        for (LineReader.Line l = r.next(); l != null; l = r.next()) {
            out.add(l);
        }
        return out;
    }

    private static List<String> texts(String s, int cap) {
        return lines(new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8)), cap).stream()
                .map(l -> new String(l.bytes(), StandardCharsets.UTF_8)).toList();
    }

    @Test
    void splitsOnNewlineOnlyKeepingCarriageReturns() {
        assertThat(texts("a\r\nb\n\nc", 100)).containsExactly("a\r", "b", "", "c");
        assertThat(texts("a\n", 100)).containsExactly("a");
        assertThat(texts("", 100)).isEmpty();
    }

    @Test
    void capsLongLinesAndSkipsTheirRest() {
        List<LineReader.Line> l = lines(new ByteArrayInputStream(("x".repeat(300_000) + "\nshort\n")
                .getBytes(StandardCharsets.UTF_8)), 1000);
        assertThat(l).hasSize(2);
        assertThat(l.get(0).tooLong()).isTrue();
        assertThat(l.get(0).bytes()).hasSize(1000);
        assertThat(l.get(0).fullLength()).isEqualTo(300_000);
        assertThat(l.get(1).number()).isEqualTo(2);
        assertThat(new String(l.get(1).bytes(), StandardCharsets.UTF_8)).isEqualTo("short");
    }

    @Test
    void endsWithTheReadErrorAndThePartialLine() {
        InputStream failing = new SequenceInputStream(new ByteArrayInputStream("ok\npart".getBytes(StandardCharsets.UTF_8)),
                new InputStream() {
                    @Override
                    public int read() throws IOException {
                        throw new IOException("boom");
                    }
                });
        List<LineReader.Line> l = lines(failing, 100);
        assertThat(l).hasSize(2);
        assertThat(l.get(1).error()).hasMessage("boom");
        assertThat(new String(l.get(1).bytes(), StandardCharsets.UTF_8)).isEqualTo("part");
    }

    @ParameterizedTest
    @ValueSource(longs = {1L, 42L, 20251125L})
    void matchesSplittingInMemoryOnRandomInput(long seed) {
        Random rnd = new Random(seed);
        byte[] b = new byte[200_000];
        for (int i = 0; i < b.length; i++) {
            b[i] = rnd.nextInt(20) == 0 ? (byte) '\n' : (byte) rnd.nextInt(256);
        }
        List<LineReader.Line> got = lines(new ByteArrayInputStream(b), 1 << 20);
        String latin = new String(b, StandardCharsets.ISO_8859_1);
        List<String> expected = new ArrayList<>(List.of(latin.split("\n", -1)));
        if (latin.endsWith("\n")) {
            expected.remove(expected.size() - 1);
        }
        assertThat(got.stream().map(l -> new String(l.bytes(), StandardCharsets.ISO_8859_1)).toList())
                .as("seed %d", seed).isEqualTo(expected);
    }
}
