package dev.colloquy.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

class FixCommandTest {

    @TempDir
    Path dir;

    private record Run(int exit, byte[] out, String err) {
        String text() {
            return new String(out, StandardCharsets.UTF_8);
        }
    }

    private static Run run(byte[] stdin, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        FixCommand cmd = new FixCommand(new ByteArrayInputStream(stdin), out, new PrintStream(err, true, StandardCharsets.UTF_8));
        int exit = new CommandLine(cmd).execute(args);
        return new Run(exit, out.toByteArray(), err.toString(StandardCharsets.UTF_8));
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void repairsMojibakeFromStdinToStdout() {
        Run r = run(utf8("cafÃ© au lait\n"));
        assertThat(r.exit()).isZero();
        assertThat(r.text()).isEqualTo("café au lait\n");
    }

    @ParameterizedTest
    @ValueSource(strings = {"a\nb\n", "a\r\nb\r\n", "a\nb", "", "\n\n\n", "x\ry\n", "one\u2028two\u000Bthree\n", "Ã©\r\nÃ©"})
    void writesExactlyOneLinePerInputLineAndKeepsTerminators(String input) {
        Run r = run(utf8(input));
        String out = r.text();
        assertThat(out.split("\n", -1)).hasSameSizeAs(input.split("\n", -1));
        assertThat(out.replace("é", "Ã©")).isEqualTo(input);
    }

    @Test
    void treatsNextLineAsTextNotALineBreak() {
        Run r = run(utf8("parlé\u0085 Tu\n"));
        assertThat(r.text()).isEqualTo("parlé… Tu\n");
    }

    @Test
    void copiesCleanLinesByteForByte() {
        byte[] in = utf8("Hello, 世界 😀 “quotes” ＡＢＣ Ã in NÃO\r\n");
        assertThat(run(in).out()).isEqualTo(in);
    }

    @Test
    void repairsEveryDamagedLineOfALongInputWhateverTheReadsReturn() {
        // lines of ASCII pass through in blocks: a damaged line just after a block of them, at the input's end
        // without \n, or straddling the reads, and lines longer than the loop's buffer with a non-ASCII char near
        // either end must each come back whole
        StringBuilder in = new StringBuilder();
        StringBuilder expected = new StringBuilder();
        String ascii = "plain ASCII text, long enough to fill the blocks the loop reads\r\n".repeat(20_000);
        String longLine = "x".repeat(3 << 20);
        for (String[] part : new String[][] {{ascii, ascii}, {"cafÃ© au lait\n", "café au lait\n"},
                {longLine + "\n", longLine + "\n"}, {ascii, ascii}, {longLine + "é\n", longLine + "é\n"},
                {"é " + longLine + "\n", "é " + longLine + "\n"},
                {"\n\n", "\n\n"}, {"Ã©t\r\n", "ét\r\n"}, {ascii, ascii}, {"last Ã¼ber", "last über"}}) {
            in.append(part[0]);
            expected.append(part[1]);
        }
        byte[] bytes = utf8(in.toString());
        for (int chunk : new int[] {bytes.length, 7_919}) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            FixCommand cmd = new FixCommand(new ByteArrayInputStream(bytes) {
                @Override
                public synchronized int read(byte[] b, int off, int len) {
                    return super.read(b, off, Math.min(len, chunk)); // a pipe hands over a little at a time
                }
            }, out, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
            assertThat(new CommandLine(cmd).execute()).isZero();
            assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo(expected.toString());
        }
    }

    @Test
    void readsALineAsUtf8ExactlyWhenTheValidatorAcceptsIt() {
        // every sequence of one to three bytes with a non-ASCII first byte, and four-byte ones around each lead's
        // limits, between ASCII letters; the decoded text must be what the bytes say
        byte[] b = new byte[6];
        b[0] = 'a';
        int[] tails = {0x41, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xFF};
        for (int lead = 0x80; lead <= 0xFF; lead++) {
            for (int second = 0; second <= 0xFF; second++) {
                for (int third = -1; third <= 0xFF; third++) {
                    int n = 1;
                    b[n++] = (byte) lead;
                    b[n++] = (byte) second;
                    if (third >= 0) {
                        b[n++] = (byte) third;
                    }
                    b[n++] = 'z';
                    check(b, n);
                    if (lead >= 0xF0 && third >= 0 && (third & 0xF) == 0xF) {
                        for (int fourth : tails) {
                            b[n - 1] = (byte) fourth;
                            b[n] = 'z';
                            check(b, n + 1);
                        }
                    }
                }
            }
        }
        assertThat(FixCommand.LineRepairer.utf8Text(utf8("x\uFFFDy"), 0, 5)).isEqualTo("x\uFFFDy");
    }

    private static void check(byte[] b, int n) {
        String text = FixCommand.LineRepairer.utf8Text(b, 0, n);
        if (dev.colloquy.io.Utf8.isValid(b, 0, n)) {
            assertThat(text).isEqualTo(new String(b, 0, n, StandardCharsets.UTF_8));
        } else {
            assertThat(text).as("%s", java.util.HexFormat.of().formatHex(b, 0, n)).isNull();
        }
    }

    @Test
    void decodesLinesThatAreNotUtf8() {
        byte[] latin1 = "Größe und Maß für die Straße\n".getBytes(StandardCharsets.ISO_8859_1);
        Run r = run(latin1);
        assertThat(r.text()).isEqualTo("Größe und Maß für die Straße\n");
    }

    @Test
    void explainsASpanLeftUndecided() throws IOException {
        // windows-1254 mojibake of Hebrew "לאומית" whose מ lost its last byte: 0x9E (מ, D7 9E) is undefined there and
        // a no-break space (נ, D7 A0) may be deleted too, and the Hebrew bigrams rate "לאומית" and "לאונית" alike
        Path explain = dir.resolve("explain.jsonl");
        Run r = run(utf8("×”××“×™× ×” ×”×¨×‘ ×œ××•××™×ª ×©×œ ×‘×•×œ×™×‘×™×”\n"), "--explain", explain.toString());
        assertThat(r.text()).isEqualTo("המדינה הרב לאו×ית של בוליביה\n");
        JsonNode line = new ObjectMapper().readTree(Files.readAllLines(explain, StandardCharsets.UTF_8).get(0));
        JsonNode left = line.get("unresolved").get(0);
        assertThat(left.get("output_span").toString()).isEqualTo("[14,15]");
        assertThat(left.get("text").asText()).isEqualTo("×");
        assertThat(left.get("candidates").toString()).contains("מ").contains("נ");
        assertThat(left.get("reason").asText()).contains("windows-1254");
    }

    @Test
    void writesOneExplainLinePerInputLine() throws IOException {
        Path explain = dir.resolve("explain.jsonl");
        Run r = run(utf8("clean\ncafÃ©\n"), "--explain", explain.toString());
        assertThat(r.text()).isEqualTo("clean\ncafé\n");
        List<String> lines = Files.readAllLines(explain, StandardCharsets.UTF_8);
        assertThat(lines).hasSize(2);
        ObjectMapper json = new ObjectMapper();
        assertThat(json.readTree(lines.get(0)).get("line").asInt()).isEqualTo(1);
        assertThat(json.readTree(lines.get(0)).get("repairs")).isEmpty();
        JsonNode repair = json.readTree(lines.get(1)).get("repairs").get(0);
        assertThat(repair.get("kind").asText()).isEqualTo("mojibake");
        assertThat(repair.get("input_span").toString()).isEqualTo("[3,5]");
        assertThat(repair.get("output_span").toString()).isEqualTo("[3,4]");
        assertThat(repair.get("before").asText()).isEqualTo("Ã©");
        assertThat(repair.get("after").asText()).isEqualTo("é");
        assertThat(repair.get("chain").asText()).isEqualTo("utf-8 read as windows-1252");
        assertThat(repair.get("confidence").asDouble()).isBetween(0.0, 1.0);
    }

    @Test
    void readsFilesInOrder() throws IOException {
        Path a = Files.write(dir.resolve("a.txt"), utf8("Ã¼ber\n"));
        Path b = Files.write(dir.resolve("b.txt"), utf8("plain\n"));
        Run r = run(new byte[0], a.toString(), b.toString());
        assertThat(r.text()).isEqualTo("über\nplain\n");
    }

    @Test
    void reportsAMissingFileAsAUsageError() {
        Run r = run(new byte[0], dir.resolve("nope.txt").toString());
        assertThat(r.exit()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains("nope.txt");
        assertThat(r.out()).isEmpty();
    }

    // issue 13: outputs never overwrite inputs, and write errors are never success

    @Test
    void refusesAnExplainFileThatIsAnInputAndLeavesTheInputIntact() throws IOException {
        Path g = Files.write(dir.resolve("g.txt"), utf8("cafÃ©\n"));
        Run r = run(new byte[0], g.toString(), "--explain", dir.resolve("sub/../g.txt").toString());
        assertThat(r.exit()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains("--explain").contains("is the same file as the input").doesNotContain("Exception");
        assertThat(Files.readAllBytes(g)).isEqualTo(utf8("cafÃ©\n"));
        assertThat(r.out()).isEmpty();
    }

    @Test
    void refusesAnExplainFileThatIsALinkToAnInput() throws IOException {
        Path g = Files.write(dir.resolve("g.txt"), utf8("cafÃ©\n"));
        Path link = Files.createSymbolicLink(dir.resolve("link.json"), g);
        Run r = run(new byte[0], g.toString(), "--explain", link.toString());
        assertThat(r.exit()).isEqualTo(ExitCodes.USAGE);
        assertThat(Files.readAllBytes(g)).isEqualTo(utf8("cafÃ©\n"));
    }

    // `fix --explain FILE` reads as "explain FILE" but names FILE as the explain output: it used to be emptied

    @Test
    void refusesAnExistingFileThatIsNotAnExplainOutputNamingTheFixAndLeavesItIntact() throws IOException {
        Path g = Files.write(dir.resolve("g.txt"), utf8("cafÃ©\n"));
        Path other = Files.write(dir.resolve("other.txt"), utf8("Ã¼ber\n"));
        for (String[] args : List.of(new String[] {"--explain", g.toString()},
                new String[] {"--explain", g.toString(), other.toString()})) {
            Run r = run(utf8("cafÃ©\n"), args);
            assertThat(r.exit()).isEqualTo(ExitCodes.USAGE);
            assertThat(r.err()).contains("--explain '" + g + "' already exists and is not an earlier --explain output")
                    .contains("colloquy fix " + g + " --explain=NEW.jsonl").doesNotContain("Exception");
            assertThat(r.out()).isEmpty();
            assertThat(Files.readAllBytes(g)).isEqualTo(utf8("cafÃ©\n"));
        }
        assertThat(Files.readAllBytes(other)).isEqualTo(utf8("Ã¼ber\n"));
        assertThat(dir).isDirectoryNotContaining("glob:**.tmp");
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}\n",
            "{\"repairs\":[],\"line\":1}\n", "{\"line\":1}\n", "[{\"line\":1,\"repairs\":[]}]\n", "line repairs\n"})
    void refusesAJsonFileWhoseFirstLineIsNotAnExplainLine(String content) throws IOException {
        Path data = Files.write(dir.resolve("data.jsonl"), utf8(content));
        Run r = run(utf8("cafÃ©\n"), "--explain", data.toString());
        assertThat(r.exit()).isEqualTo(ExitCodes.USAGE);
        assertThat(Files.readAllBytes(data)).isEqualTo(utf8(content));
    }

    @Test
    void refusesADirectoryAsTheExplainFile() {
        Run r = run(utf8("cafÃ©\n"), "--explain", dir.toString());
        assertThat(r.exit()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains("is a directory").contains("--explain=NEW.jsonl");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void replacesAnEarlierExplainOutputOrAnEmptyFile() throws IOException {
        Path a = Files.write(dir.resolve("a.txt"), utf8("Ã¼ber\n"));
        Path b = Files.write(dir.resolve("b.txt"), utf8("plain\n"));
        Path explain = Files.write(dir.resolve("explain.jsonl"), new byte[0]);
        assertThat(run(utf8("clean\n"), "--explain", explain.toString()).exit()).isZero();
        assertThat(Files.readString(explain)).isEqualTo("{\"line\":1,\"repairs\":[]}\n");
        assertThat(run(new byte[0], a.toString(), b.toString(), "--explain", explain.toString()).exit()).isZero();
        assertThat(Files.readAllLines(explain)).hasSize(2).allMatch(l -> l.startsWith("{\"file\":"));
        assertThat(run(utf8("cafÃ©\n"), "--explain", explain.toString()).exit()).isZero();
        assertThat(Files.readAllLines(explain)).singleElement().asString().contains("\"after\":\"é\"");
        assertThat(dir).isDirectoryNotContaining("glob:**.tmp");
    }

    @Test
    void leavesAnEarlierExplainFileWholeWhenTheRunFails() throws IOException {
        Path explain = dir.resolve("explain.jsonl");
        assertThat(run(utf8("cafÃ©\n"), "--explain", explain.toString()).exit()).isZero();
        byte[] earlier = Files.readAllBytes(explain);
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        java.io.OutputStream broken = new java.io.OutputStream() {
            @Override
            public void write(int b) throws IOException {
                throw new IOException("broken pipe");
            }
        };
        FixCommand cmd = new FixCommand(new ByteArrayInputStream(utf8("Ã¼ber\n".repeat(50_000))), broken,
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(new CommandLine(cmd).execute("--explain", explain.toString())).isEqualTo(ExitCodes.INPUT_PROBLEMS);
        assertThat(Files.readAllBytes(explain)).isEqualTo(earlier);
        assertThat(dir).isDirectoryNotContaining("glob:**.tmp");
    }

    @Test
    void namesAMissingExplainDirectoryInOneLineWithoutAStackTrace() {
        Run r = run(utf8("x\n"), "--explain", dir.resolve("missing/explain.jsonl").toString());
        assertThat(r.exit()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err().strip()).doesNotContain("\n").contains("missing/explain.jsonl")
                .contains("no such file or directory").doesNotContain("Exception");
    }

    @Test
    void exitsOneNamingStandardOutputWhenTheDiskIsFull() throws IOException {
        assumeTrue(Files.isWritable(Path.of("/dev/full")), "needs /dev/full");
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        StringBuilder in = new StringBuilder();
        for (int i = 0; i < 1500; i++) {
            in.append("line ").append(i).append(" caf\u00e9\n");
        }
        try (java.io.FileOutputStream full = new java.io.FileOutputStream("/dev/full")) {
            FixCommand cmd = new FixCommand(new ByteArrayInputStream(utf8(in.toString())), full,
                    new PrintStream(err, true, StandardCharsets.UTF_8));
            assertThat(new CommandLine(cmd).execute()).isEqualTo(ExitCodes.INPUT_PROBLEMS);
        }
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("cannot write standard output")
                .contains("No space left on device").doesNotContain("cannot read");
    }

    @Test
    void exitsOneWhenAPrintStreamSwallowsTheWriteError() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream broken = new PrintStream(new java.io.OutputStream() {
            @Override
            public void write(int b) throws IOException {
                throw new IOException("broken pipe");
            }
        });
        FixCommand cmd = new FixCommand(new ByteArrayInputStream(utf8("a\nb\n")), broken,
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(new CommandLine(cmd).execute()).isEqualTo(ExitCodes.INPUT_PROBLEMS);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("cannot write standard output");
    }

    @Test
    void namesTheExplainFileNotTheInputWhenItsDiskIsFull() throws IOException {
        assumeTrue(Files.isWritable(Path.of("/dev/full")), "needs /dev/full");
        Path in = Files.write(dir.resolve("in.txt"), utf8("caf\u00c3\u00a9\n".repeat(20_000)));
        Run r = run(new byte[0], in.toString(), "--explain", "/dev/full");
        assertThat(r.exit()).isEqualTo(ExitCodes.INPUT_PROBLEMS);
        assertThat(r.err()).contains("cannot write the --explain file '/dev/full'").doesNotContain("cannot read");
    }

    @Test
    void fixOnItsOwnCommandLineAnswersHelpAndBadOptionsAsInTheWholeTree() {
        CommandLine alone = Main.fixCommandLine();
        CommandLine inTree = Main.commandLine().getSubcommands().get("fix");
        assertThat(alone.getUsageMessage()).isEqualTo(inTree.getUsageMessage()).contains("Usage: colloquy fix");
        StringWriter aloneErr = new StringWriter();
        StringWriter treeErr = new StringWriter();
        alone.setErr(new PrintWriter(aloneErr));
        CommandLine tree = Main.commandLine();
        tree.setErr(new PrintWriter(treeErr));
        assertThat(alone.execute("--bogus")).isEqualTo(tree.execute("fix", "--bogus")).isEqualTo(ExitCodes.USAGE);
        assertThat(aloneErr.toString()).isEqualTo(treeErr.toString()).contains("Unknown option: '--bogus'");
    }
}
