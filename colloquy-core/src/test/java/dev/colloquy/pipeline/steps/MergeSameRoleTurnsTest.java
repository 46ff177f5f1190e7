package dev.colloquy.pipeline.steps;

import static org.assertj.core.api.Assertions.assertThat;

import dev.colloquy.model.Turn;
import dev.colloquy.step.StepResult;
import org.junit.jupiter.api.Test;

class MergeSameRoleTurnsTest {

    @Test
    void joinsConsecutiveTurnsOfOneRole() {
        var c = Convs.of("user:one", "user:two", "assistant:three", "assistant:four", "user:five");
        var out = ((StepResult.Kept) new MergeSameRoleTurns("\n\n").apply(c)).conversation();
        assertThat(out.turns()).extracting(Turn::text).containsExactly("one\n\ntwo", "three\n\nfour", "five");
    }

    @Test
    void returnsTheSameConversationWhenNothingMerges() {
        var c = Convs.of("user:one", "assistant:two");
        assertThat(((StepResult.Kept) new MergeSameRoleTurns(" ").apply(c)).conversation()).isSameAs(c);
    }
}
