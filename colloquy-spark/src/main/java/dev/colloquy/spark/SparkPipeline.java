package dev.colloquy.spark;

import dev.colloquy.dedup.DedupConfig;
import dev.colloquy.dedup.DedupSketcher;
import dev.colloquy.dedup.DuplicateOf;
import dev.colloquy.format.OutputFormat;
import dev.colloquy.model.Conversation;
import dev.colloquy.model.Rejection;
import dev.colloquy.pipeline.DedupStep;
import dev.colloquy.pipeline.FormatCodec;
import dev.colloquy.pipeline.OrderedOutputs;
import dev.colloquy.pipeline.OutcomeTally;
import dev.colloquy.pipeline.PipelineConfig;
import dev.colloquy.pipeline.RecordCodec;
import dev.colloquy.pipeline.RedactingCodec;
import dev.colloquy.pipeline.RunListener;
import dev.colloquy.pipeline.RunSummary;
import dev.colloquy.pipeline.StepChain;
import dev.colloquy.pipeline.steps.StepRegistry;
import java.io.IOException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import org.apache.spark.util.LongAccumulator;
import scala.Tuple2;

/*
 * The same pipeline as LocalRunner, laid out on Spark:
 *   inputs (one task per file, Parquet files included, or per line-aligned range of a big JSON Lines file)
 *     -> RecordProcessor in executors: the same reader, step chain, output line and dedup sketch
 *     -> DistributedDedup: the same keep rule by group-bys
 *     -> sortByKey(canonical order) -> per-partition tallies (RunStats/RunExamples) merged in partition order
 *     -> outputs: streamed to the driver through OrderedOutputs for a local output directory (byte-identical to
 *        a local run), or saved as part files for a Hadoop output directory (Parquet by Spark's writer, in the
 *        columns the local writer gives the same records).
 * Parallelism is per input file, and per byte range of a large uncompressed JSON Lines file (InputParts), so one
 * huge file spreads over the cluster too.
 */

/** Runs one {@link PipelineConfig} on a {@link SparkSession}. */
final class SparkPipeline {

    /*
     * The phases, as Spark job descriptions: progress lines (SparkProgress) and Spark's event log name each job's
     * stages by them (bench/spark-vs-local.sh finds the read stage's tasks by READ).
     */
    static final String LINE_NUMBERS = "colloquy: line numbers of ranges";
    static final String READ = "colloquy: read + steps";
    static final String DECIDE = "colloquy: dedup + sort + tally";
    static final String WRITE = "colloquy: write";

    /*
     * Where the read outcomes and the final records are kept between jobs: on the executors' local disks, streamed.
     * MEMORY_AND_DISK_SER serializes a whole partition into the heap before it decides to spill; a 64 MiB range of
     * the README pipeline's outcomes (each record as read and as kept, with its findings) ran Spark local[2] out of
     * a 2 GB and then a 4 GB heap on a 1 GB input (docs/spark.md). DISK_ONLY writes each partition as it is computed.
     */
    private static final StorageLevel CACHE = StorageLevel.DISK_ONLY();

    private final SparkSession spark;
    private final PipelineConfig config;
    private final RunListener listener;
    /** Read tasks of the text inputs (files, or ranges of large JSON Lines files), reported in the timings. */
    private int readTasks;

    /** @param listener hears the phases and stages as {@linkplain RunListener#note notes} ({@link SparkProgress}) */
    SparkPipeline(SparkSession spark, PipelineConfig config, RunListener listener) {
        this.spark = spark;
        this.config = config;
        this.listener = listener;
    }

    RunSummary run() throws IOException {
        long t0 = System.nanoTime();
        if (config.output().dir() == null) {
            throw new IllegalArgumentException(config.file() + ": no output directory: set output.dir or pass --output");
        }
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        ShuffleMeter shuffle = new ShuffleMeter();
        spark.sparkContext().addSparkListener(shuffle);
        Configuration hadoop = jsc.hadoopConfiguration();
        Map<String, String> hadoopConf = new HashMap<>();
        hadoop.forEach(e -> hadoopConf.put(e.getKey(), e.getValue()));

        List<SparkInput> inputs = SparkInputs.expand(config.input().paths(), hadoop);
        StepChain chain = config.stepChain(StepRegistry.defaults());
        Optional<DedupConfig> dedup = DedupStep.configOf(config);
        RecordCodec codec = RedactingCodec.of(new FormatCodec(config.output().style()), config); // pii_action: redact covers every line
        // Progress only: a task Spark runs again counts again.
        LongAccumulator recordsRead = jsc.sc().longAccumulator("colloquy.records_read");
        LongAccumulator recordsKept = jsc.sc().longAccumulator("colloquy.records_kept");
        RecordProcessor processor = new RecordProcessor(config, chain, codec,
                dedup.map(DedupSketcher::new).orElse(null), hadoopConf, recordsRead, recordsKept);

        jsc.setJobDescription(LINE_NUMBERS);
        List<InputPart> parts = parts(jsc, inputs, hadoopConf);
        SparkProgress progress = new SparkProgress(listener, recordsRead, recordsKept,
                parts.stream().mapToLong(InputPart::bytes).toArray());
        spark.sparkContext().addSparkListener(progress);
        JavaRDD<Outcome> read = jsc.parallelize(parts, Math.max(1, parts.size())).flatMap(processor::readPart)
                .persist(CACHE);
        jsc.setJobDescription(READ);
        // Blank lines are no records: their counts travel beside the records and are summed here.
        long[] lines = read.filter(Outcome::isLineCount).map(o -> new long[] {o.lines(), o.blankLines()})
                .fold(new long[2], (a, b) -> new long[] {a[0] + b[0], a[1] + b[1]});
        JavaRDD<Outcome> outcomes = read.filter(o -> !o.isLineCount());
        int partitions = Math.max(1, outcomes.getNumPartitions());
        // Not persisted again: a filter and a pair over the cached read are cheap, and the outcomes are held once.
        JavaPairRDD<Long, Outcome> keyed = outcomes.mapToPair(o -> new Tuple2<>(o.ordinal(), o));
        long tRead = System.nanoTime();

        JavaPairRDD<Long, Tuple2<Outcome, org.apache.spark.api.java.Optional<DuplicateOf>>> decided;
        jsc.setJobDescription(DECIDE); // sortByKey samples its range bounds right away: a job of this phase
        if (dedup.isPresent()) {
            decided = keyed.leftOuterJoin(DistributedDedup.decide(keyed, dedup.get()), partitions);
        } else {
            decided = keyed.mapValues(o -> new Tuple2<>(o, org.apache.spark.api.java.Optional.<DuplicateOf>empty()));
        }
        JavaRDD<Final> finals = decided.sortByKey(true, partitions).map(t -> Final.of(t._2._1, t._2._2, codec))
                .persist(CACHE);

        OutcomeTally tally = new OutcomeTally();
        for (OutcomeTally part : finals.mapPartitions(SparkPipeline::tally).collect()) {
            tally.merge(part);
        }
        tally.stats().countLines(lines[0], lines[1]);
        long tDecide = System.nanoTime();

        jsc.setJobDescription(WRITE);
        List<String> outputs = writeOutputs(finals);
        jsc.setJobDescription(null);
        read.unpersist();
        finals.unpersist();
        long tEnd = System.nanoTime();

        Map<String, Double> timings = new LinkedHashMap<>();
        timings.put("spark.read_and_steps", (tRead - t0) / 1e9);
        timings.put("spark.dedup_sort_tally", (tDecide - tRead) / 1e9);
        timings.put("spark.write", (tEnd - tDecide) / 1e9);
        double seconds = (tEnd - t0) / 1e9;
        timings.put("total", seconds);
        drainListeners();
        // Not a time: the bytes Spark's shuffles wrote (dedup's band buckets dominate), for scaling estimates.
        timings.put("spark.shuffle_write_bytes", (double) shuffle.bytes());
        timings.put("spark.read_tasks", (double) readTasks);
        spark.sparkContext().removeSparkListener(shuffle);
        spark.sparkContext().removeSparkListener(progress);
        long bytes = inputs.stream().mapToLong(i -> Math.max(0, i.size())).sum();
        RunSummary summary = new RunSummary(tally.stats(), tally.examples(), timings, outputs, bytes, seconds);
        if (!tally.stats().balanced()) {
            throw new IllegalStateException("accounting check failed: " + tally.stats().recordsIn() + " in, "
                    + tally.stats().kept() + " kept, " + tally.stats().quarantined() + " quarantined");
        }
        if (!SparkInput.isHadoopUri(config.output().dir())) {
            Path out = Paths.get(config.output().dir());
            OrderedOutputs.writeStats(out, summary);
            OrderedOutputs.writeReports(out, summary);
        } else {
            jsc.parallelize(List.of(summary.toJson().toPrettyString()), 1)
                    .saveAsTextFile(config.output().dir() + "/stats.json");
        }
        return summary;
    }

    /**
     * The read tasks: one per file (Parquet files included, by core's reader) or per range of a large JSON Lines
     * file ({@link InputParts}).
     */
    private List<InputPart> parts(JavaSparkContext jsc, List<SparkInput> inputs, Map<String, String> hadoopConf) {
        long splitBytes = org.apache.spark.network.util.JavaUtils.byteStringAsBytes(
                spark.conf().get(InputParts.SPLIT_BYTES_KEY, Long.toString(InputParts.DEFAULT_SPLIT_BYTES)));
        List<InputPart> parts = InputParts.plan(jsc, inputs, config.input(), splitBytes, hadoopConf);
        readTasks = parts.size();
        return parts;
    }

    /**
     * Waits until Spark's listener bus has delivered every event so far, so the shuffle bytes are complete and the
     * last stage's progress line comes before the run's summary. {@code waitUntilEmpty} is Spark-internal
     * ({@code private[spark]}, public in bytecode); if it is ever gone, only those two lag.
     */
    private void drainListeners() {
        try {
            spark.sparkContext().listenerBus().waitUntilEmpty();
        } catch (java.util.concurrent.TimeoutException | RuntimeException | LinkageError e) {
            // a timeout (10 s) or another Spark version: the figures are then read as they stand
        }
    }

    private List<String> writeOutputs(JavaRDD<Final> finals) throws IOException {
        String dir = config.output().dir();
        if (SparkInput.isHadoopUri(dir)) {
            JavaRDD<String> kept = finals.filter(f -> f.kept() != null).map(Final::line);
            String keptName;
            if (config.output().format() == OutputFormat.PARQUET) {
                keptName = "kept.parquet/";
                HfChatParquet.write(spark, kept, dir + "/kept.parquet");
            } else {
                keptName = "kept/";
                kept.saveAsTextFile(dir + "/kept");
            }
            finals.filter(f -> f.kept() == null).map(Final::line).saveAsTextFile(dir + "/quarantine");
            return List.of(keptName, "quarantine/");
        }
        // A local directory gets what a local run writes (kept.parquet by the same writer with output.format: parquet).
        try (OrderedOutputs out = new OrderedOutputs(Paths.get(dir), config.output())) {
            Iterator<Final> it = finals.toLocalIterator();
            while (it.hasNext()) {
                Final f = it.next();
                if (f.kept() != null) {
                    out.kept(f.line());
                } else {
                    out.quarantined(f.line());
                }
            }
            return out.finish();
        }
    }

    private static Iterator<OutcomeTally> tally(Iterator<Final> partition) {
        OutcomeTally t = new OutcomeTally();
        while (partition.hasNext()) {
            Final f = partition.next();
            if (f.kept() != null) {
                t.kept(f.kept(), f.line());
            } else if (f.duplicateOf() != null) {
                t.duplicate(f.rejection(), f.line(), f.duplicateOf());
            } else {
                t.quarantined(f.rejection(), f.line());
            }
        }
        return List.of(t).iterator();
    }

    /**
     * A record's final fate: kept (with its line), or quarantined (with its rejection and line; a dedup removal
     * also names the kept record it duplicates).
     */
    record Final(Conversation kept, Rejection rejection, String line, String duplicateOf)
            implements java.io.Serializable {

        static Final of(Outcome o, org.apache.spark.api.java.Optional<DuplicateOf> dup, RecordCodec codec) {
            if (o.kept() == null) {
                return new Final(null, o.rejection(), o.line(), null);
            }
            if (dup.isPresent()) {
                DuplicateOf of = dup.get();
                Rejection r = Rejection.of(o.original().source(), DedupStep.NAME, of.why(), of.message(), o.original());
                return new Final(null, r, codec.quarantineLine(r), of.ofId());
            }
            return new Final(o.kept(), null, o.line(), null);
        }
    }
}
