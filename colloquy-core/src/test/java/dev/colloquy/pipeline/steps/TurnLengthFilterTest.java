package dev.colloquy.pipeline.steps;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TurnLengthFilterTest {

    @ParameterizedTest(name = "{0} / {1} with min {2} max {3} -> {4}")
    @CsvSource({"hello, hi there, 2, 10, kept", "hello, a, 2, 10, turn_too_short",
            "hello, this reply is far too long, 2, 10, turn_too_long", "'😀😀', '好的', 2, 2, kept"})
    void checksEveryTurnInCodePoints(String user, String assistant, long min, long max, String expected) {
        var c = Convs.of("user:" + user, "assistant:" + assistant);
        assertThat(Convs.verdict(new TurnLengthFilter(min, max).apply(c))).isEqualTo(expected);
    }
}
