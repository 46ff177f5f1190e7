package dev.colloquy.bench;

import dev.colloquy.format.ConversationReader;
import dev.colloquy.format.InputFormat;
import dev.colloquy.format.ReadResult;
import dev.colloquy.format.RoleMap;
import dev.colloquy.io.InputSources;
import dev.colloquy.model.Conversation;
import dev.colloquy.model.Turn;
import dev.colloquy.pipeline.steps.RepairStep;
import dev.colloquy.signals.LanguageIdentifier;
import dev.colloquy.step.StepResult;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * The {@code language} step alone on the README pipeline's corpus ({@code bench/make-corpus.sh}): what it costs
 * inside the pipeline, where turns are short, mixed and sometimes damaged, rather than on the long catalog turns of
 * {@link LanguageBenchmark}. Reads the corpus's three files, repairs every conversation as the pipeline does before
 * it (not timed), then times the step by the calling thread's CPU time: the first pass (model loading and JIT
 * included, as one runner thread of a fresh JVM pays it) and a warm second pass. Prints the live heap the models
 * add. Run from the repository root:
 * <pre>
 * java -cp colloquy-bench/target/colloquy-bench.jar dev.colloquy.bench.LanguageStepCost bench-data/corpus-46m [--unrepaired] [--passes N]
 * </pre>
 * {@code --unrepaired} skips the repair (a quicker set-up when only the step's own speed is compared);
 * {@code --passes N} runs N passes instead of 2 (one warm pass spreads 10-20% on a loaded machine). Each pass
 * prints a digest of every finding the step made (languages, confidences, spans, mismatches), so a change meant
 * to be faster only can show it answers exactly as before.
 */
public final class LanguageStepCost {

    private LanguageStepCost() {
    }

    public static void main(String[] args) {
        Path dir = Path.of(args.length > 0 ? args[0] : "bench-data/corpus-46m");
        boolean repaired = !List.of(args).contains("--unrepaired");
        int at = List.of(args).indexOf("--passes");
        int passes = at >= 0 ? Integer.parseInt(args[at + 1]) : 2;
        RepairStep repair = new RepairStep();
        List<Conversation> conversations = new ArrayList<>();
        for (String name : List.of("openai.jsonl", "sharegpt.jsonl", "transcripts.txt")) {
            try (Stream<ReadResult> s = ConversationReader.read(InputSources.of(dir.resolve(name)), InputFormat.AUTO,
                    RoleMap.defaults())) {
                s.forEach(r -> {
                    if (r instanceof ReadResult.Ok ok) {
                        if (!repaired) {
                            conversations.add(ok.conversation());
                        } else if (repair.apply(ok.conversation()) instanceof StepResult.Kept k) {
                            conversations.add(k.conversation());
                        }
                    }
                });
            }
        }
        long bytes = 0;
        long turns = 0;
        for (Conversation c : conversations) {
            for (Turn t : c.turns()) {
                bytes += BenchInputs.utf8Length(t.text());
                turns++;
            }
        }
        System.out.printf(Locale.ROOT, "%s: %d conversations, %d turns, %.1f MB of turn text (UTF-8)%n", dir,
                conversations.size(), turns, bytes / 1e6);
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        long heapBefore = liveHeap();
        LanguageIdentifier step = new LanguageIdentifier();
        for (int pass = 1; pass <= passes; pass++) {
            long start = mx.getCurrentThreadCpuTime();
            List<StepResult> results = new ArrayList<>(conversations.size());
            for (Conversation c : conversations) {
                results.add(step.apply(c));
            }
            double cpu = (mx.getCurrentThreadCpuTime() - start) / 1e9;
            System.out.printf(Locale.ROOT, "pass %d (%s): %.2f CPU-s = %.1f MB per CPU-second, %.1f us per turn;"
                    + " findings digest %s%n", pass, pass == 1 ? "cold: model loading and JIT included" : "warm", cpu,
                    bytes / 1e6 / cpu, cpu * 1e6 / turns, digest(results));
        }
        System.out.printf(Locale.ROOT, "live heap of the models loaded by this corpus: +%.1f MB%n",
                (liveHeap() - heapBefore) / 1e6);
    }

    /** SHA-256 over the text form of every finding (records print all their fields), first 16 hex digits. */
    private static String digest(List<StepResult> results) {
        try {
            java.security.MessageDigest md = java.security.MessageDigest.getInstance("SHA-256");
            for (StepResult r : results) {
                if (r instanceof StepResult.Kept k) {
                    md.update(k.conversation().findings().toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
                    for (Turn t : k.conversation().turns()) {
                        md.update(t.findings().toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
                    }
                }
            }
            return java.util.HexFormat.of().formatHex(md.digest()).substring(0, 16);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long liveHeap() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        Runtime rt = Runtime.getRuntime();
        return rt.totalMemory() - rt.freeMemory();
    }
}
