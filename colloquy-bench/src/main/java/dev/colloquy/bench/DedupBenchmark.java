package dev.colloquy.bench;

import dev.colloquy.dedup.DedupConfig;
import dev.colloquy.dedup.DedupDecision;
import dev.colloquy.dedup.DedupSketcher;
import dev.colloquy.dedup.Fingerprint;
import dev.colloquy.dedup.LocalDeduplicator;
import dev.colloquy.dedup.RecordKey;
import dev.colloquy.dedup.RecordSketch;
import dev.colloquy.model.Conversation;
import dev.colloquy.model.Role;
import dev.colloquy.model.SourcePosition;
import dev.colloquy.model.Turn;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Dedup cost per record on one thread: sketching (normalize, shingle, 128-permutation MinHash) and the
 * sequential index check, on conversations of six turns assembled from real catalog sentences (German,
 * Simplified Chinese), one record in ten a near-duplicate of an earlier one. Divide the printed average
 * record size by the time per operation for MB/s.
 *
 * <p>Run: {@code bench/dedup.sh} (or {@code java -jar colloquy-bench/target/colloquy-bench.jar DedupBenchmark}).
 * On a shared machine wall-clock times inflate with the load; {@link #main} measures the same two operations
 * in thread CPU time, which the load disturbs much less ({@code bench/dedup.sh --cpu}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class DedupBenchmark {

    @Param({"de", "zh_CN"})
    public String locale;

    private List<Conversation> records;
    private List<RecordSketch> sketches;
    private DedupSketcher sketcher;
    private LocalDeduplicator deduplicator;
    private int next;
    private long line;

    @Setup(Level.Trial)
    public void build() {
        List<String> sentences = CatalogSentences.load(CatalogSentences.DEFAULT_ROOT, locale, 1);
        if (sentences.size() < 100) {
            throw new IllegalStateException("too few catalog sentences for " + locale + " under "
                    + CatalogSentences.DEFAULT_ROOT);
        }
        Random random = new Random(7);
        records = new ArrayList<>();
        long bytes = 0;
        for (int i = 0; i < 4000; i++) {
            List<Turn> turns = new ArrayList<>();
            if (i > 0 && random.nextInt(10) == 0) {
                turns.addAll(records.get(random.nextInt(i)).turns());
                int k = random.nextInt(turns.size());
                turns.set(k, turns.get(k).withText(sentences.get(random.nextInt(sentences.size()))));
            } else {
                for (int t = 0; t < 6; t++) {
                    StringBuilder text = new StringBuilder();
                    for (int s = 0; s < 3; s++) {
                        text.append(sentences.get(random.nextInt(sentences.size()))).append(' ');
                    }
                    turns.add(new Turn(t % 2 == 0 ? "A" : "B", t % 2 == 0 ? Role.USER : Role.ASSISTANT,
                            text.toString().strip()));
                }
            }
            Conversation c = new Conversation("r" + i, new SourcePosition("bench.jsonl", i + 1), turns);
            records.add(c);
            for (Turn t : turns) {
                bytes += t.text().getBytes(StandardCharsets.UTF_8).length;
            }
        }
        sketcher = new DedupSketcher(DedupConfig.defaults());
        sketches = records.stream().map(sketcher::sketch).toList();
        System.out.printf("%n%s: %d records, average %d bytes of turn text (UTF-8)%n", locale, records.size(),
                bytes / records.size());
    }

    @Setup(Level.Iteration)
    public void freshIndex() {
        deduplicator = new LocalDeduplicator(DedupConfig.defaults());
        line = 0;
    }

    /** Per-record sketch: the part engines run in parallel. */
    @Benchmark
    public RecordSketch sketch() {
        next = (next + 1) % records.size();
        return sketcher.sketch(records.get(next));
    }

    /**
     * Per-record index check with a ready sketch: the sequential part of the local engine. Each pass over the
     * pool XORs the sketches with a pass constant, so later passes are new records (with the same share of
     * near-duplicates among themselves) rather than exact copies of the first; the copy costs ~0.1 us.
     */
    @Benchmark
    public DedupDecision check() {
        next = (next + 1) % records.size();
        Conversation c = records.get(next);
        RecordSketch s = sketches.get(next);
        int pass = (int) (line / records.size());
        int[] sig = s.signature().clone();
        for (int i = 0; i < sig.length; i++) {
            sig[i] ^= pass * 0x9E3779B9;
        }
        Fingerprint fp = new Fingerprint(s.fingerprint().high() ^ pass, s.fingerprint().low());
        return deduplicator.check(new RecordKey("bench.jsonl", ++line, 0), c.id(), c.source(),
                new RecordSketch(fp, sig, false));
    }

    /** Thread CPU time per record of sketch and check, after a warm-up pass; prints one line per locale. */
    public static void main(String[] args) {
        java.lang.management.ThreadMXBean cpu = java.lang.management.ManagementFactory.getThreadMXBean();
        for (String locale : List.of("de", "zh_CN")) {
            DedupBenchmark b = new DedupBenchmark();
            b.locale = locale;
            b.build();
            long sink = 0;
            double sketchUs = 0;
            double checkUs = 0;
            for (int round = 0; round < 4; round++) {
                b.freshIndex();
                long t0 = cpu.getCurrentThreadCpuTime();
                for (int i = 0; i < b.records.size(); i++) {
                    sink += b.sketch().signature().length;
                }
                long t1 = cpu.getCurrentThreadCpuTime();
                for (int i = 0; i < 5 * b.records.size(); i++) {
                    sink += b.check().isDuplicate() ? 1 : 0;
                }
                long t2 = cpu.getCurrentThreadCpuTime();
                sketchUs = (t1 - t0) / 1e3 / b.records.size();
                checkUs = (t2 - t1) / 1e3 / (5 * b.records.size());
            }
            System.out.printf(java.util.Locale.ROOT, "%s: sketch %.1f us/record, check %.2f us/record (CPU time, "
                    + "last of 4 rounds; %d)%n", locale, sketchUs, checkUs, sink % 10);
        }
    }
}
