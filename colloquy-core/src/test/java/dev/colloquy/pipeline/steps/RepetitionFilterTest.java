package dev.colloquy.pipeline.steps;

import static org.assertj.core.api.Assertions.assertThat;

import dev.colloquy.model.Conversation;
import dev.colloquy.signals.Repetition;
import java.util.List;
import org.junit.jupiter.api.Test;

class RepetitionFilterTest {

    private static Conversation with(List<String> exceeded) {
        Conversation c = Convs.of("user:q", "assistant:a a a a");
        Repetition r = new Repetition(1, 0, 0, 0, 0, List.of(0.0, 0.0, 0.0), List.of(0.0), 0, 0, exceeded);
        return c.withTurns(List.of(c.turns().get(0), c.turns().get(1).withFindings(List.of(r))));
    }

    @Test
    void rejectsATurnOverARepetitionThreshold() {
        assertThat(Convs.verdict(new RepetitionFilter().apply(with(List.of("dup_5gram_char_frac>0.15")))))
                .isEqualTo("repetitive");
    }

    @Test
    void keepsTurnsWithinTheThresholds() {
        assertThat(Convs.verdict(new RepetitionFilter().apply(with(List.of()))))
                .isEqualTo("kept");
    }
}
