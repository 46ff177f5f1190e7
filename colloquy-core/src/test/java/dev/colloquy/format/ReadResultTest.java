package dev.colloquy.format;

import static org.assertj.core.api.Assertions.assertThat;

import dev.colloquy.model.Rejection;
import dev.colloquy.model.SourcePosition;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReadResultTest {

    @Test
    void badOfKeepsTheReasonAndMessageAndCarriesTheOriginalRecord() {
        ReadResult.Bad inner = ReadResult.bad(new SourcePosition("", 0), ReadReason.UNKNOWN_ROLE, "role 'wizard'",
                Map.of("messages", "rewritten"));
        Map<String, Object> original = Map.of("instruction", "hi");

        Rejection r = inner.of(new SourcePosition("a.json", 3), original).rejection();

        assertThat(r).isEqualTo(new Rejection(new SourcePosition("a.json", 3), "read", "unknown_role",
                "role 'wizard'", original));
    }
}
