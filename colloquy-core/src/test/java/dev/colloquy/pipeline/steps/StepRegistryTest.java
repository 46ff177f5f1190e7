package dev.colloquy.pipeline.steps;

import dev.colloquy.step.StepParameters;
import dev.colloquy.step.StepFactory;
import dev.colloquy.step.StepResult;
import dev.colloquy.step.Step;
import static org.assertj.core.api.Assertions.assertThat;

import dev.colloquy.model.Conversation;
import dev.colloquy.model.Role;
import dev.colloquy.model.SourcePosition;
import dev.colloquy.model.Turn;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class StepRegistryTest {

    private static final long SEED = 5L;

    static Stream<String> names() {
        return StepRegistry.defaults().names().stream();
    }

    /** Parameters that make each step buildable with defaults; most need none. */
    private static Map<String, Object> parameters(String name) {
        return switch (name) {
            case "languages" -> Map.of("allowed", List.of("en"));
            case "max_findings" -> Map.of("types", List.of("holes"));
            default -> Map.of();
        };
    }

    @Test
    void listsTheRepairSignalAndFilterStepsOnce() {
        assertThat(StepRegistry.defaults().names()).doesNotHaveDuplicates()
                .contains("repair", "holes", "language", "agreement_loop", "pii_redact", "turns", "training_ready",
                        "pii_action", "languages", "max_holes");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("names")
    void everyStepSurvivesRandomConversations(String name) {
        StepFactory f = StepRegistry.defaults().factory(name).orElseThrow();
        Step step = f.create(new StepParameters(name, parameters(name)));
        assertThat(step.name()).isEqualTo(name);
        assertThat(f.description()).isNotBlank();
        Random rnd = new Random(SEED);
        for (int i = 0; i < 40; i++) {
            Conversation c = random(rnd, i);
            StepResult r = step.apply(c);
            Conversation out = r instanceof StepResult.Kept k ? k.conversation()
                    : ((StepResult.Rejected) r).conversation();
            assertThat(out.id()).as("seed %d record %d", SEED, i).isEqualTo(c.id());
            if (r instanceof StepResult.Rejected rej) {
                assertThat(rej.reason()).matches("[a-z_]+");
                assertThat(rej.message()).isNotBlank();
            }
        }
    }

    private static Conversation random(Random rnd, int i) {
        String alphabet = "abc de fgh  ij. , ? ! 的 是 ü é Ã© â€™ 😀 \n\n 0123 @x.com ";
        List<Turn> turns = new ArrayList<>();
        int n = rnd.nextInt(6);
        Role[] roles = Role.values();
        for (int t = 0; t < n; t++) {
            StringBuilder sb = new StringBuilder();
            int len = rnd.nextInt(200);
            for (int k = 0; k < len; k++) {
                int at = rnd.nextInt(alphabet.length());
                sb.append(Character.isSurrogate(alphabet.charAt(at)) ? 'x' : alphabet.charAt(at));
            }
            turns.add(new Turn("s" + t, roles[rnd.nextInt(roles.length)], sb.toString()));
        }
        return new Conversation("r" + i, new SourcePosition("rand", i), turns);
    }
}
