package dev.colloquy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ConvertCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cl = Main.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        return cl.execute(args);
    }

    @Test
    void convertsTheSeedToTwentyOpenAiMessages() throws Exception {
        int code = run("convert", Paths.get("../examples/seed.txt").toString(), "--to", "openai");
        assertThat(code).isZero();
        List<String> lines = out.toString().lines().toList();
        assertThat(lines).hasSize(1);
        JsonNode rec = JSON.readTree(lines.get(0));
        assertThat(rec.get("messages")).hasSize(20);
        assertThat(rec.get("messages").get(0).get("role").asText()).isEqualTo("user");
        assertThat(rec.get("messages").get(0).has("name")).isFalse();
        assertThat(rec.get("meta").get("speakers").get(0).asText()).isEqualTo("A");
        assertThat(err.toString()).contains("read 1 record from 1 input; wrote 1 to stdout; quarantined none.");
    }

    @Test
    void exitsOneAndQuarantinesBadLinesNextToTheOutput() throws Exception {
        Path in = dir.resolve("in.jsonl");
        Files.writeString(in, "{\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}\n{\"messages\":[\n",
                StandardCharsets.UTF_8);
        Path o = dir.resolve("out.jsonl");
        int code = run("convert", in.toString(), "--to", "openai", "-o", o.toString());
        assertThat(code).isEqualTo(ExitCodes.INPUT_PROBLEMS);
        assertThat(Files.readAllLines(o)).hasSize(1);
        List<String> q = Files.readAllLines(dir.resolve("out.jsonl.quarantine.jsonl"));
        assertThat(q).hasSize(1);
        JsonNode bad = JSON.readTree(q.get(0));
        assertThat(bad.get("source").asText()).isEqualTo(in + ":2");
        assertThat(bad.get("reason").asText()).isEqualTo("malformed_json");
        assertThat(bad.get("record").asText()).isEqualTo("{\"messages\":[");
        assertThat(err.toString()).contains("quarantined 1 (malformed_json 1)");
    }

    @Test
    void convertsToParquetAndBackWithoutHadoopOnTheClasspath() throws Exception {
        assertThat(getClass().getClassLoader().getResource("org/apache/hadoop/conf/Configuration.class")).isNull();
        Path pq = dir.resolve("seed.parquet");
        assertThat(run("convert", Paths.get("../examples/seed.txt").toString(), "--to", "parquet", "-o", pq.toString()))
                .isZero();
        byte[] bytes = Files.readAllBytes(pq);
        assertThat(new String(bytes, 0, 4, StandardCharsets.US_ASCII)).isEqualTo("PAR1");

        assertThat(run("convert", Paths.get("../examples/seed.txt").toString(), "--to", "openai")).isZero();
        String direct = out.toString();
        out.getBuffer().setLength(0);
        assertThat(run("convert", pq.toString(), "--to", "openai")).isZero();
        assertThat(out.toString()).isEqualTo(direct);
    }

    @Test
    void putsSpeakerLabelsInOpenAiNamesOnlyWhenAsked() throws Exception {
        assertThat(run("convert", Paths.get("../examples/seed.txt").toString(), "--to", "openai", "--names")).isZero();
        JsonNode rec = JSON.readTree(out.toString().lines().findFirst().orElseThrow());
        assertThat(rec.get("messages").get(0).get("name").asText()).isEqualTo("A");
        assertThat(rec.get("messages").get(1).get("name").asText()).isEqualTo("B");
    }

    @Test
    void writesShareGptInTheVocabularyAskedAndRefusesOneThatCouldNotBeReadBack() throws Exception {
        String seed = Paths.get("../examples/seed.txt").toString();
        assertThat(run("convert", seed, "--to", "sharegpt", "--sharegpt-roles", "user=user,assistant=assistant"))
                .isZero();
        JsonNode rec = JSON.readTree(out.toString().lines().findFirst().orElseThrow());
        assertThat(rec.get("conversations").get(0).get("from").asText()).isEqualTo("user");
        assertThat(rec.get("conversations").get(1).get("from").asText()).isEqualTo("assistant");
        assertThat(run("convert", seed, "--to", "sharegpt", "--sharegpt-roles", "user=gpt")).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("same name");
    }

    @Test
    void convertsLlamaFactoryPairsToOpenAiPreferenceRecordsAndQuarantinesIdenticalAnswers() throws Exception {
        Path in = dir.resolve("pairs.jsonl");
        Files.writeString(in, "{\"conversations\":[{\"from\":\"human\",\"value\":\"Ciao!\"}],"
                + "\"chosen\":{\"from\":\"gpt\",\"value\":\"Ciao, come stai?\"},\"rejected\":{\"from\":\"gpt\",\"value\":\"...\"}}\n"
                + "{\"prompt\":\"2+2?\",\"chosen\":\"4\",\"rejected\":\"4\"}\n");
        Path o = dir.resolve("pairs.openai.jsonl");
        assertThat(run("convert", in.toString(), "--to", "openai", "-o", o.toString())).isEqualTo(1);
        JsonNode rec = JSON.readTree(Files.readAllLines(o).get(0));
        assertThat(rec.get("input").get("messages").get(0).get("content").asText()).isEqualTo("Ciao!");
        assertThat(rec.get("preferred_output").get(0).get("content").asText()).isEqualTo("Ciao, come stai?");
        assertThat(rec.get("non_preferred_output").get(0).get("role").asText()).isEqualTo("assistant");
        assertThat(err.toString()).contains("quarantined 1 (identical_answers 1)");
    }

    @Test
    void refusesParquetOnStdoutAsAUsageError() {
        int code = run("convert", Paths.get("../examples/seed.txt").toString(), "--to", "parquet");
        assertThat(code).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("--to parquet needs -o");
    }

    @Test
    void exitsTwoNamingAMissingInput() {
        int code = run("convert", dir.resolve("nope.txt").toString(), "--to", "openai");
        assertThat(code).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("nope.txt").doesNotContain("Exception");
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void leavesNoFileBehindWhenTheOutputCannotBeWritten() throws Exception {
        Path in = dir.resolve("in.jsonl");
        Files.writeString(in, "{\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}\n", StandardCharsets.UTF_8);
        Path blocked = dir.resolve("blocked");
        Files.createDirectories(blocked.resolve("child"));
        int code = run("convert", in.toString(), "--to", "openai", "-o", blocked.toString());
        assertThat(code).isEqualTo(ExitCodes.INPUT_PROBLEMS);
        assertThat(err.toString()).contains("writing failed").doesNotContain("at dev.colloquy");
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("in.jsonl", "blocked");
        }
    }

    @Test
    void exitsTwoWhenTheOutputDirectoryIsMissing() {
        int code = run("convert", "../examples/seed.txt", "--to", "openai", "-o", dir.resolve("no/out.jsonl").toString());
        assertThat(code).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("cannot write");
    }

    @Test
    void exitsTwoOnABadRoleMapOrFormat() {
        assertThat(run("convert", "../examples/seed.txt", "--to", "openai", "--roles", "A=robot")).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("'robot'");
        assertThat(run("convert", "../examples/seed.txt", "--to", "csv")).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("'csv' is not one of openai, sharegpt, transcript");
    }

    @Test
    void readsStdinAndWritesTheQuarantineOnlyWhenNeeded() throws Exception {
        Path q = dir.resolve("q.jsonl");
        CommandLine cl = Main.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        ConvertCommand cmd = cl.getSubcommands().get("convert").getCommand();
        cmd.stdin = new java.io.ByteArrayInputStream("[A]: hi\n[B]: yo\n".getBytes(StandardCharsets.UTF_8));
        int code = cl.execute("convert", "-", "--to", "sharegpt");
        assertThat(code).isZero();
        assertThat(JSON.readTree(out.toString()).get("conversations")).hasSize(2);
        assertThat(Paths.get(ConvertCommand.DEFAULT_QUARANTINE)).doesNotExist();
        assertThat(q).doesNotExist();
    }

    @Test
    void quarantinesEveryBadInputAndAccountsForAllRecords() throws Exception {
        Files.writeString(dir.resolve("a.jsonl"), "{\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]}\n[1]\n",
                StandardCharsets.UTF_8);
        Files.write(dir.resolve("b.txt"), new byte[0]);
        Files.writeString(dir.resolve("c.txt"), "[A]: one\n[B]: two\n---\nno tags here\n", StandardCharsets.UTF_8);
        Path o = dir.resolve("out/kept.jsonl");
        Files.createDirectories(o.getParent());
        Path q = dir.resolve("out/q.jsonl");
        int code = run("convert", dir + "/*.{jsonl,txt}", "--to", "openai", "-o", o.toString(), "--quarantine", q.toString());
        assertThat(code).isEqualTo(ExitCodes.INPUT_PROBLEMS);
        assertThat(Files.readAllLines(o)).hasSize(2);
        assertThat(Files.readAllLines(q)).hasSize(3);
        assertThat(err.toString()).contains("read 5 records from 3 inputs; wrote 2 to " + o)
                .contains("quarantined 3 (empty_file 1, no_messages 1, not_an_object 1) to " + q);
    }

    @Test
    void appliesTheRepairerOnlyWhenAsked() {
        assertThat(run("convert", "../examples/seed.txt", "--to", "openai", "--repair")).isZero();
        assertThat(out.toString().lines()).hasSize(1);
    }

    @Test
    void describesItsOptionsInHelp() {
        assertThat(run("convert", "--help")).isZero();
        assertThat(out.toString()).contains("--to=FORMAT").contains("openai, sharegpt, transcript").contains("--roles")
                .contains("--quarantine").contains("Exit codes");
    }

    @org.junit.jupiter.api.Test
    void describesTheOneExitCodeRuleInHelp() {
        assertThat(run("convert", "--help")).isZero();
        assertThat(out.toString().replaceAll("\\s+", " ")).contains("1 some input could not be read");
    }

    // issue 13: outputs never overwrite inputs or each other; write errors are never success

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource({
            "same.jsonl, same.jsonl", "in.jsonl, q.jsonl", "o.jsonl, in.jsonl", "o.jsonl, ./sub/../o.jsonl"})
    void refusesAnOutputThatIsAnInputOrTheOtherOutputBeforeTouchingAnything(String o, String q) throws Exception {
        Path in = dir.resolve("in.jsonl");
        String content = "{\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}\n{\"x\":1}\n";
        Files.writeString(in, content, StandardCharsets.UTF_8);
        int code = run("convert", in.toString(), "--to", "openai", "-o", dir.resolve(o).toString(),
                "--quarantine", dir.resolve(q).toString());
        assertThat(code).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("is the same file as").doesNotContain("wrote");
        assertThat(Files.readString(in, StandardCharsets.UTF_8)).isEqualTo(content);
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("in.jsonl");
        }
    }

    @Test
    void refusesADefaultQuarantinePathThatIsAnInput() throws Exception {
        Path in = dir.resolve("o.jsonl.quarantine.jsonl");
        Files.writeString(in, "{\"x\":1}\n", StandardCharsets.UTF_8);
        int code = run("convert", in.toString(), "--to", "openai", "-o", dir.resolve("o.jsonl").toString());
        assertThat(code).isEqualTo(ExitCodes.USAGE);
        assertThat(Files.readString(in, StandardCharsets.UTF_8)).isEqualTo("{\"x\":1}\n");
    }

    @Test
    void refusesAQuarantinePathThatHoldsOtherDataNamingTheFixAndLeavesItIntact() throws Exception {
        // "--quarantine data.jsonl" reads like a switch: data.jsonl would have become the (empty) quarantine
        Path data = dir.resolve("data.jsonl");
        Files.writeString(data, GOOD_LINE + "\n", StandardCharsets.UTF_8);
        Path other = dir.resolve("other.jsonl");
        Files.writeString(other, GOOD_LINE + "\n", StandardCharsets.UTF_8);
        int code = run("convert", "--quarantine", data.toString(), other.toString(), "--to", "openai");
        assertThat(code).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("--quarantine '" + data + "' already exists and is not an earlier")
                .contains("--quarantine=NEW.jsonl").doesNotContain("wrote");
        assertThat(out.toString()).isEmpty();
        assertThat(Files.readString(data, StandardCharsets.UTF_8)).isEqualTo(GOOD_LINE + "\n");
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("data.jsonl", "other.jsonl");
        }
    }

    @Test
    void refusesADefaultQuarantinePathThatHoldsOtherData() throws Exception {
        Path in = dir.resolve("in.jsonl");
        Files.writeString(in, GOOD_LINE + "\n{\"x\":1}\n", StandardCharsets.UTF_8);
        Path notes = dir.resolve("o.jsonl.quarantine.jsonl");
        Files.writeString(notes, "my notes\n", StandardCharsets.UTF_8);
        int code = run("convert", in.toString(), "--to", "openai", "-o", dir.resolve("o.jsonl").toString());
        assertThat(code).isEqualTo(ExitCodes.USAGE);
        assertThat(Files.readString(notes, StandardCharsets.UTF_8)).isEqualTo("my notes\n");
        assertThat(dir.resolve("o.jsonl")).doesNotExist();
    }

    @Test
    void replacesAnEarlierQuarantine() throws Exception {
        Path in = dir.resolve("in.jsonl");
        Files.writeString(in, GOOD_LINE + "\n{\"x\":1}\n", StandardCharsets.UTF_8);
        Path q = dir.resolve("q.jsonl");
        assertThat(run("convert", in.toString(), "--to", "openai", "--quarantine", q.toString()))
                .isEqualTo(ExitCodes.INPUT_PROBLEMS);
        Files.writeString(in, GOOD_LINE + "\n[]\n", StandardCharsets.UTF_8);
        assertThat(run("convert", in.toString(), "--to", "openai", "--quarantine", q.toString()))
                .isEqualTo(ExitCodes.INPUT_PROBLEMS);
        assertThat(Files.readAllLines(q)).singleElement().asString().contains("\"record\":[]");
    }

    @Test
    void exitsOneNamingStandardOutputWhenTheDiskIsFull() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isWritable(Paths.get("/dev/full")), "needs /dev/full");
        Path in = dir.resolve("in.jsonl");
        Files.writeString(in, (GOOD_LINE + "\n").repeat(1500), StandardCharsets.UTF_8);
        CommandLine cl = Main.commandLine();
        try (java.io.FileOutputStream full = new java.io.FileOutputStream("/dev/full")) {
            cl.setOut(new StdoutWriter(full));
            cl.setErr(new PrintWriter(err, true));
            int code = cl.execute("convert", in.toString(), "--to", "openai", "--quarantine",
                    dir.resolve("q.jsonl").toString());
            assertThat(code).isEqualTo(ExitCodes.INPUT_PROBLEMS);
        }
        assertThat(err.toString()).contains("cannot write standard output: No space left on device")
                .doesNotContain("wrote 1500");
    }

    private static final String GOOD_LINE = "{\"messages\":[{\"role\":\"user\",\"content\":\"hi\"},"
            + "{\"role\":\"assistant\",\"content\":\"hello\"}]}";
}
