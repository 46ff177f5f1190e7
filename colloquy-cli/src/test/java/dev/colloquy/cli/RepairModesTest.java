package dev.colloquy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.colloquy.format.ConversationReader;
import dev.colloquy.format.InputFormat;
import dev.colloquy.format.ReadResult;
import dev.colloquy.format.RoleMap;
import dev.colloquy.io.InputSources;
import dev.colloquy.model.Turn;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * One repair whatever the mode: a file's lines through {@code colloquy fix} from stdin and from the file, and the
 * same text as one conversation through {@code colloquy run} with {@code repair} as its only step and through
 * {@code convert --repair}, come out the same. A file is one input read in order to {@code fix}; a conversation is
 * one to the pipeline (one session each, so what earlier lines show about the dropped bytes ranks later fillings
 * alike). Spark's engine runs the pipeline's own step; {@code SparkRepairParityTest} holds it to the local engine.
 */
class RepairModesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path SEED = Path.of("../examples/seed.txt");
    private static final Path SENTENCES = Path.of("../colloquy-core/src/test/resources/multilingual/sentences.tsv");
    private static final String[] PAGES = {"windows-1250", "windows-1251", "windows-1252", "windows-1253",
        "windows-1254", "windows-1255", "windows-1256", "windows-1257", "windows-1258", "ISO-8859-2", "KOI8-R",
        "IBM850", "x-MacRoman"};

    @TempDir
    static Path dir;
    static List<String> damaged;

    @BeforeAll
    static void damageRealSentences() throws IOException {
        damaged = damagedLines(300, 20261207L);
    }

    @Test
    void fixOnStdinAndOnTheFileRunAndConvertRepairTheSeedAlike() throws IOException {
        byte[] seed = Files.readAllBytes(SEED);
        byte[] fromFile = fix(new byte[0], SEED.toString());
        assertThat(fix(seed)).isEqualTo(fromFile);
        Path fixed = Files.write(dir.resolve("seed.fixed.txt"), fromFile);

        List<String> expected = turns(fixed);
        assertThat(String.join("\n", expected)).contains("🎬").doesNotContain("ğŸ");
        assertThat(run(SEED, "seed")).isEqualTo(expected);
        assertThat(convertRepair(SEED, "seed")).isEqualTo(expected);
    }

    @Test
    void fixOnStdinAndOnTheFileRunAndConvertRepairDamagedLinesAlike() throws IOException {
        byte[] text = (String.join("\n", damaged) + "\n").getBytes(StandardCharsets.UTF_8);
        Path lines = Files.write(dir.resolve("damaged.txt"), text);
        byte[] fromFile = fix(new byte[0], lines.toString());
        assertThat(fix(text)).isEqualTo(fromFile);
        List<String> expected = new String(fromFile, StandardCharsets.UTF_8).lines().toList();
        assertThat(expected).hasSize(damaged.size());
        assertThat(expected).filteredOn(l -> !damaged.contains(l)).hasSizeGreaterThan(damaged.size() / 2);

        // the same lines as the turns of one conversation, in order
        ObjectNode record = JSON.createObjectNode().put("id", "damaged");
        ArrayNode messages = record.putArray("messages");
        for (int i = 0; i < damaged.size(); i++) {
            messages.addObject().put("role", i % 2 == 0 ? "user" : "assistant").put("content", damaged.get(i));
        }
        Path jsonl = Files.writeString(dir.resolve("damaged.jsonl"), JSON.writeValueAsString(record) + "\n");
        assertThat(run(jsonl, "damaged")).isEqualTo(expected);
        assertThat(convertRepair(jsonl, "damaged")).isEqualTo(expected);
    }

    /**
     * Real sentences of 33 locales mis-decoded under one of 13 pages; one in three loses the bytes the page leaves
     * undefined, one in five is mis-decoded twice. No trailing blanks (a turn's text is trimmed, a line's is not).
     */
    static List<String> damagedLines(int count, long seed) throws IOException {
        List<String> sentences = new ArrayList<>();
        for (String l : Files.readAllLines(SENTENCES, StandardCharsets.UTF_8)) {
            String[] f = l.split("\t", 3);
            if (f.length == 3 && !f[2].isBlank() && f[2].strip().equals(f[2])) {
                sentences.add(f[2]);
            }
        }
        Random rnd = new Random(seed);
        List<String> out = new ArrayList<>();
        while (out.size() < count) {
            String s = sentences.get(rnd.nextInt(sentences.size()));
            Charset page = Charset.forName(PAGES[rnd.nextInt(PAGES.length)]);
            boolean lossy = rnd.nextInt(3) == 0;
            for (int layer = rnd.nextInt(5) == 0 ? 2 : 1; layer > 0; layer--) {
                // the JDK reads an undefined byte as U+FFFD: drop it (the lossy damage) or keep the line as it was
                s = new String(s.getBytes(StandardCharsets.UTF_8), page).replace(lossy ? "\uFFFD" : "", "");
            }
            if (!s.contains("\uFFFD") && s.strip().equals(s) && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) {
                out.add(s);
            }
        }
        return out;
    }

    private static byte[] fix(byte[] stdin, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        FixCommand cmd = new FixCommand(new ByteArrayInputStream(stdin), out,
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        assertThat(new CommandLine(cmd).execute(args)).isZero();
        return out.toByteArray();
    }

    private static List<String> run(Path input, String name) throws IOException {
        Path yaml = Files.writeString(dir.resolve(name + ".yaml"), "input: {paths: [" + input.toAbsolutePath()
                + "]}\nsteps: [{step: repair}]\noutput: {dir: " + dir.resolve(name + "-run") + "}\n");
        assertThat(execute("run", yaml.toString(), "--no-progress")).isZero();
        return turns(dir.resolve(name + "-run/kept.jsonl"));
    }

    private static List<String> convertRepair(Path input, String name) throws IOException {
        Path out = dir.resolve(name + "-convert.jsonl");
        assertThat(execute("convert", input.toString(), "--to", "openai", "--repair", "-o", out.toString())).isZero();
        return turns(out);
    }

    private static int execute(String... args) {
        CommandLine cl = Main.commandLine();
        cl.setOut(new PrintWriter(new StringWriter()));
        cl.setErr(new PrintWriter(new StringWriter()));
        return cl.execute(args);
    }

    /** Every turn's text of every conversation in the file, in order. */
    private static List<String> turns(Path file) {
        try (Stream<ReadResult> rs = ConversationReader.read(InputSources.of(file), InputFormat.AUTO,
                RoleMap.defaults())) {
            return rs.flatMap(r -> ((ReadResult.Ok) r).conversation().turns().stream()).map(Turn::text).toList();
        }
    }
}
