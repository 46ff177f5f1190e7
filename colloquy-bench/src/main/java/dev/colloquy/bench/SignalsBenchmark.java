package dev.colloquy.bench;

import dev.colloquy.model.Conversation;
import dev.colloquy.model.Role;
import dev.colloquy.model.SourcePosition;
import dev.colloquy.model.Turn;
import dev.colloquy.pipeline.Step;
import dev.colloquy.pipeline.StepResult;
import dev.colloquy.signals.Signals;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The full signal set ({@link Signals#defaults()}: holes, structure, language, repetition, echo, agreement loop,
 * PII) on one conversation per operation. The {@code bytes} counter is the UTF-8 size of the turn texts, so its
 * ops/s row is bytes per second. Issue 4's target: 20 MB/s per core, about 1,000 seed-sized conversations/s.
 *
 * <p>Inputs, read from the repository root: {@code seed} is {@code examples/seed.txt} with its mojibake undone by
 * re-encoding to windows-1254 (20 turns, Chinese and English); {@code multilingual} is 20 turns of about 1 kB,
 * each in another language, built from the Debian catalog sentences in
 * {@code colloquy-core/src/test/resources/multilingual/sentences.tsv}, so most turns go to Lingua. Run:
 * <pre>
 * bench/jmh.sh SignalsBenchmark -t 1
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@Fork(value = 1, jvmArgsAppend = {"-Xmx256m", "-Dfile.encoding=UTF-8"})
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
public class SignalsBenchmark {

    @Param({"seed", "multilingual"})
    public String input;

    @Param(".")
    public String root;

    private Conversation conversation;
    private long bytes;
    private final List<Step> steps = Signals.defaults();

    @Setup(Level.Trial)
    public void load() throws IOException {
        conversation = input.equals("seed") ? seed(Path.of(root)) : multilingual(Path.of(root));
        for (Turn t : conversation.turns()) {
            bytes += BenchInputs.utf8Length(t.text());
        }
    }

    static Conversation seed(Path root) throws IOException {
        String raw = Files.readString(root.resolve("examples/seed.txt"), StandardCharsets.UTF_8);
        String text = new String(raw.getBytes(Charset.forName("windows-1254")), StandardCharsets.UTF_8);
        Matcher m = Pattern.compile("(?m)^\\[([A-Z])\\]: ").matcher(text);
        List<Turn> turns = new ArrayList<>();
        int start = -1;
        String speaker = null;
        while (m.find()) {
            if (speaker != null) {
                turns.add(turn(speaker, text.substring(start, m.start()).strip()));
            }
            speaker = m.group(1);
            start = m.end();
        }
        turns.add(turn(speaker, text.substring(start).strip()));
        return new Conversation("seed", new SourcePosition("seed", 1), turns);
    }

    static Conversation multilingual(Path root) {
        Path tsv = root.resolve("colloquy-core/src/test/resources/multilingual/sentences.tsv");
        Map<String, StringBuilder> byLanguage = new LinkedHashMap<>();
        try {
            for (String line : Files.readAllLines(tsv, StandardCharsets.UTF_8)) {
                String[] f = line.split("\t", 3);
                if (f.length == 3) {
                    StringBuilder sb = byLanguage.computeIfAbsent(f[0], k -> new StringBuilder());
                    if (sb.length() < 1000) {
                        sb.append(f[2]).append(". ");
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Turn> turns = new ArrayList<>();
        for (StringBuilder sb : byLanguage.values()) {
            if (turns.size() == 20) {
                break;
            }
            turns.add(turn(turns.size() % 2 == 0 ? "A" : "B", sb.toString().strip()));
        }
        return new Conversation("multilingual", new SourcePosition("multilingual", 1), turns);
    }

    private static Turn turn(String speaker, String text) {
        return new Turn(speaker, speaker.equals("A") ? Role.USER : Role.ASSISTANT, text);
    }

    /** Bytes of turn text processed, which JMH reports as a rate. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class Progress {
        public long bytes;

        @Setup(Level.Iteration)
        public void reset() {
            bytes = 0;
        }
    }

    @Benchmark
    @OutputTimeUnit(TimeUnit.SECONDS)
    public Conversation allSignals(Progress progress) {
        Conversation c = conversation;
        for (Step s : steps) {
            StepResult r = s.apply(c);
            c = r instanceof StepResult.Kept k ? k.conversation() : ((StepResult.Rejected) r).conversation();
        }
        progress.bytes += bytes;
        return c;
    }
}
