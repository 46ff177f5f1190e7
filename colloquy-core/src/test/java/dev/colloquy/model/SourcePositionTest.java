package dev.colloquy.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SourcePositionTest {

    @Test
    void rendersAsPathColonLine() {
        assertThat(new SourcePosition("data/chats.jsonl", 42)).hasToString("data/chats.jsonl:42");
        assertThat(new SourcePosition("-", 1)).hasToString("-:1");
    }

    @Test
    void rejectsANegativeLineNamingIt() {
        assertThatThrownBy(() -> new SourcePosition("f", -1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("line must be >= 0, was -1");
    }

    @Test
    void rejectsAMissingFile() {
        assertThatThrownBy(() -> new SourcePosition(null, 1)).hasMessage("file");
    }
}
