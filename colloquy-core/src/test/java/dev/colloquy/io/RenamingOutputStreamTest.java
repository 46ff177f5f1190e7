package dev.colloquy.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import org.junit.jupiter.api.Test;

class RenamingOutputStreamTest {

    private static final OutputStream FULL_DISK = new OutputStream() {
        @Override
        public void write(int b) throws IOException {
            throw new IOException("No space left on device");
        }

        @Override
        public void flush() throws IOException {
            throw new IOException("No space left on device");
        }

        @Override
        public void close() throws IOException {
            throw new IOException("No space left on device");
        }
    };

    @Test
    void passesBytesThroughUnchanged() throws IOException {
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        try (OutputStream out = new RenamingOutputStream(sink, e -> new IOException("out.jsonl", e))) {
            out.write('a');
            out.write("bcd".getBytes(java.nio.charset.StandardCharsets.UTF_8), 1, 2);
        }
        assertThat(sink.toString(java.nio.charset.StandardCharsets.UTF_8)).isEqualTo("acd");
    }

    @Test
    void namesTheOutputOnEveryKindOfFailure() {
        OutputStream out = new RenamingOutputStream(FULL_DISK, e -> new IOException("out.jsonl: " + e.getMessage(), e));
        String expected = "out.jsonl: No space left on device";
        assertThatThrownBy(() -> out.write(1)).hasMessage(expected);
        assertThatThrownBy(() -> out.write(new byte[2], 0, 2)).hasMessage(expected);
        assertThatThrownBy(out::flush).hasMessage(expected);
        assertThatThrownBy(out::close).hasMessage(expected);
    }
}
