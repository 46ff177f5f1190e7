package dev.colloquy.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.colloquy.model.Conversation;
import dev.colloquy.model.Role;
import dev.colloquy.model.SourcePosition;
import dev.colloquy.model.Turn;
import dev.colloquy.pipeline.PipelineConfig;
import java.nio.file.Paths;
import java.util.List;
import org.junit.jupiter.api.Test;

/** One schema per output: the ShareGPT vocabulary and OpenAI's name, from the command line or the pipeline. */
class OutputStyleTest {

    private static final Conversation C = new Conversation("c", new SourcePosition("c.txt", 1), List.of(
            new Turn("Jane Doe", Role.USER, "Καλημέρα"), new Turn("gpt", Role.ASSISTANT, "Доброе утро"),
            new Turn("assistant", Role.ASSISTANT, "おはよう")));

    @Test
    void writesShareGptInHumanGptByDefaultAndInTheVocabularyAsked() {
        assertThat(RecordJson.toJson(C, OutputFormat.SHAREGPT))
                .contains("{\"from\":\"human\",\"value\":\"Καλημέρα\"}").doesNotContain("\"from\":\"assistant\"");
        String custom = RecordJson.toJson(C, OutputFormat.SHAREGPT, OutputStyle.of(false, "user=user,assistant=assistant"));
        assertThat(custom).contains("{\"from\":\"user\",\"value\":\"Καλημέρα\"}")
                .contains("{\"from\":\"assistant\",\"value\":\"Доброе утро\"}")
                .contains("{\"from\":\"assistant\",\"value\":\"おはよう\"}")
                .doesNotContain("\"from\":\"gpt\"").doesNotContain("\"from\":\"human\"");
    }

    @Test
    void readsBackWhatItWroteInAnotherVocabulary() {
        String line = RecordJson.toJson(C, OutputFormat.SHAREGPT, OutputStyle.of(false, "user=user,assistant=model"));
        Conversation back = ((ReadResult.Ok) JsonlRecords.parse(line, new SourcePosition("o.jsonl", 1),
                RoleMap.defaults())).conversation();
        assertThat(back.turns()).isEqualTo(C.turns());
    }

    @Test
    void refusesAnUnknownRoleAMalformedEntryAndTwoRolesWithOneName() {
        assertThatThrownBy(() -> OutputStyle.of(false, "bot=gpt")).hasMessageContaining("unknown role 'bot'");
        assertThatThrownBy(() -> OutputStyle.of(false, "user")).hasMessageContaining("ROLE=FROM");
        assertThatThrownBy(() -> OutputStyle.of(false, "user=gpt")).hasMessageContaining("same name");
    }

    @Test
    void readsNamesAndTheShareGptVocabularyFromThePipelineAsAMappingOrAString() {
        PipelineConfig mapping = PipelineConfig.parse("p.yaml", """
                input: {paths: [in/]}
                output:
                  format: sharegpt
                  names: true
                  sharegpt_roles:
                    user: user
                    assistant: assistant
                """, Paths.get("/data"));
        assertThat(mapping.output().style()).isEqualTo(OutputStyle.of(true, "user=user,assistant=assistant"));
        PipelineConfig string = PipelineConfig.parse("p.yaml", """
                input: {paths: [in/]}
                output: {sharegpt_roles: "user=user,assistant=assistant", names: yes}
                """, Paths.get("/data"));
        assertThat(string.output().style()).isEqualTo(mapping.output().style());
        assertThat(PipelineConfig.parse("p.yaml", "input: {paths: [in/]}\n", Paths.get("/data")).output().style())
                .isEqualTo(OutputStyle.defaults());
        assertThatThrownBy(() -> PipelineConfig.parse("p.yaml", """
                input: {paths: [in/]}
                output: {sharegpt_roles: "narrator=gpt"}
                """, Paths.get("/data"))).hasMessageContaining("output.sharegpt_roles").hasMessageContaining("narrator");
    }

    @Test
    void writesOpenAiNamesWhenThePipelineAsks() {
        PipelineConfig c = PipelineConfig.parse("p.yaml", "input: {paths: [in/]}\noutput: {names: true}\n",
                Paths.get("/data"));
        String line = new dev.colloquy.pipeline.FormatCodec(c.output().style()).keptLine(C, OutputFormat.OPENAI);
        assertThat(line).contains("{\"role\":\"user\",\"name\":\"Jane_Doe\",\"content\":\"Καλημέρα\"}");
        assertThat(new dev.colloquy.pipeline.FormatCodec().keptLine(C, OutputFormat.OPENAI)).doesNotContain("\"name\"");
    }
}
