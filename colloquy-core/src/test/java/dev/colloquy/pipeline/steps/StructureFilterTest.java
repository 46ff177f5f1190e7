package dev.colloquy.pipeline.steps;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StructureFilterTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            user:q,assistant:a                      | kept
            system:s,user:q,assistant:a             | kept
            assistant:a,user:q                      | does_not_start_with_user
            user:q,user:q2,assistant:a              | roles_not_alternating
            user:q,assistant:                       | no_assistant_reply
            user:q                                  | no_assistant_reply
            """)
    void appliesEachRuleInOrder(String turns, String expected) {
        var c = Convs.of(turns.split(","));
        assertThat(Convs.verdict(new StructureFilter(true, true, true).apply(c))).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            assistant:a,user:q,assistant:b          | kept
            user:q,user:q2,assistant:a              | kept
            """)
    void skipsRulesThatAreSwitchedOff(String turns, String expected) {
        var c = Convs.of(turns.split(","));
        assertThat(Convs.verdict(new StructureFilter(false, false, true).apply(c))).isEqualTo(expected);
    }
}
