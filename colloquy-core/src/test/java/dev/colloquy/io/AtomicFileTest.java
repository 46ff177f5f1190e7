package dev.colloquy.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFileTest {

    @TempDir
    Path dir;

    @Test
    void appearsOnlyOnCommit() throws IOException {
        Path target = dir.resolve("out.jsonl");
        try (AtomicFile f = AtomicFile.create(target)) {
            f.writer().write("line\n");
            f.writer().flush();
            assertThat(target).doesNotExist();
            assertThat(f.temp()).exists();
            f.commit();
        }
        assertThat(Files.readString(target, StandardCharsets.UTF_8)).isEqualTo("line\n");
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactly(target);
        }
    }

    @Test
    void closingWithoutCommitLeavesNothingAndKeepsTheOldFile() throws IOException {
        Path target = dir.resolve("out.jsonl");
        Files.writeString(target, "old", StandardCharsets.UTF_8);
        Path temp;
        try (AtomicFile f = AtomicFile.create(target)) {
            f.writer().write("partial");
            temp = f.temp();
        }
        assertThat(temp).doesNotExist();
        assertThat(Files.readString(target, StandardCharsets.UTF_8)).isEqualTo("old");
    }

    @Test
    void failsUpFrontWhenTheDirectoryIsMissing() {
        assertThatThrownBy(() -> AtomicFile.create(dir.resolve("no/such/dir/out.jsonl"))).isInstanceOf(IOException.class);
    }
}
