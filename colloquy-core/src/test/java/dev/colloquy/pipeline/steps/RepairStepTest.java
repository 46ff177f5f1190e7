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
        // windows-1257 mojibake of Greek "αντίθεσης" whose σ lost its last byte (0x83, or 0x81 for ρ: both undefined
        // there, and Lingua's Greek model, unigrams only, rates them alike)
        String broken = "Ī‘Ī»Ī»Ī±Ī³Ī® Ī±Ī½Ļ„ĪÆĪøĪµĻĪ·Ļ‚ Ļ„ĪæĻ… Ī³Ī±Ī»Ī¬Ī¶Ī¹ĪæĻ…";
        var c = Convs.of("user:" + broken, "assistant:fine");
        var out = ((StepResult.Kept) new RepairStep().apply(c)).conversation();
        Turn t = out.turns().get(0);
        assertThat(t.text()).isEqualTo("Αλλαγή αντίθεĻης του γαλάζιου");
        assertThat(t.findings()).filteredOn(f -> f instanceof UnresolvedSpan).singleElement()
                .satisfies(f -> {
                    assertThat(f.type()).isEqualTo("mojibake_unresolved");
                    assertThat(((UnresolvedSpan) f).offset()).isEqualTo(13);
                });
        assertThat(t.findings()).filteredOn(f -> f.type().equals("mojibake_repaired")).isNotEmpty();
    }

    @Test
    void leavesCleanConversationsUntouched() {
        var c = Convs.of("user:plain text", "assistant:also plain");
        assertThat(((StepResult.Kept) new RepairStep().apply(c)).conversation()).isSameAs(c);
    }
}
