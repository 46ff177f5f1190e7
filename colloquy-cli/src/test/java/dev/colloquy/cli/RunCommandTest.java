package dev.colloquy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class RunCommandTest {

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

    private Path pipeline(String yaml) throws Exception {
        Path p = dir.resolve("pipeline.yaml");
        Files.writeString(p, yaml, StandardCharsets.UTF_8);
        return p;
    }

    private Path corpus(String... lines) throws Exception {
        Path in = dir.resolve("in.jsonl");
        Files.writeString(in, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
        return in;
    }

    private static final String GOOD = "{\"messages\":[{\"role\":\"user\",\"content\":\"What is a river?\"},"
            + "{\"role\":\"assistant\",\"content\":\"Flowing water on its way to the sea.\"}]}";

    @Test
    void runsTheExamplePipelineOnTheSeed() throws Exception {
        Path o = dir.resolve("out");
        int code = run("run", "../examples/pipeline.yaml", "--input", "../examples/seed.txt", "--output", o.toString(),
                "--no-progress");
        assertThat(code).as(err.toString()).isZero();
        assertThat(Files.readAllLines(o.resolve("kept.jsonl"))).hasSize(1);
        assertThat(err.toString()).contains("accounting: 1 in = 1 kept + 0 quarantined: ok");
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void runsTheExamplePipelineOnTheBundledCorpusAndWritesTheReport() throws Exception {
        Path o = dir.resolve("out");
        int code = run("run", "../examples/pipeline.yaml", "--output", o.toString(), "--no-progress");
        // The bundled corpus has planted unreadable lines: they are quarantined, the run completes, and like
        // every command it exits 1 because some input could not be read.
        assertThat(code).as(err.toString()).isEqualTo(ExitCodes.INPUT_PROBLEMS);
        assertThat(err.toString()).contains("could not be read");
        assertThat(err.toString()).contains("331 records in").contains(": ok");
        assertThat(Files.readAllLines(o.resolve("kept.jsonl")).size()).isGreaterThan(250);
        assertThat(Files.readString(o.resolve("report.html"))).contains("<section id=\"dedup\">");
    }

    @Test
    void exitsOneForUnreadableLinesAsConvertDoesAndZeroWhenOnlyStepsSetRecordsAside() throws Exception {
        Path in = corpus(GOOD, "{\"messages\":[", GOOD.replace("river", "lake"));
        Path p = pipeline("input:\n  paths: [in.jsonl]\nsteps:\n  - step: training_ready\noutput:\n  dir: out\n");
        assertThat(run("run", p.toString(), "--no-progress")).as(err.toString()).isEqualTo(ExitCodes.INPUT_PROBLEMS);
        assertThat(run("convert", in.toString(), "--to", "openai", "-o", dir.resolve("c.jsonl").toString()))
                .isEqualTo(ExitCodes.INPUT_PROBLEMS);
        Path clean = dir.resolve("clean.jsonl");
        Files.writeString(clean, GOOD + "\n{\"messages\":[{\"role\":\"user\",\"content\":\"only a question\"}]}\n",
                StandardCharsets.UTF_8);
        assertThat(run("run", p.toString(), "--input", clean.toString(), "--no-progress")).as(err.toString())
                .isEqualTo(ExitCodes.OK);
        assertThat(err.toString()).contains("1 quarantined");
        int code = run("run", p.toString(), "--no-progress", "--strict");
        assertThat(code).as(err.toString()).isEqualTo(ExitCodes.INPUT_PROBLEMS);
        List<String> q = Files.readAllLines(dir.resolve("out/quarantine.jsonl"));
        assertThat(q).hasSize(1);
        JsonNode bad = JSON.readTree(q.get(0));
        assertThat(bad.path("source").asText()).endsWith("in.jsonl:2");
        assertThat(bad.path("step").asText()).isEqualTo("read");
        assertThat(err.toString()).contains("3 records in, 2 kept, 1 quarantined").contains("could not be read");
        assertThat(in).exists();
    }

    @Test
    void namesBlankLinesInTheSummaryAndTheAccountingLine() throws Exception {
        corpus("", GOOD, "  ", GOOD.replace("river", "lake"), "", "\t");
        Path p = pipeline("input:\n  paths: [in.jsonl]\ndedup: {mode: off}\noutput:\n  dir: out\n");
        assertThat(run("run", p.toString(), "--no-progress")).as(err.toString()).isEqualTo(ExitCodes.OK);
        assertThat(err.toString()).contains("2 records in, 2 kept, 0 quarantined; 4 blank lines skipped")
                .contains("accounting: 2 records in + 4 blank lines = 6 lines read; 2 in = 2 kept + 0 quarantined: ok");
        JsonNode stats = JSON.readTree(dir.resolve("out/stats.json").toFile());
        assertThat(stats.path("blank_lines").asLong()).isEqualTo(4);
        assertThat(stats.path("lines_read").asLong()).isEqualTo(6);
    }

    @Test
    void letsFlagsOverrideTheFilesInputsAndOutput() throws Exception {
        Path in = corpus(GOOD);
        Path p = pipeline("input:\n  paths: [elsewhere.jsonl]\noutput:\n  dir: nowhere\n");
        Path o = dir.resolve("flagged");
        int code = run("run", p.toString(), "--input", in.toString(), "--output", o.toString(), "--threads", "1",
                "--no-progress");
        assertThat(code).as(err.toString()).isZero();
        assertThat(o.resolve("kept.jsonl")).exists();
        assertThat(o.resolve("stats.json")).exists();
    }

    @Test
    void writesKeptParquetLocallyFromTheConfigOrTheFlagAndReadsParquetInputs() throws Exception {
        Path in = corpus(GOOD, GOOD.replace("river", "lake"), "{\"messages\":[");
        Path p = pipeline("output:\n  format: parquet\n");
        Path o = dir.resolve("pq");
        assertThat(run("run", p.toString(), "--input", in.toString(), "--output", o.toString(), "--no-progress"))
                .as(err.toString()).isEqualTo(ExitCodes.INPUT_PROBLEMS);
        assertThat(o.resolve("kept.parquet")).exists();
        assertThat(o.resolve("kept.jsonl")).doesNotExist();
        assertThat(err.toString()).contains("3 in = 2 kept + 1 quarantined: ok");

        Path flagged = dir.resolve("flagged");
        assertThat(run("run", pipeline("steps: []\n").toString(), "--input", o.resolve("kept.parquet").toString(),
                "--output", flagged.toString(), "--parquet", "--no-progress")).as(err.toString()).isZero();
        assertThat(flagged.resolve("kept.parquet")).exists();
        assertThat(err.toString()).contains("2 in = 2 kept + 0 quarantined: ok")
                .contains("writing parquet to " + flagged); // the first line says what --parquet does
    }

    @Test
    void exitsTwoNamingTheLineOfAnUnknownKey() throws Exception {
        Path p = pipeline("input:\n  paths: [in.jsonl]\ndedup:\n  mode: near\n  treshold: 0.8\n");
        int code = run("run", p.toString());
        assertThat(code).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("pipeline.yaml:5: unknown key 'treshold' in dedup (valid: ");
    }

    @Test
    void exitsTwoNamingTheLineOfAWrongType() throws Exception {
        Path p = pipeline("input:\n  paths: [in.jsonl]\nrunner:\n  threads: lots\n");
        int code = run("run", p.toString());
        assertThat(code).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("pipeline.yaml:4: runner.threads must be a whole number >= 0");
    }

    @Test
    void exitsTwoNamingAMissingInput() throws Exception {
        Path p = pipeline("input:\n  paths: [missing.jsonl]\noutput:\n  dir: out\n");
        int code = run("run", p.toString(), "--no-progress");
        assertThat(code).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("missing.jsonl");
    }

    @Test
    void exitsTwoForAMissingPipelineFile() {
        int code = run("run", dir.resolve("nope.yaml").toString());
        assertThat(code).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("no such pipeline file");
    }

    @Test
    void resumesARunKilledWithSigkillToTheSameOutputs() throws Exception {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 6000; i++) {
            sb.append(GOOD.replace("river", "river number " + i + " of " + (i * 7919 % 10007))).append('\n');
            if (i % 97 == 0) {
                sb.append("{\"messages\": [\n");
            }
        }
        Files.writeString(dir.resolve("in.jsonl"), sb.toString(), StandardCharsets.UTF_8);
        Path p = pipeline("input:\n  paths: [in.jsonl]\nsteps:\n  - step: repair\n  - step: training_ready\n"
                + "dedup:\n  mode: both\nrunner:\n  chunk_size: 50\n  threads: 1\n");
        Path whole = dir.resolve("whole");
        assertThat(run("run", p.toString(), "-o", whole.toString(), "--no-progress")).isEqualTo(ExitCodes.INPUT_PROBLEMS);

        Path cut = dir.resolve("cut");
        Process proc = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName(), "run", p.toString(),
                "-o", cut.toString(), "--no-progress").redirectErrorStream(true)
                .redirectOutput(dir.resolve("child.log").toFile()).start();
        Path marker = cut.resolve(".colloquy-work/chunk-000003.done");
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (!Files.exists(marker) && proc.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        // issue 13: a second run into the directory while the first holds it is refused, naming the holder
        int second = run("run", p.toString(), "-o", cut.toString(), "--no-progress");
        String secondErr = err.toString();
        boolean childWasRunning = proc.isAlive();
        proc.destroyForcibly().waitFor();
        assertThat(marker).as(Files.readString(dir.resolve("child.log"))).exists();
        assertThat(cut.resolve("kept.jsonl")).as("killed before the end").doesNotExist();
        if (childWasRunning) {
            assertThat(second).as(secondErr).isEqualTo(ExitCodes.USAGE);
            assertThat(secondErr).contains("in use by another colloquy run (pid " + proc.pid() + ")");
            assertThat(marker).as("the refused run left the checkpoints alone").exists();
        }
        assertThat(cut.resolve(".colloquy-complete")).doesNotExist();
        // a leftover of the killed run; the dead child's pid is still in the lock file
        Path leftover = Files.writeString(cut.resolve(".kept.jsonl.0b5e8a3c-4e1f-4d2a-9c3b-8f7e6d5c4b3a.tmp"), "x");

        assertThat(run("run", p.toString(), "-o", cut.toString(), "--resume", "--no-progress"))
                .isEqualTo(ExitCodes.INPUT_PROBLEMS);
        assertThat(leftover).doesNotExist();
        assertThat(cut.resolve(".colloquy-complete")).exists();
        for (String f : List.of("kept.jsonl", "quarantine.jsonl")) {
            assertThat(Files.readAllBytes(cut.resolve(f))).as(f).isEqualTo(Files.readAllBytes(whole.resolve(f)));
        }
        JsonNode a = JSON.readTree(whole.resolve("stats.json").toFile());
        JsonNode b = JSON.readTree(cut.resolve("stats.json").toFile());
        ((com.fasterxml.jackson.databind.node.ObjectNode) a).remove("timings");
        ((com.fasterxml.jackson.databind.node.ObjectNode) b).remove("timings");
        assertThat(b).isEqualTo(a);
    }

    @Test
    void refusesAnOutputDirectoryInsideAnInputDirectorySoRerunsDoNotReadTheirOwnOutputs() throws Exception {
        Files.createDirectories(dir.resolve("in"));
        Files.writeString(dir.resolve("in/a.jsonl"), GOOD + "\n", StandardCharsets.UTF_8);
        Path p = pipeline("input:\n  paths: [in]\noutput:\n  dir: in/out\n");
        assertThat(run("run", p.toString(), "--no-progress")).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("is inside the input directory");
        assertThat(dir.resolve("in/out/kept.jsonl")).doesNotExist();
        assertThat(run("run", p.toString(), "--no-progress", "-o", dir.resolve("in").toString()))
                .isEqualTo(ExitCodes.USAGE);
        assertThat(dir.resolve("in/kept.jsonl")).doesNotExist();
    }

    @Test
    void refusesAnOutputDirectoryOverTheInputsForEveryEngineBeforeClaimingIt() throws Exception {
        // the local engine checked this itself; --engine spark wrote kept.jsonl into the input directory
        Files.createDirectories(dir.resolve("in"));
        Files.writeString(dir.resolve("in/kept.jsonl"), GOOD + "\n", StandardCharsets.UTF_8);
        Path p = pipeline("input:\n  paths: [in]\noutput:\n  dir: in/out\n");
        assertThat(run("run", p.toString(), "--no-progress", "--engine", "spark")).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("is inside the input directory").doesNotContain("no engine");
        assertThat(dir.resolve("in/out")).doesNotExist();
        assertThat(run("run", p.toString(), "--no-progress", "--engine", "spark", "-o", dir.resolve("in").toString()))
                .isEqualTo(ExitCodes.USAGE);
        assertThat(dir.resolve("in/" + dev.colloquy.pipeline.RunDirectory.LOCK)).doesNotExist();
        assertThat(Files.readString(dir.resolve("in/kept.jsonl"), StandardCharsets.UTF_8)).isEqualTo(GOOD + "\n");
    }

    @Test
    void redactsPersonalDataFromEveryFileTheRunWritesAndFromItsMessages() throws Exception {
        String card = "4111 1111 1111 1111";
        String url = "https://alice:s3cret-pw@example.com/inbox";
        String email = "alice.smith@example.com";
        String phone = "+49 30 1234567";
        String ip = "192.168.10.42";
        String kept = "{\"id\":\"" + email + "\",\"contact\":\"call " + phone + "\","
                + "\"meta\":{\"owner\":\"" + email + "\",\"" + ip + "\":1},"
                + "\"messages\":[{\"role\":\"user\",\"name\":\"" + email + "\",\"content\":\"my card is " + card
                + " and " + url + "\",\"note\":\"from " + ip + "\"},"
                + "{\"role\":\"assistant\",\"content\":\"Noted, " + email + ".\"}]}";
        String rejectedLater = "{\"messages\":[{\"role\":\"user\",\"content\":\"card " + card + " at " + ip + "\"}]}";
        String unreadable = "{\"messages\":[{\"role\":\"user\",\"content\":\"" + email + " " + phone;
        Files.writeString(dir.resolve("in.jsonl"), kept + "\n" + rejectedLater + "\n" + unreadable + "\n",
                StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("t.txt"), "Exported for " + email + "\n[" + email + "]: hi, my IP is " + ip
                + "\n[B]: ok " + phone + "\n", StandardCharsets.UTF_8);
        Path p = pipeline("input:\n  paths: [in.jsonl, t.txt]\nsteps:\n  - step: pii_action\n    action: redact\n"
                + "  - step: training_ready\noutput:\n  dir: out\n");
        // one input line is unreadable, so the run exits 1 under the one exit-code rule
        assertThat(run("run", p.toString(), "--no-progress")).as(err.toString()).isEqualTo(ExitCodes.INPUT_PROBLEMS);
        assertThat(err.toString()).contains("4 records in, 2 kept, 2 quarantined");
        Path out = dir.resolve("out");
        List<String> leaks = List.of(card, card.replace(" ", ""), "s3cret-pw", email, "30 1234567", ip);
        List<String> texts = new java.util.ArrayList<>(List.of(err.toString()));
        for (String f : List.of("kept.jsonl", "quarantine.jsonl", "stats.json", "report.html")) {
            texts.add(Files.readString(out.resolve(f), StandardCharsets.UTF_8));
        }
        for (String text : texts) {
            for (String leak : leaks) {
                assertThat(text).as(leak).doesNotContain(leak);
            }
        }
        String k = Files.readString(out.resolve("kept.jsonl"));
        assertThat(k).contains("<CREDIT_CARD_1>").contains("<URL_CREDENTIALS_1>").contains("<EMAIL_1>")
                .contains("<PHONE_1>").contains("<IP_ADDRESS_1>");
        // one numbering per record: the address in the id, the name and the text is one placeholder
        JsonNode first = JSON.readTree(k.lines().findFirst().orElseThrow());
        assertThat(first.get("id").asText()).isEqualTo("<EMAIL_1>");
        assertThat(first.at("/messages/1/content").asText()).isEqualTo("Noted, <EMAIL_1>.");
        List<String> q = Files.readAllLines(out.resolve("quarantine.jsonl"));
        assertThat(q).hasSize(2);
        assertThat(String.join("\n", q)).contains("<CREDIT_CARD_1>").contains("<EMAIL_1>");
    }

    @Test
    void listsEveryRegisteredStepWithItsParameters() {
        assertThat(run("run", "--list-steps")).isZero();
        assertThat(out.toString()).contains("training_ready").contains("language").contains("holes")
                .contains("parameters: max, min");
    }

    @Test
    void drawsAProgressLineWithRateAndEta() {
        Progress p = new Progress(new PrintWriter(new StringWriter()), true);
        p.started(1_000_000);
        assertThat(p.line(500, 250_000, 2.0)).contains("[######                  ]  25%").contains("250 rec/s")
                .contains("ETA 0:06");
    }

    @Test
    void printsAnEngineNoteAsALineOfItsOwnOverTheRedrawnProgressLine() {
        StringWriter tty = new StringWriter();
        new Progress(new PrintWriter(tty), true).note("read + steps: stage 1, 3/16 tasks");
        assertThat(tty.toString()).isEqualTo("\r\033[Kcolloquy run: read + steps: stage 1, 3/16 tasks"
                + System.lineSeparator());
        StringWriter log = new StringWriter();
        new Progress(new PrintWriter(log), false).note("write: stage 9, 1/1 tasks done in 0.4 s");
        assertThat(log.toString()).isEqualTo("colloquy run: write: stage 9, 1/1 tasks done in 0.4 s"
                + System.lineSeparator());
    }

    @org.junit.jupiter.api.Test
    void describesTheOneExitCodeRuleInHelp() {
        assertThat(run("run", "--help")).isZero();
        assertThat(out.toString().replaceAll("\\s+", " ")).contains("1 some input could not be read");
    }
}
