package dev.colloquy.pipeline.steps;

import static org.assertj.core.api.Assertions.assertThat;

import dev.colloquy.model.Conversation;
import dev.colloquy.model.Finding;
import dev.colloquy.model.Turn;
import dev.colloquy.step.StepParameters;
import dev.colloquy.step.StepResult;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FindingCountFilterTest {

    record Hole(int at) implements Finding {
        @Override
        public String type() {
            return "holes";
        }
    }

    private static Conversation withHoles(int n) {
        Conversation c = Convs.of("user:q", "assistant:a");
        Turn t = c.turns().get(1);
        for (int i = 0; i < n; i++) {
            t = t.withFindings(List.of(new Hole(i)));
        }
        return c.withTurns(List.of(c.turns().get(0), t));
    }

    @Test
    void rejectsMoreFindingsOfTheTypeThanAllowed() {
        var step = new FindingCountFilter.Preset("max_holes", "holes", "too_many_holes", 0, "")
                .create(new StepParameters("max_holes", Map.of("max", 2)));
        assertThat(Convs.verdict(step.apply(withHoles(2)))).isEqualTo("kept");
        StepResult r = step.apply(withHoles(3));
        assertThat(Convs.verdict(r)).isEqualTo("too_many_holes");
        assertThat(((StepResult.Rejected) r).message()).isEqualTo("has 3 holes finding(s); at most 2 allowed");
    }

    @Test
    void countsConversationLevelFindingsToo() {
        var step = new FindingCountFilter("max_findings", List.of("holes"), 0, "damaged");
        Conversation c = Convs.of("user:q", "assistant:a").withFindings(List.of(new Hole(0)));
        assertThat(Convs.verdict(step.apply(c))).isEqualTo("damaged");
    }
}
