package dev.colloquy.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.colloquy.model.SourcePosition;
import org.junit.jupiter.api.Test;

class DuplicateOfTest {

    @Test
    void explainsItselfForTheQuarantine() {
        SourcePosition at = new SourcePosition("data/a.jsonl", 12);

        DuplicateOf exact = new DuplicateOf(DuplicateOf.Kind.EXACT, "r1", at, 1.0);
        DuplicateOf near = new DuplicateOf(DuplicateOf.Kind.NEAR, "r1", at, 0.8671875);

        assertThat(exact.type()).isEqualTo("duplicate_of");
        assertThat(exact.reason()).isEqualTo("exact_duplicate");
        assertThat(exact.message()).isEqualTo("exact duplicate of record 'r1' at data/a.jsonl:12");
        assertThat(near.reason()).isEqualTo("near_duplicate");
        assertThat(near.message()).isEqualTo("near-duplicate (estimated Jaccard 0.87) of record 'r1' at data/a.jsonl:12");
    }
}
