package dev.colloquy.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InputSourcesTest {

    @TempDir
    Path dir;

    private Path file(String rel, String content) throws IOException {
        Path p = dir.resolve(rel);
        Files.createDirectories(p.getParent());
        Files.writeString(p, content, StandardCharsets.UTF_8);
        return p;
    }

    @Test
    void expandsDirectoriesRecursivelyInSortedOrderSkippingHiddenFiles() throws IOException {
        file("b/2.jsonl", "x");
        file("a/z/1.txt", "x");
        file("a/0.txt", "x");
        file(".git/config", "x");
        file("a/.hidden", "x");
        List<InputSource> s = InputSources.expand(List.of(dir.toString()));
        assertThat(s).extracting(InputSource::name).containsExactly(
                dir.resolve("a/0.txt").toString(), dir.resolve("a/z/1.txt").toString(), dir.resolve("b/2.jsonl").toString());
    }

    @Test
    void skipsTheJobMarkersOfADirectoryWrittenBySpark() throws IOException {
        file("kept.parquet/_SUCCESS", "");
        file("kept.parquet/._SUCCESS.crc", "x");
        file("kept.parquet/part-00000-1f.zstd.parquet", "x");
        file("kept.parquet/.part-00000-1f.zstd.parquet.crc", "x");
        file("kept.parquet/part-00001-1f.zstd.parquet", "x");
        file("kept.parquet/_temporary/0/part-00002.parquet", "x");
        file("kept.parquet/_notes.jsonl", "x");
        assertThat(InputSources.expand(List.of(dir.resolve("kept.parquet").toString()))).extracting(InputSource::name)
                .containsExactly(dir.resolve("kept.parquet/_notes.jsonl").toString(),
                        dir.resolve("kept.parquet/part-00000-1f.zstd.parquet").toString(),
                        dir.resolve("kept.parquet/part-00001-1f.zstd.parquet").toString());
    }

    @Test
    void expandsGlobs() throws IOException {
        file("d/x.jsonl", "x");
        file("d/y.txt", "x");
        file("d/sub/z.jsonl", "x");
        assertThat(InputSources.expand(List.of(dir + "/d/*.jsonl"))).extracting(InputSource::name)
                .containsExactly(dir.resolve("d/x.jsonl").toString());
        assertThat(InputSources.expand(List.of(dir + "/d/**.jsonl"))).hasSize(2);
    }

    @Test
    void namesAMissingPath() {
        assertThatThrownBy(() -> InputSources.expand(List.of(dir.resolve("missing.txt").toString())))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("missing.txt");
        assertThatThrownBy(() -> InputSources.expand(List.of(dir + "/*.nothing")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("*.nothing");
    }

    @Test
    void readsStdinAsDash() throws IOException {
        InputStream stdin = new ByteArrayInputStream("hello".getBytes(StandardCharsets.UTF_8));
        List<InputSource> s = InputSources.expand(List.of("-"), stdin);
        assertThat(s).singleElement().satisfies(src -> {
            assertThat(src.name()).isEqualTo("-");
            assertThat(src.size()).isEqualTo(-1);
        });
        try (InputStream in = s.get(0).open()) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("hello");
        }
    }

    @Test
    void decompressesGzipByMagicBytesWhateverTheName() throws IOException {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        try (OutputStream gz = new GZIPOutputStream(buf)) {
            gz.write("inside".getBytes(StandardCharsets.UTF_8));
        }
        Path p = dir.resolve("plain-name.txt");
        Files.write(p, buf.toByteArray());
        try (InputStream in = InputSources.of(p).open()) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("inside");
        }
        assertThat(InputSources.of(p).size()).isEqualTo(buf.size());
    }

    @Test
    void reportsADamagedGzipAsATruncatedArchive() throws IOException {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        try (OutputStream gz = new GZIPOutputStream(buf)) {
            gz.write("x".repeat(10_000).getBytes(StandardCharsets.UTF_8));
        }
        byte[] b = buf.toByteArray();
        Path p = dir.resolve("cut.gz");
        Files.write(p, java.util.Arrays.copyOf(b, b.length - 10));
        try (InputStream in = InputSources.of(p).open()) {
            assertThatThrownBy(in::readAllBytes).isInstanceOf(TruncatedArchiveException.class);
        }
    }
}
