package dev.colloquy.pipeline.steps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.colloquy.step.StepParameters;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class TurnCountFilterTest {

    @ParameterizedTest(name = "{0} turns with min {1} max {2} -> {3}")
    @CsvSource({"1, 2, 0, too_few_turns", "2, 2, 0, kept", "4, 2, 4, kept", "5, 2, 4, too_many_turns",
            "0, 0, 0, kept"})
    void keepsOnlyConversationsWithinTheTurnBounds(int turns, int min, int max, String expected) {
        String[] t = new String[turns];
        for (int i = 0; i < turns; i++) {
            t[i] = (i % 2 == 0 ? "user:" : "assistant:") + "text " + i;
        }
        var step = new TurnCountFilter.Factory().create(new StepParameters("turns", Map.of("min", min, "max", max)));
        assertThat(Convs.verdict(step.apply(Convs.of(t)))).isEqualTo(expected);
    }

    @Test
    void rejectsAMinimumAboveTheMaximum() {
        assertThatThrownBy(() -> new TurnCountFilter.Factory().create(
                new StepParameters("turns", Map.of("min", 5, "max", 2))))
                .hasMessageContaining("'min' (5) is larger than 'max' (2)");
    }
}
