package dev.colloquy.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LineJournalTest {

    @TempDir
    Path dir;

    @Test
    void countsTheBytesAndNewlinesItAppends() throws IOException {
        try (LineJournal j = LineJournal.open(dir.resolve("j"), 0, 0)) {
            j.write("{\"a\":\"é\"}");
            j.write("[A]: one\n[B]: two"); // a transcript record spans lines
            j.flush();
            assertThat(j.bytes()).isEqualTo(Files.size(dir.resolve("j"))).isEqualTo(11 + 18);
            assertThat(j.lines()).isEqualTo(3);
        }
    }

    @Test
    void resumesAfterTheRecordedEndDroppingWhatFollowsIt() throws IOException {
        Path file = Files.writeString(dir.resolve("j"), "one\ntwo\nthr");
        try (LineJournal j = LineJournal.open(file, 8, 2)) {
            j.write("three");
            assertThat(j.lines()).isEqualTo(3);
        }
        assertThat(Files.readString(file)).isEqualTo("one\ntwo\nthree\n");
    }

    @Test
    void refusesAFileShorterThanTheRecordedEnd() throws IOException {
        Path file = Files.writeString(dir.resolve("j"), "one\n");
        assertThatThrownBy(() -> LineJournal.open(file, 8, 2)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("cannot --resume").hasMessageContaining("4 bytes where the checkpoints say 8");
        assertThat(Files.readString(file)).isEqualTo("one\n");
    }

    @Test
    void publishesItsLinesOverAnExistingFileAndKeepsItsOwnName() throws IOException {
        Path target = Files.writeString(dir.resolve("kept.jsonl"), "an earlier run's\n");
        Path file = dir.resolve("work.lines");
        try (LineJournal j = LineJournal.open(file, 0, 0)) {
            j.write("a");
            j.write("b");
            j.publish(target);
        }
        assertThat(Files.readString(target, StandardCharsets.UTF_8)).isEqualTo("a\nb\n");
        assertThat(Files.readString(file, StandardCharsets.UTF_8)).isEqualTo("a\nb\n");
        try (var names = Files.list(dir)) {
            assertThat(names.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("kept.jsonl", "work.lines");
        }
    }
}
