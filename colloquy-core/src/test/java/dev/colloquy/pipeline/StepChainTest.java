package dev.colloquy.pipeline;

import dev.colloquy.step.StepResult;
import dev.colloquy.step.Step;
import dev.colloquy.step.TurnAnalyses;
import dev.colloquy.step.TurnAnalysis;
import static org.assertj.core.api.Assertions.assertThat;

import dev.colloquy.model.Conversation;
import dev.colloquy.model.Role;
import dev.colloquy.model.SourcePosition;
import dev.colloquy.model.Turn;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;

class StepChainTest {

    private static final Conversation C = new Conversation("x", new SourcePosition("f.jsonl", 7),
            List.of(new Turn("A", Role.USER, "hello")));

    private static Step named(String name, java.util.function.Function<Conversation, StepResult> f) {
        return analysing(name, (c, analyses) -> f.apply(c));
    }

    /** A step that may read the analyses the chain hands it. */
    private static Step analysing(String name, BiFunction<Conversation, TurnAnalyses, StepResult> f) {
        return new Step() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public StepResult apply(Conversation c) {
                return apply(c, new TurnAnalyses());
            }

            @Override
            public StepResult apply(Conversation c, TurnAnalyses analyses) {
                return f.apply(c, analyses);
            }
        };
    }

    @Test
    void stopsAtTheFirstRejectionAndQuarantinesTheOriginalRecord() {
        StepChain chain = new StepChain(List.of(
                named("upper", c -> StepResult.kept(c.withTurns(List.of(c.turns().get(0).withText("HELLO"))))),
                named("picky", c -> StepResult.rejected(c, "too_loud", "shouting")),
                named("never", c -> {
                    throw new AssertionError("must not run");
                })));
        ChainResult r = chain.apply(C);
        var q = ((ChainResult.Quarantined) r).rejection();
        assertThat(q.step()).isEqualTo("picky");
        assertThat(q.reason()).isEqualTo("too_loud");
        assertThat(q.source()).hasToString("f.jsonl:7");
        assertThat(q.record()).isSameAs(C);
    }

    @Test
    void quarantinesARecordWhoseStepThrowsInsteadOfEndingTheRun() {
        StepChain chain = new StepChain(List.of(named("buggy", c -> {
            throw new IllegalStateException("boom");
        })));
        var q = ((ChainResult.Quarantined) chain.apply(C)).rejection();
        assertThat(q.reason()).isEqualTo("step_error");
        assertThat(q.message()).contains("buggy").contains("IllegalStateException: boom");
    }

    @Test
    void keepsTheConversationAsChangedByEveryStep() {
        StepChain chain = new StepChain(List.of(
                named("a", c -> StepResult.kept(c.withId("a"))), named("b", c -> StepResult.kept(c.withId(c.id() + "b")))));
        assertThat(chain.names()).containsExactly("a", "b");
        assertThat(((ChainResult.Kept) chain.apply(C, new long[2])).conversation().id()).isEqualTo("ab");
    }

    /** A step that reads the length analysis of every turn and records the answers it got. */
    private static Step reading(String name, TurnAnalysis<Integer> length, List<Integer> seen) {
        return analysing(name, (c, analyses) -> {
            c.turns().forEach(t -> seen.add(analyses.of(length, t.text())));
            return StepResult.kept(c);
        });
    }

    @Test
    void makesEachTurnAnalysisOncePerConversationForAllItsSteps() {
        List<String> made = new ArrayList<>();
        TurnAnalysis<Integer> length = text -> {
            made.add(text);
            return text.length();
        };
        List<Integer> seen = new ArrayList<>();
        StepChain chain = new StepChain(List.of(reading("first", length, seen), reading("second", length, seen)));
        chain.apply(C);
        chain.apply(C);
        assertThat(seen).containsExactly(5, 5, 5, 5);
        assertThat(made).as("once per conversation, not once per step nor once for all runs")
                .containsExactly("hello", "hello");
    }

    @Test
    void givesTheStepsAfterAChangeTheAnalysisOfTheChangedText() {
        TurnAnalysis<Integer> length = String::length;
        List<Integer> seen = new ArrayList<>();
        StepChain chain = new StepChain(List.of(reading("before", length, seen),
                named("shout", c -> StepResult.kept(c.withTurns(List.of(c.turns().get(0).withText("HELLO!!"))))),
                reading("after", length, seen)));
        chain.apply(C);
        assertThat(seen).containsExactly(5, 7);
    }
}
