package dev.colloquy.pipeline;

import dev.colloquy.pipeline.steps.StepRegistry;
import dev.colloquy.step.Step;
import dev.colloquy.step.StepParameters;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class PipelineConfigTest {

    private static final Path BASE = Paths.get("/data/project");

    private static final String GOOD = """
            # a complete pipeline
            input:
              paths: [corpus/, /abs/seed.txt]
              format: auto
              roles: A=user,B=assistant
            steps:
              - step: repair
              - step: turns
                min: 2
                max: 200
              - step: structure
                must_alternate: false
            dedup:
              mode: near
              threshold: 0.85
            output:
              dir: out
              format: sharegpt
              shard_size: 1000
              compression: zst
            runner:
              threads: 2
            """;

    @Test
    void readsEverySectionOfACompleteFile() {
        PipelineConfig c = PipelineConfig.parse("p.yaml", GOOD, BASE);
        assertThat(c.input().paths()).containsExactly("/data/project/corpus", "/abs/seed.txt");
        assertThat(c.input().roles()).isEqualTo("A=user,B=assistant");
        assertThat(c.steps()).extracting(PipelineConfig.StepSpec::name).containsExactly("repair", "turns", "structure");
        assertThat(c.steps().get(1).parameters()).containsEntry("min", 2L).containsEntry("max", 200L);
        assertThat(c.dedup().mode()).isEqualTo(PipelineConfig.DedupSpec.Mode.NEAR);
        assertThat(c.dedup().parameters()).containsEntry("threshold", 0.85);
        assertThat(c.output()).isEqualTo(new PipelineConfig.OutputSpec("/data/project/out",
                dev.colloquy.format.OutputFormat.SHAREGPT, 1000, dev.colloquy.io.Compression.ZST));
        assertThat(c.runner().threads()).isEqualTo(2);
        assertThat(c.stepChain(StepRegistry.defaults()).names()).containsExactly("repair", "turns", "structure");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            unknown top key        | inputs: [a]                                              | p.yaml:1: unknown key 'inputs' in the pipeline file (valid: input, steps, dedup, output, runner)
            misspelt dedup key     | 'dedup:\n  mode: near\n  treshold: 0.8'                  | p.yaml:3: unknown key 'treshold' in dedup (valid: mode, scope, shingle_size, num_perm, bands, rows, threshold, seed, max_bucket_comparisons)
            wrong type             | 'output:\n  dir: o\n  shard_size: many'                  | p.yaml:3: output.shard_size must be a whole number >= 0, was the text 'many'
            bad choice             | 'output:\n  format: csv'                                 | p.yaml:2: output.format must be one of openai, sharegpt, transcript, parquet, was 'csv'
            unknown step           | 'steps:\n  - step: repair\n  - step: min_turn'           | p.yaml:3: unknown step 'min_turn'
            unknown step key       | 'steps:\n  - step: turns\n    min: 2\n    mni: 3'        | p.yaml:4: unknown key 'mni' in step 'turns' (valid: max, min)
            bad step value         | 'steps:\n  - step: turns\n    min: 5\n    max: 2'        | p.yaml:3: Step 'turns': parameter 'min' (5) is larger than 'max' (2)
            step wrong type        | 'steps:\n  - step: structure\n    must_alternate: 3'     | p.yaml:3: Step 'structure': parameter 'must_alternate' must be true or false, was 3
            steps not a list       | 'steps: repair'                                          | p.yaml:1: steps must be a list of {step: NAME, ...} entries, was the text 'repair'
            dedup value            | 'dedup:\n  bands: 40\n  rows: 8'                         | p.yaml:2: Step 'dedup': 'bands' x 'rows' (40 x 8 = 320) must not exceed 'num_perm' (128)
            dedup number type      | 'dedup:\n  threshold: high'                              | p.yaml:2: dedup.threshold must be a number, was the text 'high'
            duplicate key          | 'output:\n  dir: a\n  dir: b'                            | p.yaml:3: duplicate key 'dir'
            bad roles              | 'input:\n  roles: A=boss'                               | p.yaml:2: input.roles: 
            broken yaml            | 'input: [a, b'                                           | p.yaml:1: not valid YAML
            """)
    void reportsTheLineAndTheValidChoicesOfABadConfig(String what, String yaml, String message) {
        String text = yaml.replace("\\n", "\n");
        assertThatThrownBy(() -> PipelineConfig.parse("p.yaml", text, BASE))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith(message);
    }

    @Test
    void appliesCommandLineOverrides() {
        PipelineConfig c = PipelineConfig.parse("p.yaml", GOOD, BASE).withInputs(List.of("x.jsonl"))
                .withOutputDir("elsewhere").withThreads(7);
        assertThat(c.input().paths()).containsExactly("x.jsonl");
        assertThat(c.output().dir()).isEqualTo("elsewhere");
        assertThat(c.runner().threads()).isEqualTo(7);
        assertThat(c.output().format()).isEqualTo(dev.colloquy.format.OutputFormat.SHAREGPT);
    }

    @Test
    void saysInOneLineWhatARunWillDo() {
        PipelineConfig c = PipelineConfig.parse("p.yaml", GOOD, BASE).withOutputDir("out");
        assertThat(c.plan()).isEqualTo(
                "3 step(s) + dedup (near) on /data/project/corpus, /abs/seed.txt; writing sharegpt to out");
        assertThat(PipelineConfig.parse("p.yaml", "input: {paths: [a]}\n", BASE)
                .withOutputFormat(dev.colloquy.format.OutputFormat.PARQUET).plan())
                .startsWith("0 step(s) on /data/project/a; writing parquet to ");
    }

    @Test
    void treatsAMissingDedupSectionAsOff() {
        PipelineConfig c = PipelineConfig.parse("p.yaml", "input: {paths: [a]}\n", BASE);
        assertThat(c.dedup().enabled()).isFalse();
        assertThat(DedupStep.of(c)).isEmpty();
    }

    @Test
    void refusesAPipelineFileOverOneMebibyteBeforeParsingIt(@org.junit.jupiter.api.io.TempDir Path dir)
            throws Exception {
        String comment = "# " + "x".repeat(2 << 20) + "\n";
        Path big = java.nio.file.Files.writeString(dir.resolve("big.yaml"), comment + GOOD);
        assertThatThrownBy(() -> PipelineConfig.load(big)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("big.yaml: the pipeline file is 2,097,") .hasMessageContaining("at most 1,048,576");
        assertThatThrownBy(() -> PipelineConfig.parse("p.yaml", comment + GOOD, BASE))
                .isInstanceOf(ConfigException.class).hasMessageContaining("p.yaml: the pipeline file is over 1,048,576");
        assertThat(PipelineConfig.parse("p.yaml", "# short\n" + GOOD, BASE).runner().threads()).isEqualTo(2);
    }

    // YAML 1.1 reads off/on/no/yes (any case, also y/n) as booleans; where a key wants a word, the word counts.
    @Test
    void acceptsDedupModeOffAsTheExampleCommentOffersIt() {
        PipelineConfig c = PipelineConfig.parse("p.yaml", "dedup: {mode: off}\n", BASE);
        assertThat(c.dedup().mode()).isEqualTo(PipelineConfig.DedupSpec.Mode.OFF);
        assertThat(c.dedup().enabled()).isFalse();
        assertThat(DedupStep.of(c)).isEmpty();
    }

    @Test
    void choicesStayCaseSensitiveForBooleanWordsAsForOtherWords() {
        assertThatThrownBy(() -> PipelineConfig.parse("p.yaml", "dedup: {mode: OFF}\n", BASE))
                .isInstanceOf(ConfigException.class)
                .hasMessage("p.yaml:1: dedup.mode must be one of off, exact, near, both, was 'OFF'");
    }

    @Test
    void acceptsDedupModeOffInBlockStyleToo() {
        PipelineConfig c = PipelineConfig.parse("p.yaml", "dedup:\n  mode: off   # off | exact | near | both\n", BASE);
        assertThat(c.dedup().enabled()).isFalse();
    }

    @Test
    void aBooleanWordThatIsNotOneOfTheChoicesIsStillAnErrorNamingTheWord() {
        assertThatThrownBy(() -> PipelineConfig.parse("p.yaml", "dedup:\n  mode: on\n", BASE))
                .isInstanceOf(ConfigException.class)
                .hasMessage("p.yaml:2: dedup.mode must be one of off, exact, near, both, was 'on'");
        assertThatThrownBy(() -> PipelineConfig.parse("p.yaml", "output:\n  compression: no\n", BASE))
                .isInstanceOf(ConfigException.class)
                .hasMessage("p.yaml:2: output.compression must be one of none, gz, zst, was 'no'");
    }

    @Test
    void aBooleanWordWhereANumberIsWantedNamesTheWord() {
        assertThatThrownBy(() -> PipelineConfig.parse("p.yaml", "runner:\n  threads: yes\n", BASE))
                .isInstanceOf(ConfigException.class)
                .hasMessage("p.yaml:2: runner.threads must be a whole number >= 0, was a boolean (yes)");
    }

    @Test
    void textKeysTakeBooleanWordsAsWritten() {
        PipelineConfig c = PipelineConfig.parse("p.yaml", "input:\n  paths: [yes, /abs/no]\noutput:\n  dir: on\n",
                BASE);
        assertThat(c.input().paths()).containsExactly("/data/project/yes", "/abs/no");
        assertThat(c.output().dir()).isEqualTo("/data/project/on");
    }

    @Test
    void stepParametersTakeBooleanWordsAsWordsAndAsBooleans() {
        // Norwegian is 'no': a language list must not turn it into false.
        PipelineConfig c = PipelineConfig.parse("p.yaml", """
                steps:
                  - step: max_findings
                    types: [no, Off]
                    reason: yes
                  - step: structure
                    must_alternate: no
                    must_start_with_user: on
                """, BASE);
        StepParameters p = new StepParameters("max_findings", c.steps().get(0).parameters());
        assertThat(p.getStringList("types", List.of())).containsExactly("no", "Off");
        assertThat(p.getString("reason", null)).isEqualTo("yes");
        StepParameters s = new StepParameters("structure", c.steps().get(1).parameters());
        assertThat(s.getBoolean("must_alternate", true)).isFalse();
        assertThat(s.getBoolean("must_start_with_user", false)).isTrue();
        assertThat(c.stepChain(StepRegistry.defaults()).names()).containsExactly("max_findings", "structure");
    }

    @Test
    void theExamplePipelineParsesWithDedupSwitchedOff() throws Exception {
        Path example = Paths.get("..", "examples", "pipeline.yaml");
        String yaml = java.nio.file.Files.readString(example).replaceAll("(?m)^(\\s*mode:)\\s*both", "$1 off");
        assertThat(yaml).contains("mode: off");
        PipelineConfig c = PipelineConfig.parse("pipeline.yaml", yaml, example.getParent());
        assertThat(c.dedup().enabled()).isFalse();
    }

    @ParameterizedTest
    @CsvSource({"'', true", "'action: redact', true", "'action: \" Redact\"', true", "'action: REJECT', false",
            "'action: keep', false"})
    void redactsPiiExactlyWhenItsPiiActionStepRedacts(String parameters, boolean redacts) {
        String yaml = "input: {paths: [a]}\nsteps:\n  - step: pii_action\n"
                + (parameters.isEmpty() ? "" : "    " + parameters + "\n");
        assertThat(PipelineConfig.parse("p.yaml", yaml, BASE).redactsPii()).isEqualTo(redacts);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "'input: {paths: [a], columns: {messages: dialog, content: text}}' | messages=dialog,content=text",
            "'input: {paths: [a], columns: \"messages=dialog,content=text\"}'  | messages=dialog,content=text"})
    void readsInputColumnsAsAMappingOrInTheirCommandLineForm(String yaml, String expected) {
        assertThat(PipelineConfig.parse("p.yaml", yaml + "\n", BASE).input().columns()).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "'output: {format: sharegpt, sharegpt_roles: {user: user, assistant: bot}}' | user=user,assistant=bot",
            "'output: {format: sharegpt, sharegpt_roles: \"user=user,assistant=bot\"}' | user=user,assistant=bot"})
    void readsShareGptRolesAsAMappingOrInTheirCommandLineForm(String yaml, String expected) {
        assertThat(PipelineConfig.parse("p.yaml", "input: {paths: [a]}\n" + yaml + "\n", BASE).output()
                .sharegptRoles()).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "'input:\\n  paths: [a]\\n  columns: {nonsense: x}'               | p.yaml:3: input.columns: ",
            "'input: {paths: [a]}\\noutput:\\n  sharegpt_roles: {user: gpt}'  | p.yaml:3: output.sharegpt_roles: "})
    void namesTheLineOfABadKeyValueSetting(String yaml, String prefix) {
        assertThatThrownBy(() -> PipelineConfig.parse("p.yaml", yaml.replace("\\n", "\n") + "\n", BASE))
                .isInstanceOf(ConfigException.class).hasMessageStartingWith(prefix);
    }
}
