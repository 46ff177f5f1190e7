package dev.colloquy.step;

import static org.assertj.core.api.Assertions.assertThat;

import dev.colloquy.dedup.ContentNormalizer;
import dev.colloquy.dedup.DedupConfig;
import dev.colloquy.model.Conversation;
import dev.colloquy.model.Role;
import dev.colloquy.model.SourcePosition;
import dev.colloquy.model.Turn;
import dev.colloquy.pipeline.ChainResult;
import dev.colloquy.pipeline.StepChain;
import dev.colloquy.pipeline.steps.MergeSameRoleTurns;
import dev.colloquy.pipeline.steps.RepairStep;
import dev.colloquy.pipeline.steps.StructureFilter;
import dev.colloquy.signals.Echo;
import dev.colloquy.signals.EchoDetector;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A preference pair goes through every step whole: each step sees the prompt and both answers. */
class PairStepsTest {

    private static Turn user(String text) {
        return new Turn("user", Role.USER, text);
    }

    private static Turn assistant(String text) {
        return new Turn("assistant", Role.ASSISTANT, text);
    }

    private static Conversation pair(List<Turn> prompt, List<Turn> chosen, List<Turn> rejected) {
        return new Conversation("p", new SourcePosition("p.jsonl", 1), List.of()).withPair(prompt, chosen, rejected);
    }

    private static final Conversation PAIR = pair(List.of(user("Wie spät ist es in Tokio?")),
            List.of(assistant("In Tokio ist es jetzt 21 Uhr.")), List.of(assistant("Keine Ahnung.")));

    @Test
    void keepsAWellFormedPairThroughAStructureFilterThatForbidsTwoAssistantTurnsInARow() {
        // as one list the pair has two assistant turns in a row; as its two dialogues each alternates
        ChainResult r = new StepChain(List.of(new StructureFilter(true, true, true))).apply(PAIR);
        assertThat(r).isInstanceOf(ChainResult.Kept.class);
        assertThat(((ChainResult.Kept) r).conversation()).isEqualTo(PAIR);
    }

    @Test
    void rejectsThePairWholeWhenOneDialogueFails() {
        Conversation bad = pair(List.of(user("Hi")), List.of(assistant("Hello!")), List.of(assistant("  ")));
        ChainResult r = new StepChain(List.of(new StructureFilter(false, false, true))).apply(bad);
        assertThat(r).isInstanceOf(ChainResult.Quarantined.class);
        var rejection = ((ChainResult.Quarantined) r).rejection();
        assertThat(rejection.reason()).isEqualTo("no_assistant_reply");
        assertThat(rejection.message()).startsWith("rejected answer:");
        assertThat(rejection.record()).isEqualTo(bad);
    }

    @Test
    void findsSignalsInEachAnswerAgainstThePromptNotAgainstTheOtherAnswer() {
        String question = "could you please tell me what the capital city of france is called today";
        Conversation p = pair(List.of(user(question)), List.of(assistant("Paris is the capital of France.")),
                List.of(assistant(question)));
        Conversation out = ((StepResult.Kept) PairSteps.apply(new EchoDetector(), p)).conversation();
        assertThat(out.isPair()).isTrue();
        assertThat(out.chosen().get(0).findings(Echo.class)).isEmpty();
        assertThat(out.rejected().get(0).findings(Echo.class)).hasSize(1);
    }

    @Test
    void repairsThePromptAndBothAnswers() {
        Conversation broken = pair(List.of(user("CafÃ© au lait, s'il vous plaÃ®t.")),
                List.of(assistant("Un cafÃ© crÃ¨me.")), List.of(assistant("Pas de cafÃ©.")));
        Conversation out = ((ChainResult.Kept) new StepChain(List.of(new RepairStep())).apply(broken)).conversation();
        assertThat(out.turns()).extracting(Turn::text)
                .containsExactly("Café au lait, s'il vous plaît.", "Un café crème.", "Pas de café.");
        assertThat(out.preference()).isEqualTo(broken.preference());
    }

    @Test
    void mergesWithinEachPartButNeverAnAnswerIntoAnother() {
        Conversation p = pair(List.of(user("a"), user("b")), List.of(assistant("c"), assistant("d")),
                List.of(assistant("e")));
        Conversation out = ((ChainResult.Kept) new StepChain(List.of(new MergeSameRoleTurns(" "))).apply(p))
                .conversation();
        assertThat(out.prompt()).extracting(Turn::text).containsExactly("a b");
        assertThat(out.chosen()).extracting(Turn::text).containsExactly("c d");
        assertThat(out.rejected()).extracting(Turn::text).containsExactly("e");
    }

    @Test
    void dedupKeysOnThePromptAndBothAnswersInTheirPlaces() {
        ContentNormalizer n = new ContentNormalizer(DedupConfig.Scope.CONVERSATION);
        Conversation swapped = pair(PAIR.prompt(), PAIR.rejected(), PAIR.chosen());
        Conversation flat = new Conversation("f", PAIR.source(), PAIR.turns());
        Conversation otherAnswer = pair(PAIR.prompt(), PAIR.chosen(), List.of(assistant("Es ist spät.")));
        assertThat(n.fingerprint(PAIR)).isEqualTo(n.fingerprint(pair(PAIR.prompt(), PAIR.chosen(), PAIR.rejected())));
        assertThat(List.of(n.fingerprint(swapped), n.fingerprint(flat), n.fingerprint(otherAnswer)))
                .doesNotContain(n.fingerprint(PAIR));
    }
}
