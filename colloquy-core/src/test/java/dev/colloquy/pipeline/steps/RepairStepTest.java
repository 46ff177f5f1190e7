package dev.colloquy.pipeline.steps;

import static org.assertj.core.api.Assertions.assertThat;

import dev.colloquy.model.Turn;
import dev.colloquy.step.StepResult;
import dev.colloquy.repair.TextRepairer;
import org.junit.jupiter.api.Test;

class RepairStepTest {

    @Test
    void repairsEveryTurnLikeTheRepairEngine() {
        String broken = "CafÃ© au lait, sâ€™il vous plaÃ®t";
        var c = Convs.of("user:" + broken, "assistant:fine");
        var out = ((StepResult.Kept) new RepairStep().apply(c)).conversation();
        assertThat(out.turns()).extracting(Turn::text)
                .containsExactly(TextRepairer.defaults().repair(broken).text(), "fine");
        assertThat(out.turns().get(0).findings()).hasSize(TextRepairer.defaults().repair(broken).repairs().size());
    }

    @Test
    void leavesCleanConversationsUntouched() {
        var c = Convs.of("user:plain text", "assistant:also plain");
        assertThat(((StepResult.Kept) new RepairStep().apply(c)).conversation()).isSameAs(c);
    }
}
