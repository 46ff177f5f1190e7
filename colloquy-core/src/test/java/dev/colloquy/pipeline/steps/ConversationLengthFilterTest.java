package dev.colloquy.pipeline.steps;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConversationLengthFilterTest {

    @ParameterizedTest(name = "{0} + {1} with min {2} max {3} -> {4}")
    @CsvSource({"hello, world, 10, 10, kept", "hi, yo, 10, 100, conversation_too_short",
            "hello, world, 1, 9, conversation_too_long", "'𝄞𝄞𝄞', '𝄞𝄞', 5, 5, kept"})
    void countsAllTurnsTogetherInCodePoints(String a, String b, long min, long max, String expected) {
        var c = Convs.of("user:" + a, "assistant:" + b);
        assertThat(Convs.verdict(new ConversationLengthFilter(min, max).apply(c))).isEqualTo(expected);
    }
}
