package dev.colloquy.pipeline.steps;

import static org.assertj.core.api.Assertions.assertThat;

import dev.colloquy.model.Turn;
import dev.colloquy.step.StepResult;
import dev.colloquy.repair.TextRepairer;
import dev.colloquy.repair.UnresolvedSpan;
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
    void reportsASpanLeftUndecidedAsAFindingOnItsTurn() {
        // windows-1254 mojibake of Hebrew "לאומית" whose מ lost its last byte (0x9E, or 0xA0 for נ: both lost there,
        // and the Hebrew bigrams rate "לאומית" and "לאונית" alike)
        String broken = "×”××“×™× ×” ×”×¨×‘ ×œ××•××™×ª ×©×œ ×‘×•×œ×™×‘×™×”";
        var c = Convs.of("user:" + broken, "assistant:fine");
        var out = ((StepResult.Kept) new RepairStep().apply(c)).conversation();
        Turn t = out.turns().get(0);
        assertThat(t.text()).isEqualTo("המדינה הרב לאו×ית של בוליביה");
        assertThat(t.findings()).filteredOn(f -> f instanceof UnresolvedSpan).singleElement()
                .satisfies(f -> {
                    assertThat(f.type()).isEqualTo("mojibake_unresolved");
                    assertThat(((UnresolvedSpan) f).offset()).isEqualTo(14);
                });
        assertThat(t.findings()).filteredOn(f -> f.type().equals("mojibake_repaired")).isNotEmpty();
    }

    @Test
    void leavesCleanConversationsUntouched() {
        var c = Convs.of("user:plain text", "assistant:also plain");
        assertThat(((StepResult.Kept) new RepairStep().apply(c)).conversation()).isSameAs(c);
    }
}
