package dev.colloquy.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class RecordKeyTest {

    @Test
    void ordersByFileThenLineThenIndex() {
        List<RecordKey> keys = new ArrayList<>(List.of(new RecordKey("b.jsonl", 1, 0), new RecordKey("a.jsonl", 10, 0),
                new RecordKey("a.jsonl", 2, 1), new RecordKey("a.jsonl", 2, 0)));
        Collections.sort(keys);

        assertThat(keys).containsExactly(new RecordKey("a.jsonl", 2, 0), new RecordKey("a.jsonl", 2, 1),
                new RecordKey("a.jsonl", 10, 0), new RecordKey("b.jsonl", 1, 0));
    }

    @Test
    void printsLikeASourcePosition() {
        assertThat(new RecordKey("a.jsonl", 3, 0)).hasToString("a.jsonl:3");
        assertThat(new RecordKey("a.jsonl", 3, 2)).hasToString("a.jsonl:3#2");
    }
}
