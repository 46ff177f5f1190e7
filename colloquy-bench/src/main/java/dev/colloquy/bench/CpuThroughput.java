package dev.colloquy.bench;

import dev.colloquy.model.Conversation;
import dev.colloquy.model.Turn;
import dev.colloquy.step.Step;
import dev.colloquy.step.StepResult;
import dev.colloquy.repair.TextRepairer;
import dev.colloquy.signals.Signals;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.List;
import java.util.Locale;

/**
 * Single-thread throughput measured in thread CPU time rather than wall time, for a machine shared
 * with other work: MB processed per CPU second of the measuring thread is close to what one idle core
 * gives, where JMH's wall-clock rates fall with the machine's load. It is a cross-check for the JMH
 * benchmarks, not a replacement: no forks, one warm-up phase, and cache contention still counts.
 *
 * <p>Run with {@code bench/cpu-speed.sh}, or
 * {@code java -cp colloquy-bench/target/colloquy-bench.jar dev.colloquy.bench.CpuThroughput [--warmup S] [--measure S] WORKLOAD...}
 * where WORKLOAD is {@code repair:clean-en}, {@code repair:clean-cjk}, {@code repair:broken-multi}
 * (inputs of {@code bench/make-text.sh}), {@code signals:seed} or {@code signals:corpus}
 * (inputs of {@link SignalsBenchmark}).
 */
public final class CpuThroughput {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private CpuThroughput() {
    }

    public static void main(String[] args) {
        double warmup = 10;
        double measure = 20;
        String dataDir = "bench-data";
        List<String> workloads = new java.util.ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--warmup" -> warmup = Double.parseDouble(args[++i]);
                case "--measure" -> measure = Double.parseDouble(args[++i]);
                case "--data" -> dataDir = args[++i];
                default -> workloads.add(args[i]);
            }
        }
        if (workloads.isEmpty()) {
            workloads = List.of("repair:clean-en", "repair:clean-cjk", "repair:broken-multi", "signals:seed", "signals:corpus");
        }
        System.out.printf(Locale.ROOT, "%-22s %10s %12s %12s %10s%n", "workload", "cpu_s", "MB/cpu_s", "wall MB/s", "items/cpu_s");
        for (String w : workloads) {
            Workload work = workload(w, dataDir);
            run(work, warmup);
            Result r = run(work, measure);
            System.out.printf(Locale.ROOT, "%-22s %10.1f %12.2f %12.2f %10.0f%n", w, r.cpuSeconds,
                    r.bytes / 1e6 / r.cpuSeconds, r.bytes / 1e6 / r.wallSeconds, r.items / r.cpuSeconds);
        }
    }

    private static Result run(Workload work, double cpuSeconds) {
        long cpu0 = THREADS.getCurrentThreadCpuTime();
        long wall0 = System.nanoTime();
        long budget = (long) (cpuSeconds * 1e9);
        long bytes = 0;
        long items = 0;
        int i = 0;
        long sink = 0;
        while (THREADS.getCurrentThreadCpuTime() - cpu0 < budget) {
            // Checking the clock every 64 items keeps its cost out of the measurement.
            for (int k = 0; k < 64; k++) {
                sink += work.process(i);
                bytes += work.size(i);
                items++;
                i = i + 1 == work.count() ? 0 : i + 1;
            }
        }
        if (sink == 42) {
            System.out.print("");
        }
        return new Result((THREADS.getCurrentThreadCpuTime() - cpu0) / 1e9, (System.nanoTime() - wall0) / 1e9, bytes, items);
    }

    private static Workload workload(String name, String dataDir) {
        String[] parts = name.split(":", 2);
        if (parts.length != 2) {
            throw new IllegalArgumentException("workload must be repair:INPUT or signals:seed|corpus, was " + name);
        }
        if (parts[0].equals("repair")) {
            String[] lines = BenchInputs.lines(dataDir, parts[1]).toArray(String[]::new);
            int[] sizes = new int[lines.length];
            for (int i = 0; i < lines.length; i++) {
                sizes[i] = BenchInputs.utf8Length(lines[i]) + 1;
            }
            TextRepairer repairer = TextRepairer.defaults();
            return new Workload(lines.length, i -> repairer.repair(lines[i]).text().length(), i -> sizes[i]);
        }
        SignalsBenchmark source = new SignalsBenchmark();
        source.input = parts[1];
        source.corpusFile = dataDir + "/corpus-20m/openai.jsonl";
        source.records = 3000;
        source.only = "all";
        Conversation[] conversations = source.conversations().toArray(Conversation[]::new);
        int[] sizes = new int[conversations.length];
        for (int i = 0; i < conversations.length; i++) {
            for (Turn t : conversations[i].turns()) {
                sizes[i] += BenchInputs.utf8Length(t.text());
            }
        }
        List<Step> steps = Signals.defaults();
        return new Workload(conversations.length, i -> {
            Conversation c = conversations[i];
            for (Step s : steps) {
                StepResult r = s.apply(c);
                if (!(r instanceof StepResult.Kept kept)) {
                    break;
                }
                c = kept.conversation();
            }
            return c.findings().size();
        }, i -> sizes[i]);
    }

    private record Workload(int count, java.util.function.IntToLongFunction work, java.util.function.IntUnaryOperator sizes) {
        long process(int i) {
            return work.applyAsLong(i);
        }

        int size(int i) {
            return sizes.applyAsInt(i);
        }
    }

    private record Result(double cpuSeconds, double wallSeconds, long bytes, long items) {
    }
}
