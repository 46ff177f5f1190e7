package dev.colloquy.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TurnTest {

    record Mark(String type) implements Finding {
    }

    @Test
    void rejectsAMissingSpeakerRoleOrText() {
        assertThatThrownBy(() -> new Turn(null, Role.USER, "x")).hasMessage("speaker");
        assertThatThrownBy(() -> new Turn("A", null, "x")).hasMessage("role");
        assertThatThrownBy(() -> new Turn("A", Role.USER, null)).hasMessage("text");
    }

    @Test
    void keepsExtraFieldsInSourceOrderIncludingNulls() {
        Map<String, Object> extra = new LinkedHashMap<>();
        extra.put("weight", 0);
        extra.put("name", null);
        extra.put("tool_calls", List.of(Map.of("id", "call_1")));

        Turn t = new Turn("A", Role.ASSISTANT, "", extra, null);

        assertThat(t.extra().keySet()).containsExactly("weight", "name", "tool_calls");
        assertThat(t.extra()).containsEntry("name", null);
        assertThatThrownBy(() -> t.extra().put("x", 1)).isInstanceOf(UnsupportedOperationException.class);
        assertThat(t.findings()).isEmpty();
    }

    @Test
    void withMethodsChangeOneFieldAndKeepTheRest() {
        Turn t = new Turn("A", Role.USER, "cafÃ©", Map.of("name", "ana"), List.of(new Mark("m")));

        Turn fixed = t.withText("café");
        Turn system = t.withRole(Role.SYSTEM);

        assertThat(fixed).isEqualTo(new Turn("A", Role.USER, "café", Map.of("name", "ana"), List.of(new Mark("m"))));
        assertThat(system.role()).isEqualTo(Role.SYSTEM);
        assertThat(system.text()).isEqualTo("cafÃ©");
        assertThat(t.text()).isEqualTo("cafÃ©");
    }

    @Test
    void appendsFindingsAfterThoseAlreadyThere() {
        Turn t = new Turn("A", Role.USER, "x").withFindings(List.of(new Mark("first")))
                .withFindings(List.of(new Mark("second"), new Mark("third")));

        assertThat(t.findings()).extracting(Finding::type).containsExactly("first", "second", "third");
        assertThat(t.findings(Mark.class)).hasSize(3);
    }

    @Test
    void appendingNoFindingsReturnsTheSameTurn() {
        Turn t = new Turn("A", Role.USER, "x");

        assertThat(t.withFindings(List.of())).isSameAs(t);
    }
}
