package dev.colloquy.bench;

import dev.colloquy.format.InputFormat;
import dev.colloquy.format.JsonlRecords;
import dev.colloquy.format.ConversationReader;
import dev.colloquy.format.ReadResult;
import dev.colloquy.format.RoleMap;
import dev.colloquy.io.InputSources;
import dev.colloquy.model.Conversation;
import dev.colloquy.model.SourcePosition;
import dev.colloquy.model.Turn;
import dev.colloquy.step.Step;
import dev.colloquy.step.StepResult;
import dev.colloquy.repair.TextRepairer;
import dev.colloquy.signals.Signals;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * The full default signal set ({@link Signals#defaults()}: holes, structure, language, repetition,
 * echo, agreement loop, PII) per conversation, alone and after repair; one conversation per operation.
 * The {@code bytes} counter is the UTF-8 size of the turn texts, reported by JMH as bytes per second
 * (divide by 10^6 for MB/s). Issue 4's target: at least 20 MB/s per core, language identification
 * included, with a bounded heap (the fork runs with {@code -Xmx512m}; the live heap after setup is printed).
 *
 * <p>Inputs: {@code seed} is {@code examples/seed.txt} (the specimen conversation, English and Chinese,
 * about 14 KB); {@code corpus} is the first 3,000 records of {@code bench-data/corpus-20m/openai.jsonl}
 * (made by {@code bench/make-corpus.sh 20 bench-data/corpus-20m}: real English documentation text and
 * 25 catalog languages, 12% non-English). Run from the repository root:
 * <pre>
 * bench/jmh.sh SignalsBenchmark -t 1
 * </pre>
 */
@State(Scope.Benchmark)
public class SignalsBenchmark extends SignalThroughput {

    @Param({"seed", "corpus"})
    public String input;

    @Param("bench-data/corpus-20m/openai.jsonl")
    public String corpusFile;

    @Param("3000")
    public int records;

    /** {@code all}, or one step's name (e.g. {@code -p only=language}) to see what each signal costs. */
    @Param("all")
    public String only;

    private Conversation[] conversations;
    private int[] sizes;
    private List<Step> steps;
    private final TextRepairer repairer = TextRepairer.defaults();

    @Setup(Level.Trial)
    public void load() {
        conversations = conversations().toArray(Conversation[]::new);
        sizes = new int[conversations.length];
        for (int i = 0; i < conversations.length; i++) {
            for (Turn t : conversations[i].turns()) {
                sizes[i] += BenchInputs.utf8Length(t.text());
            }
        }
        steps = Signals.defaults().stream().filter(s -> only.equals("all") || s.name().equals(only)).toList();
        if (steps.isEmpty()) {
            throw new IllegalArgumentException("no signal step named " + only + "; names: "
                    + Signals.defaults().stream().map(Step::name).toList());
        }
        for (Conversation c : conversations) {
            signals(c);
        }
        System.gc();
        Runtime rt = Runtime.getRuntime();
        System.out.printf(Locale.ROOT, "%n[heap] live after setup and one pass: %.1f MB of max %.0f MB%n",
                (rt.totalMemory() - rt.freeMemory()) / 1e6, rt.maxMemory() / 1e6);
    }

    /** The conversations of {@link #input}; also used by {@link CpuThroughput}. */
    List<Conversation> conversations() {
        return input.equals("seed") ? seed() : corpus(Path.of(corpusFile), records);
    }

    @TearDown(Level.Trial)
    public void heap() {
        System.gc();
        Runtime rt = Runtime.getRuntime();
        System.out.printf(Locale.ROOT, "%n[heap] live at end: %.1f MB of max %.0f MB%n",
                (rt.totalMemory() - rt.freeMemory()) / 1e6, rt.maxMemory() / 1e6);
    }


    @Benchmark
    public Conversation signals(InputProgress progress) {
        return signals(conversations[progress.advance(sizes)]);
    }

    @Benchmark
    public Conversation repairThenSignals(InputProgress progress) {
        Conversation c = conversations[progress.advance(sizes)];
        List<Turn> turns = new ArrayList<>(c.turns().size());
        for (Turn t : c.turns()) {
            turns.add(t.withText(repairer.repair(t.text()).text()));
        }
        return signals(c.withTurns(turns));
    }

    private Conversation signals(Conversation c) {
        Conversation out = c;
        for (Step step : steps) {
            StepResult r = step.apply(out);
            if (r instanceof StepResult.Kept kept) {
                out = kept.conversation();
            } else {
                return ((StepResult.Rejected) r).conversation();
            }
        }
        return out;
    }

    private static List<Conversation> seed() {
        Path seed = Path.of("examples/seed.txt");
        if (!Files.isRegularFile(seed)) {
            throw new IllegalStateException(seed.toAbsolutePath() + " is missing: run from the repository root");
        }
        try (Stream<ReadResult> results = ConversationReader.read(InputSources.expand(List.of(seed.toString())).get(0),
                InputFormat.TRANSCRIPT, RoleMap.defaults())) {
            return results.filter(r -> r instanceof ReadResult.Ok).map(r -> ((ReadResult.Ok) r).conversation()).toList();
        }
    }

    private static List<Conversation> corpus(Path file, int limit) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException(file.toAbsolutePath()
                    + " is missing: run bench/make-corpus.sh 20 bench-data/corpus-20m from the repository root first");
        }
        List<Conversation> out = new ArrayList<>();
        // An InputStreamReader replaces the corpus's planted invalid UTF-8 instead of failing on it.
        try (Stream<String> lines = new java.io.BufferedReader(new java.io.InputStreamReader(
                Files.newInputStream(file), StandardCharsets.UTF_8)).lines()) {
            int[] n = {0};
            lines.limit(limit * 2L).forEach(line -> {
                n[0]++;
                if (out.size() < limit && JsonlRecords.parse(line, new SourcePosition(file.toString(), n[0]), RoleMap.defaults())
                        instanceof ReadResult.Ok ok) {
                    out.add(ok.conversation());
                }
            });
        } catch (IOException | UncheckedIOException e) {
            throw new IllegalStateException("cannot read " + file + ": " + e.getMessage(), e);
        }
        return out;
    }
}
