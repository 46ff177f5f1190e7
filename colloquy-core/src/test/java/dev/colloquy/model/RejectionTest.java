package dev.colloquy.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RejectionTest {

    private static final SourcePosition AT = new SourcePosition("in.jsonl", 3);

    @Test
    void requiresWhereWhichStepWhyAndAMessage() {
        assertThatThrownBy(() -> new Rejection(null, "read", "malformed_json", "m", "{")).hasMessage("source");
        assertThatThrownBy(() -> new Rejection(AT, null, "malformed_json", "m", "{")).hasMessage("step");
        assertThatThrownBy(() -> new Rejection(AT, "read", null, "m", "{")).hasMessage("reason");
        assertThatThrownBy(() -> new Rejection(AT, "read", "malformed_json", null, "{")).hasMessage("message");
    }

    @Test
    void mayCarryNoRecordWhenNothingCouldBeRead() {
        Rejection r = new Rejection(AT, "read", "empty_file", "the file is empty", null);

        assertThat(r.record()).isNull();
        assertThat(r.source()).hasToString("in.jsonl:3");
    }
}
