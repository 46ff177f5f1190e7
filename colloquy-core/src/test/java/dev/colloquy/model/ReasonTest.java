package dev.colloquy.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class ReasonTest {

    private static final SourcePosition AT = new SourcePosition("in.jsonl", 3);

    @Test
    void isAValueComparedByItsCode() {
        assertThat(Reason.of("too_few_turns")).isEqualTo(new Reason("too_few_turns"))
                .hasSameHashCodeAs(new Reason("too_few_turns"))
                .isNotEqualTo(Reason.of("too_many_turns"))
                .hasToString("too_few_turns");
    }

    @Test
    void ordersByCodeAsStatsJsonListsThem() {
        TreeSet<Reason> sorted = new TreeSet<>(List.of(Reason.of("turn_too_long"), Reason.of("blocklisted"),
                Reason.of("no_messages")));

        assertThat(sorted).extracting(Reason::code).containsExactly("blocklisted", "no_messages", "turn_too_long");
    }

    @Test
    void requiresACode() {
        assertThatThrownBy(() -> Reason.of(null)).hasMessage("reason");
    }

    @Test
    void aRejectionBuiltFromTheCodeEqualsOneBuiltFromTheReason() {
        Rejection byCode = new Rejection(AT, "read", "malformed_json", "invalid JSON", "{");
        Rejection typed = Rejection.of(AT, "read", Reason.of("malformed_json"), "invalid JSON", "{");

        assertThat(typed).isEqualTo(byCode).hasSameHashCodeAs(byCode);
        assertThat(typed.why()).isEqualTo(Reason.of("malformed_json"));
        assertThat(typed.reason()).isEqualTo("malformed_json");
        assertThat(typed).isNotEqualTo(Rejection.of(AT, "read", Reason.of("no_messages"), "invalid JSON", "{"));
    }
}
