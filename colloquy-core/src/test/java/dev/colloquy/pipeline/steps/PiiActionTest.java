package dev.colloquy.pipeline.steps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.colloquy.step.StepParameters;
import dev.colloquy.step.StepResult;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PiiActionTest {

    private static final String EMAIL = "user:write to alice.smith@example.com please";

    @Test
    void redactsPersonalDataWithPlaceholders() {
        var r = (StepResult.Kept) new PiiAction(PiiAction.Action.REDACT).apply(Convs.of(EMAIL, "assistant:ok"));
        assertThat(r.conversation().turns().get(0).text()).doesNotContain("alice.smith@example.com")
                .contains("<EMAIL_1>");
    }

    @Test
    void rejectsConversationsWithPersonalDataWhenAskedTo() {
        StepResult r = new PiiAction(PiiAction.Action.REJECT).apply(Convs.of(EMAIL, "assistant:ok"));
        assertThat(Convs.verdict(r)).isEqualTo("contains_pii");
        assertThat(Convs.verdict(new PiiAction(PiiAction.Action.REJECT).apply(Convs.of("user:hi", "assistant:ok"))))
                .isEqualTo("kept");
    }

    @Test
    void keepsPersonalDataWhenAskedTo() {
        var c = Convs.of(EMAIL, "assistant:ok");
        assertThat(((StepResult.Kept) new PiiAction(PiiAction.Action.KEEP).apply(c)).conversation()).isSameAs(c);
    }

    @Test
    void namesTheValidActions() {
        assertThatThrownBy(() -> new PiiAction.Factory().create(new StepParameters("pii_action",
                Map.of("action", "hide")))).hasMessageContaining("'action' must be one of redact, reject, keep");
    }

    @Test
    void parsesAnActionInAnyCase() {
        assertThat(PiiAction.Action.parse(" Reject ")).isEqualTo(PiiAction.Action.REJECT);
        assertThat(new PiiAction.Factory().create(new StepParameters("pii_action", Map.of("action", "KEEP"))))
                .isEqualTo(new PiiAction(PiiAction.Action.KEEP));
    }
}
