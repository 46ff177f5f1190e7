package dev.colloquy.pipeline.steps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.colloquy.model.Conversation;
import dev.colloquy.model.Role;
import dev.colloquy.model.SourcePosition;
import dev.colloquy.model.Turn;
import dev.colloquy.step.Step;
import dev.colloquy.step.StepParameters;
import dev.colloquy.step.StepResult;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BlocklistFilterTest {

    private static Conversation chat(String user, String assistant) {
        return new Conversation("c", new SourcePosition("f", 1), List.of(new Turn("user", Role.USER, user),
                new Turn("assistant", Role.ASSISTANT, assistant)));
    }

    private static Step step(Map<String, Object> params) {
        return new BlocklistFilter.Factory().create(new StepParameters("blocklist", params));
    }

    @Test
    void rejectsAnAssistantRefusalWhateverItsCaseWithTheConfiguredReason() {
        Step s = step(Map.of("phrases", List.of("As an AI language model"), "reason", "refusal"));
        StepResult r = s.apply(chat("Écris un poème", "as an AI language model, I cannot write poems."));
        assertThat(r).isInstanceOf(StepResult.Rejected.class);
        assertThat(((StepResult.Rejected) r).reason()).isEqualTo("refusal");
        assertThat(((StepResult.Rejected) r).message()).contains("turn 1 (assistant)").contains("as an ai language model");
    }

    @Test
    void checksOnlyTheConfiguredRolesAndKeepsCleanConversations() {
        Step s = step(Map.of("phrases", List.of("as an ai language model")));
        assertThat(s.apply(chat("As an AI language model, what do you think?", "Я думаю, что это интересно.")))
                .isInstanceOf(StepResult.Kept.class);
        Step users = step(Map.of("phrases", List.of("as an ai language model"), "roles", List.of("user")));
        assertThat(users.apply(chat("As an AI language model, what do you think?", "Sure.")))
                .isInstanceOf(StepResult.Rejected.class);
    }

    @Test
    void matchesRegularExpressions() {
        Step s = step(Map.of("patterns", List.of("(?i)^I'?m sorry,? but")));
        assertThat(s.apply(chat("q", "I'm sorry, but I can't help with that."))).isInstanceOf(StepResult.Rejected.class);
        assertThat(s.apply(chat("q", "Sorry for the delay: here it is."))).isInstanceOf(StepResult.Kept.class);
    }

    @Test
    void namesTheBadParameter() {
        assertThatThrownBy(() -> step(Map.of("patterns", List.of("(unclosed"))))
                .hasMessageContaining("'(unclosed' is not a regular expression");
        assertThat(step(Map.of()).apply(chat("q", "As a large language model, I can't."))).isInstanceOf(StepResult.Rejected.class);
        assertThatThrownBy(() -> step(Map.of("phrases", List.of("x"), "roles", List.of("bot"))))
                .hasMessageContaining("unknown role 'bot'");
    }
}
