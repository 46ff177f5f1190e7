package dev.colloquy.pipeline.steps;

import static org.assertj.core.api.Assertions.assertThat;

import dev.colloquy.step.StepResult;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TrainingReadyFilterTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            user:q,assistant:a                          | kept                  |
            system:be brief,user:q,assistant:a,user:q2  | kept                  |
            user:q                                      | not_training_ready    | has no assistant reply
            assistant:a,user:q                          | not_training_ready    | turn 0 is assistant where user was due
            user:q,system:s,assistant:a                 | not_training_ready    | turn 1 is a system turn after the start
            user:q,tool:result,assistant:a              | not_training_ready    | turn 1 is a tool turn without a tool call before it
            user:q,assistant: ,user:q2,assistant:a      | not_training_ready    | turn 1 (assistant) is empty
            system:s                                    | not_training_ready    | has no user or assistant turn
            """)
    void keepsOnlyWhatStrictChatTemplatesRender(String turns, String expected, String why) {
        StepResult r = new TrainingReadyFilter().apply(Convs.of(turns.split(",")));
        assertThat(Convs.verdict(r)).isEqualTo(expected);
        if (why != null) {
            assertThat(((StepResult.Rejected) r).message()).endsWith(why);
        }
    }
}
