package dev.colloquy.bench;

import dev.colloquy.model.Conversation;
import dev.colloquy.model.Role;
import dev.colloquy.model.SourcePosition;
import dev.colloquy.model.Turn;
import dev.colloquy.step.StepResult;
import dev.colloquy.signals.LanguageIdentifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The {@code language} step alone, one conversation per operation, on real multilingual text: the long turns of
 * {@code bench/language-accuracy.sh} (Debian catalog sentences joined to 250+ characters, 34 languages, test split)
 * made into conversations of {@link #turns} turns, each turn a random mix of {@link #joined} cases of one
 * language. The {@code bytes} counter is the UTF-8 size of the turn texts (bytes per second; divide by 10^6 for
 * MB/s). Before measuring, the live heap with the models loaded is printed beside the heap of an empty JVM run.
 * <pre>
 * bench/jmh.sh LanguageBenchmark -t 1
 * java -cp colloquy-bench/target/colloquy-bench.jar dev.colloquy.bench.LanguageBenchmark [seconds]
 * </pre>
 * The second form times the same work by the calling thread's CPU time instead (after one pass that loads the
 * models), which a busy machine does not inflate: MB per CPU-second approaches one idle core.
 */
@State(Scope.Benchmark)
public class LanguageBenchmark extends SignalThroughput {

    /** Long-turn cases per turn: 1 gives ~330-character turns, 4 ~1.3 kB turns (sampling caps the work). */
    @Param({"1", "4"})
    public int joined;

    @Param("10")
    public int turns;

    private Conversation[] conversations;
    private int[] sizes;
    private final LanguageIdentifier step = new LanguageIdentifier();

    public static void main(String[] args) {
        double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 10;
        java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
        for (int j : new int[] {1, 4}) {
            LanguageBenchmark b = new LanguageBenchmark();
            b.joined = j;
            b.turns = 10;
            b.load();
            long bytes = 0;
            long start = mx.getCurrentThreadCpuTime();
            long used;
            int i = 0;
            do {
                b.step.apply(b.conversations[i]);
                bytes += b.sizes[i];
                i = i + 1 == b.conversations.length ? 0 : i + 1;
                used = mx.getCurrentThreadCpuTime() - start;
            } while (used < seconds * 1e9);
            System.out.printf(Locale.ROOT, "joined=%d: %.1f MB in %.2f CPU-s = %.1f MB per CPU-second%n", j, bytes / 1e6,
                    used / 1e9, bytes / 1e6 / (used / 1e9));
        }
    }

    @Setup(Level.Trial)
    public void load() {
        long before = liveHeap();
        List<LanguageCases.Case> cases = LanguageCases.cases(1, 200, 0, 11).stream()
                .filter(c -> c.kind().equals("long")).toList();
        List<Conversation> out = new ArrayList<>();
        java.util.Random rnd = new java.util.Random(7);
        for (int i = 0; i + turns * joined <= cases.size(); i += turns * joined) {
            List<Turn> ts = new ArrayList<>();
            for (int t = 0; t < turns; t++) {
                StringBuilder sb = new StringBuilder();
                String lang = cases.get(i + t * joined).language();
                for (int k = 0; k < joined; k++) {
                    LanguageCases.Case c = cases.get(i + t * joined + k);
                    if (c.language().equals(lang)) {
                        sb.append(sb.isEmpty() ? "" : "\n\n").append(c.text());
                    }
                }
                ts.add(new Turn(t % 2 == 0 ? "A" : "B", t % 2 == 0 ? Role.USER : Role.ASSISTANT, sb.toString()));
            }
            out.add(new Conversation("c" + i, new SourcePosition("bench", i), ts));
        }
        java.util.Collections.shuffle(out, rnd);
        conversations = out.toArray(Conversation[]::new);
        sizes = new int[conversations.length];
        long total = 0;
        for (int i = 0; i < conversations.length; i++) {
            for (Turn t : conversations[i].turns()) {
                sizes[i] += BenchInputs.utf8Length(t.text());
            }
            total += sizes[i];
        }
        long textHeap = liveHeap();
        for (Conversation c : conversations) {
            step.apply(c);
        }
        long withModels = liveHeap();
        System.out.printf(Locale.ROOT, "%n[heap] %d conversations, %.1f MB of text; live heap %.1f MB before the text,"
                        + " %.1f MB with it, %.1f MB with the language models loaded (+%.1f MB)%n",
                conversations.length, total / 1e6, before / 1e6, textHeap / 1e6, withModels / 1e6,
                (withModels - textHeap) / 1e6);
    }

    private static long liveHeap() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        Runtime rt = Runtime.getRuntime();
        return rt.totalMemory() - rt.freeMemory();
    }


    @Benchmark
    public StepResult language(InputProgress progress) {
        return step.apply(conversations[progress.advance(sizes)]);
    }
}
