package dev.colloquy.signals;

import static org.assertj.core.api.Assertions.assertThat;

import dev.colloquy.model.Conversation;
import dev.colloquy.pipeline.ChainResult;
import dev.colloquy.pipeline.StepChain;
import dev.colloquy.step.Step;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TokensTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Set this to TRUE, now.|5",
        "don’t stop|2",
        "可用输入源|5",
        "Well said. 🥂✨|4",
        "Ульрих Дреппер|2",
        "' ... '|0"
    })
    void splitsWordsCjkCharactersAndSymbols(String text, int expected) {
        assertThat(Tokens.of(text).size()).isEqualTo(expected);
    }

    @Test
    void foldsCaseAndTypographicApostrophes() {
        assertThat(hashOf("Don’t")).isEqualTo(hashOf("don't"));
        assertThat(hashOf("ÉTÉ")).isEqualTo(hashOf("été"));
        assertThat(hashOf("the")).isNotEqualTo(hashOf("then"));
    }

    /** The hash of {@code word}, which must be one token. */
    private static long hashOf(String word) {
        Tokens t = Tokens.of(word);
        assertThat(t.size()).as(word).isEqualTo(1);
        return t.hash(0);
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3})
    void extendsNgramsExactlyAsItHashesThem(long seed) {
        Tokens t = Tokens.of(Fixtures.randomText(new Random(seed), 3000));
        long[] hashes = new long[t.size()];
        for (int n = 1; n <= 6; n++) {
            t.extendNgrams(hashes, n);
            for (int i = 0; i + n <= t.size(); i++) {
                assertThat(hashes[i]).as("seed %d n %d i %d", seed, n, i).isEqualTo(t.ngram(i, n));
            }
        }
    }

    @Test
    void countsSixtyFourBitKeysIncludingZero() {
        LongCounts c = new LongCounts(2);
        for (long k = -500; k < 500; k++) {
            c.add(k);
            c.add(k);
        }
        assertThat(c.get(0)).isEqualTo(2);
        assertThat(c.get(-500)).isEqualTo(2);
        assertThat(c.get(499)).isEqualTo(2);
        assertThat(c.get(500)).isZero();
        c.clear();
        assertThat(c.contains(1)).isFalse();
    }

    /**
     * The repetition, echo and agreement-loop steps read one tokenization of each turn when a chain runs them; what
     * they find is what each finds alone.
     */
    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5})
    void givesTheWordStepsOfAChainTheSameFindingsAsEachStepAlone(long seed) {
        List<Step> steps = List.of(new RepetitionDetector(), new EchoDetector(), new AgreementLoopDetector());
        StepChain chain = new StepChain(steps);
        Random rnd = new Random(seed);
        List<Conversation> conversations = new ArrayList<>(List.of(Fixtures.seed()));
        for (int k = 0; k < 100; k++) {
            conversations.add(loopingConversation(rnd));
        }
        for (Conversation c : conversations) {
            Conversation alone = c;
            for (Step step : steps) {
                alone = Fixtures.kept(step, alone);
            }
            assertThat(((ChainResult.Kept) chain.apply(c)).conversation()).as("seed %d", seed).isEqualTo(alone);
        }
    }

    /** Random turns, some echoing the turn before, some a phrase said again and again, some thanks and toasts. */
    private static Conversation loopingConversation(Random rnd) {
        List<String> texts = new ArrayList<>();
        int n = 1 + rnd.nextInt(8);
        for (int i = 0; i < n; i++) {
            String text = switch (rnd.nextInt(4)) {
                case 0 -> Fixtures.randomText(rnd, 300);
                case 1 -> i == 0 ? "well said " : texts.get(i - 1) + " indeed";
                case 2 -> (Fixtures.randomText(rnd, 20) + " ").repeat(4 + rnd.nextInt(4));
                default -> "Well said, here's to that! Cheers " + Fixtures.randomText(rnd, 30);
            };
            texts.add(text);
        }
        return Fixtures.dialogue(texts.toArray(String[]::new));
    }
}
