package dev.colloquy.bench;

import dev.colloquy.model.Conversation;
import dev.colloquy.model.Role;
import dev.colloquy.model.SourcePosition;
import dev.colloquy.model.Turn;
import dev.colloquy.step.Step;
import dev.colloquy.step.StepResult;
import dev.colloquy.repair.TextRepairer;
import dev.colloquy.signals.Signals;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Each default signal step on the repaired seed, timed by the calling thread's CPU time rather than wall time,
 * so the figure is per core even on a busy machine (JMH's {@link SignalsBenchmark} measures wall time). Lingua
 * work done in the common fork-join pool is not counted; on the seed no turn reaches Lingua. Run from the
 * repository root:
 * <pre>
 * java -cp colloquy-bench/target/colloquy-bench.jar dev.colloquy.bench.SignalsCpuTime [seconds-per-step]
 * </pre>
 */
public final class SignalsCpuTime {

    private SignalsCpuTime() {
    }

    public static void main(String[] args) throws IOException {
        double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 3;
        Conversation seed = repairedSeed(Path.of("examples/seed.txt"));
        long bytes = 0;
        for (Turn t : seed.turns()) {
            bytes += t.text().getBytes(StandardCharsets.UTF_8).length;
        }
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        double totalSecondsPerConversation = 0;
        for (Step step : Signals.defaults()) {
            run(step, seed, seconds / 3, mx);
            double rate = run(step, seed, seconds, mx);
            totalSecondsPerConversation += 1 / rate;
            System.out.printf(Locale.ROOT, "%-16s %10.0f conversations/s  %8.1f MB/s%n", step.name(), rate,
                    rate * bytes / 1e6);
        }
        double all = 1 / totalSecondsPerConversation;
        System.out.printf(Locale.ROOT, "%-16s %10.0f conversations/s  %8.1f MB/s  (sum of the steps; %d bytes each)%n",
                "all", all, all * bytes / 1e6, bytes);
    }

    /** Conversations per CPU-second of the calling thread. */
    private static double run(Step step, Conversation c, double seconds, ThreadMXBean mx) {
        long start = mx.getCurrentThreadCpuTime();
        long budget = (long) (seconds * 1e9);
        long n = 0;
        long used;
        do {
            for (int i = 0; i < 10; i++) {
                StepResult r = step.apply(c);
                if (!(r instanceof StepResult.Kept)) {
                    throw new IllegalStateException(step.name() + " rejected the seed");
                }
            }
            n += 10;
            used = mx.getCurrentThreadCpuTime() - start;
        } while (used < budget);
        return n / (used / 1e9);
    }

    static Conversation repairedSeed(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        Matcher m = Pattern.compile("(?m)^\\[([A-Z])\\]: ").matcher(text);
        List<Turn> turns = new ArrayList<>();
        int start = -1;
        String speaker = null;
        TextRepairer repairer = TextRepairer.defaults();
        while (true) {
            boolean found = m.find();
            if (speaker != null) {
                String body = text.substring(start, found ? m.start() : text.length()).strip();
                turns.add(new Turn(speaker, speaker.equals("A") ? Role.USER : Role.ASSISTANT,
                        repairer.repair(body).text()));
            }
            if (!found) {
                break;
            }
            speaker = m.group(1);
            start = m.end();
        }
        return new Conversation("seed", new SourcePosition(file.toString(), 1), turns);
    }
}
