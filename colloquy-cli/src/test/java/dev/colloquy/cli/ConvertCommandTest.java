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
        assertThat(rec.get("messages").get(0).get("name").asText()).isEqualTo("A");
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
    void exitsTwoNamingAMissingInput() {
        int code = run("convert", dir.resolve("nope.txt").toString(), "--to", "openai");
        assertThat(code).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("nope.txt").doesNotContain("Exception");
        assertThat(out.toString()).isEmpty();
    }
}
