package dev.colloquy.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConversationTest {

    private static final SourcePosition SOURCE = new SourcePosition("chats.jsonl", 7);

    record Mark(String type) implements Finding {
    }

    private static Conversation twoTurns() {
        return new Conversation("c1", SOURCE, List.of(new Turn("A", Role.USER, "Привет"),
                new Turn("B", Role.ASSISTANT, "Hello 你好")));
    }

    @Test
    void copiesItsTurnsSoLaterChangesToTheCallersListDoNotLeakIn() {
        List<Turn> turns = new ArrayList<>(List.of(new Turn("A", Role.USER, "hi")));
        Conversation c = new Conversation("c1", SOURCE, turns);

        turns.add(new Turn("B", Role.ASSISTANT, "hello"));

        assertThat(c.turns()).hasSize(1);
        assertThatThrownBy(() -> c.turns().add(new Turn("B", Role.ASSISTANT, "x")))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void keepsMetadataInSourceOrderAndAllowsJsonNulls() {
        Map<String, Object> meta = new java.util.LinkedHashMap<>();
        meta.put("zeta", 1);
        meta.put("alpha", null);
        meta.put("mid", "x");

        Conversation c = new Conversation("c1", SOURCE, List.of(), meta, null);

        assertThat(c.metadata().keySet()).containsExactly("zeta", "alpha", "mid");
        assertThat(c.metadata()).containsEntry("alpha", null);
        assertThat(c.findings()).isEmpty();
    }

    @Test
    void rejectsAMissingIdOrSource() {
        assertThatThrownBy(() -> new Conversation(null, SOURCE, List.of())).hasMessage("id");
        assertThatThrownBy(() -> new Conversation("c1", null, List.of())).hasMessage("source");
    }

    @Test
    void withMethodsReturnChangedCopiesAndLeaveTheOriginalAlone() {
        Conversation c = twoTurns();

        Conversation renamed = c.withId("c2");
        Conversation shorter = c.withTurns(c.turns().subList(0, 1));

        assertThat(renamed.id()).isEqualTo("c2");
        assertThat(renamed.turns()).isEqualTo(c.turns());
        assertThat(shorter.turns()).hasSize(1);
        assertThat(c.id()).isEqualTo("c1");
        assertThat(c.turns()).hasSize(2);
    }

    @Test
    void appendsFindingsInOrderAndFiltersThemByKind() {
        Repeated r = new Repeated(2);
        Conversation c = twoTurns().withFindings(List.of(new Mark("loop"))).withFindings(List.of(r));

        assertThat(c.findings()).extracting(Finding::type).containsExactly("loop", "repeated");
        assertThat(c.findings(Repeated.class)).containsExactly(r);
        assertThat(c.findings(Mark.class)).extracting(Mark::type).containsExactly("loop");
    }

    @Test
    void appendingNoFindingsReturnsTheSameConversation() {
        Conversation c = twoTurns();

        assertThat(c.withFindings(List.of())).isSameAs(c);
    }

    @Test
    void measuresTextLengthInUtf16UnitsOverAllTurns() {
        Conversation c = new Conversation("c1", SOURCE, List.of(new Turn("A", Role.USER, "héllo"),
                new Turn("B", Role.ASSISTANT, "😀!")));

        assertThat(c.textLength()).isEqualTo(5 + 3);
    }

    @Test
    void equalConversationsAreEqualValues() {
        assertThat(twoTurns()).isEqualTo(twoTurns()).hasSameHashCodeAs(twoTurns());
        assertThat(twoTurns()).isNotEqualTo(twoTurns().withId("other"));
        assertThat(new HashMap<>(Map.of(twoTurns(), 1))).containsKey(twoTurns());
    }

    record Repeated(int times) implements Finding {
        @Override
        public String type() {
            return "repeated";
        }
    }
}
