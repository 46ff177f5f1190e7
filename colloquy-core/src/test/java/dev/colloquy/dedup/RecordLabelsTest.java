package dev.colloquy.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.colloquy.model.SourcePosition;
import org.junit.jupiter.api.Test;

class RecordLabelsTest {

    @Test
    void givesBackEveryIdAndSourceAcrossChunksAndBlocks() {
        RecordLabels labels = new RecordLabels();
        String longId = "x".repeat(70_000);
        for (int r = 0; r < 5000; r++) {
            String id = r == 2500 ? longId : "conv-" + r + (r % 7 == 0 ? "-héllo-日本" : "");
            labels.add(id, new SourcePosition("file-" + (r % 3) + ".jsonl", r + 1));
        }

        assertThat(labels.size()).isEqualTo(5000);
        for (int r = 0; r < 5000; r++) {
            String expected = r == 2500 ? longId.substring(0, Character.MAX_VALUE)
                    : "conv-" + r + (r % 7 == 0 ? "-héllo-日本" : "");
            assertThat(labels.id(r)).isEqualTo(expected);
            assertThat(labels.source(r)).isEqualTo(new SourcePosition("file-" + (r % 3) + ".jsonl", r + 1));
        }
    }
}
