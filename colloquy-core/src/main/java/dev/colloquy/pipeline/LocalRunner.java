package dev.colloquy.pipeline;

import dev.colloquy.format.OutputFormat;
import dev.colloquy.pipeline.steps.StepRegistry;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.RuntimeJsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.colloquy.model.Conversation;
import dev.colloquy.model.Rejection;
import dev.colloquy.model.SourcePosition;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Runs a pipeline on this machine.
 *
 * <p>How: the input is read in order on the calling thread and cut into chunks of {@code runner.chunk_size}
 * records. Each chunk's records go through the step chain (and the corpus step's parallel half) on a pool
 * of worker threads; a few chunks are in flight at once so reading and processing overlap. Chunks are then
 * finished strictly in input order on the calling thread: the corpus step decides (dedup in canonical
 * order), the chunk's kept and quarantine lines are appended to their {@link LineJournal}s, and its dedup
 * preparations, stats and the journals' ends are checkpointed into {@link WorkDir}. When the input is exhausted
 * the journals become the outputs (each replacing its file at once) and the work directory is removed. Memory is flat apart from the corpus step's state:
 * at most {@code threads + 2} chunks are held at a time.
 *
 * <p>Determinism: the output depends only on the input order, never on thread scheduling, and holds no
 * timestamps. {@code --resume} skips completed chunks, replays their saved preparations into a fresh corpus
 * step, and continues, so a resumed run writes the same bytes as an uninterrupted one.
 */
public final class LocalRunner {

    // Checkpoints are our own files: no cap on string length (a quarantined record may be megabytes).
    private static final ObjectMapper JSON = new ObjectMapper(com.fasterxml.jackson.core.JsonFactory.builder()
            .streamReadConstraints(com.fasterxml.jackson.core.StreamReadConstraints.builder()
                    .maxStringLength(Integer.MAX_VALUE).build()).build());
    /** The dedup checkpoints: {@link #JSON} with signatures in Base64 (see {@link IntArrayBase64}). */
    private static final ObjectMapper CHECKPOINT = JSON.copy().registerModule(IntArrayBase64.module());

    private final PipelineConfig config;
    private final RecordCodec codec;
    private final CorpusStep<?> corpusStep;
    private RunListener listener = RunListener.NONE;
    private int abortAfterChunks = -1;

    /**
     * @param corpusStep the dedup step, or null for none
     */
    public LocalRunner(PipelineConfig config, RecordCodec codec, CorpusStep<?> corpusStep) {
        this.config = config;
        // with redaction configured, every line written goes through the redacting edge (issue 13)
        this.codec = RedactingCodec.of(codec, config);
        this.corpusStep = corpusStep;
    }

    public LocalRunner listener(RunListener l) {
        this.listener = l;
        return this;
    }

    /** Test hook: stop (as a kill would) after this many chunks are checkpointed by this process. */
    LocalRunner abortAfterChunks(int n) {
        this.abortAfterChunks = n;
        return this;
    }

    /** Thrown by the {@link #abortAfterChunks} hook. */
    static final class Aborted extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Aborted() {
            super("aborted by test hook");
        }
    }

    /**
     * Runs the pipeline. Throws {@link ConfigException} for an unusable setup (no output directory, missing
     * input, checkpoints of another run) and {@link IOException} when the outputs cannot be written.
     */
    public RunSummary run(boolean resume) throws IOException {
        long t0 = System.nanoTime();
        if (config.output().dir() == null) {
            throw new ConfigException(config.file() + ": no output directory: set output.dir or pass --output");
        }
        if (config.input().paths().isEmpty()) {
            throw new ConfigException(config.file() + ": no inputs: set input.paths or pass --input");
        }
        List<RecordCodec.Input> inputs;
        try {
            inputs = codec.inputs(config.input().paths());
        } catch (IllegalArgumentException e) {
            throw new ConfigException(e.getMessage());
        }
        Path out = Paths.get(config.output().dir());
        RunDirectory.requireApartFromInputs(out, config.input().paths(),
                inputs.stream().map(RecordCodec.Input::name).toList());
        try (RunDirectory claimed = RunDirectory.claim(out)) {
            return run(out, inputs, resume, t0, claimed);
        }
    }

    private RunSummary run(Path out, List<RecordCodec.Input> inputs, boolean resume, long t0, RunDirectory claimed)
            throws IOException {
        WorkDir work = new WorkDir(out);
        int done = work.open(fingerprint(inputs), resume);
        StepChain chain = config.stepChain(StepRegistry.defaults());
        long total = inputs.stream().mapToLong(RecordCodec.Input::size).reduce(0, (a, b) -> a < 0 || b < 0 ? -1 : a + b);
        listener.started(total);

        Timings timings = new Timings(chain.names());
        replay(work, done, timings);
        JsonNode ends = done == 0 ? JSON.createObjectNode() : JSON.readTree(work.file(done - 1, "json").toFile())
                .path("journals");
        if (!ends.isObject()) {
            throw new ConfigException("cannot --resume: the checkpoints in " + work.dir() + " were made by an earlier"
                    + " version of colloquy; run again without --resume to start over");
        }
        try (LineJournal keptLines = LineJournal.open(work.journal("kept"), ends.path("kept_bytes").asLong(),
                     ends.path("kept_lines").asLong());
             LineJournal quarantineLines = LineJournal.open(work.journal("quarantine"),
                     ends.path("quarantine_bytes").asLong(), ends.path("quarantine_lines").asLong())) {
            return run(out, inputs, work, chain, timings, done, keptLines, quarantineLines, t0, claimed);
        }
    }

    private RunSummary run(Path out, List<RecordCodec.Input> inputs, WorkDir work, StepChain chain, Timings timings,
                           int done, LineJournal keptLines, LineJournal quarantineLines, long t0,
                           RunDirectory claimed) throws IOException {
        int threads = config.runner().threads() > 0 ? config.runner().threads()
                : Runtime.getRuntime().availableProcessors();
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "colloquy-worker");
            t.setDaemon(true);
            return t;
        });
        Feeder feeder = new Feeder(chain, pool, threads, work, done, threads + 2, timings, keptLines, quarantineLines);
        for (int c = 0; c < done; c++) {
            feeder.sampled.merge(RunExamples.fromJson(JSON.readTree(work.file(c, "json").toFile()).path("examples")));
        }
        long readCpu = CpuClock.thread();
        try {
            for (RecordCodec.Input in : inputs) {
                InputStream opened;
                try {
                    opened = in.open();
                } catch (IOException e) {
                    // an input we cannot open is one unreadable record, as in `colloquy convert`
                    feeder.unreadable(codec.unreadable(in, e));
                    continue;
                }
                try (CountingStream s = new CountingStream(opened, feeder)) {
                    feeder.startInput();
                    codec.read(in, s, config.input(), feeder);
                }
            }
            feeder.finish();
        } finally {
            pool.shutdownNow();
        }
        // The calling thread read and parsed the input, and finished chunks in between.
        timings.addCpu("read", CpuClock.thread() - readCpu - feeder.finishCpu);

        long tMerge = System.nanoTime();
        long mergeCpu = CpuClock.thread();
        RunStats stats = new RunStats();
        // Blank lines are no records, so no chunk holds them; every run re-reads the whole input (resume too).
        stats.countLines(feeder.linesRead, feeder.blankLines);
        RunExamples examples = new RunExamples();
        for (int c = 0; c < feeder.chunk; c++) {
            JsonNode n = JSON.readTree(work.file(c, "json").toFile());
            stats.merge(RunStats.fromJson(n.path("stats")));
            examples.merge(RunExamples.fromJson(n.path("examples")));
        }
        OutputAssembler assembler = new OutputAssembler(out, config.output());
        List<String> outputs = assembler.assemble(keptLines, quarantineLines);
        timings.add("merge_outputs", System.nanoTime() - tMerge);
        timings.addCpu("merge_outputs", CpuClock.thread() - mergeCpu);
        double seconds = (System.nanoTime() - t0) / 1e9;
        Map<String, Double> tm = timings.seconds();
        tm.put("cpu.process", CpuClock.process() / 1e9);
        CpuClock.jvmThreads().forEach((k, v) -> tm.put("cpu." + k, v / 1e9));
        tm.put("total", seconds);
        RunSummary summary = new RunSummary(stats, examples, tm, outputs, feeder.bytes, seconds);
        OrderedOutputs.writeStats(out, summary);
        if (stats.recordsIn() != feeder.ordinal || !stats.balanced() || (config.output().format() != OutputFormat.TRANSCRIPT && assembler.keptLines() != stats.kept())) {
            throw new IllegalStateException("accounting check failed: read " + feeder.ordinal + " records, counted "
                    + stats.recordsIn() + " in, " + stats.kept() + " kept (" + assembler.keptLines()
                    + " lines written), " + stats.quarantined() + " quarantined; outputs kept in " + out
                    + " for inspection");
        }
        OrderedOutputs.writeReports(out, summary);
        work.delete();
        List<String> set = new ArrayList<>(outputs);
        set.add("stats.json");
        if (Files.exists(out.resolve("report.html"))) {
            set.add("report.html");
        }
        claimed.complete(set); // last: an output set without the marker is visibly incomplete
        listener.finished(summary);
        return summary;
    }

    /** Identity of config + inputs: resume only continues the very run it interrupted. Threads do not matter. */
    private String fingerprint(List<RecordCodec.Input> inputs) {
        StringBuilder sb = new StringBuilder(config.withThreads(0).toString());
        for (RecordCodec.Input in : inputs) {
            sb.append('\n').append(in.name()).append('\t').append(in.identity());
        }
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest(sb.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(h);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Rebuilds the corpus step's state from the preparations saved by the completed chunks. */
    private void replay(WorkDir work, int done, Timings timings) throws IOException {
        if (corpusStep == null || done == 0) {
            return;
        }
        long t = System.nanoTime();
        for (int c = 0; c < done; c++) {
            replay(corpusStep, work.file(c, "dedup"));
        }
        timings.add("resume_replay", System.nanoTime() - t);
    }

    /** Feeds one chunk's checkpointed preparations back to {@code step}, read as the type the step prepares. */
    private static <P extends Serializable> void replay(CorpusStep<P> step, Path checkpoint) throws IOException {
        JavaType type = CHECKPOINT.getTypeFactory().constructParametricType(SavedPreparation.class,
                step.preparationType());
        try (MappingIterator<SavedPreparation<P>> it = CHECKPOINT.readerFor(type)
                .readValues(checkpoint.toFile())) {
            while (it.hasNext()) {
                SavedPreparation<P> saved = it.next();
                step.decide(saved.ordinal(), new Conversation(saved.id(), saved.source(), List.of()),
                        saved.preparation());
            }
        } catch (RuntimeJsonMappingException e) {
            throw new IOException("unreadable checkpoint " + checkpoint + ": " + e.getMessage(), e);
        }
    }

    /**
     * A kept record's corpus-step preparation as checkpointed (one JSON line, mapped by Jackson), so
     * {@code --resume} can replay it.
     */
    private record SavedPreparation<P extends Serializable>(long ordinal, String id, SourcePosition source,
                                                            P preparation) {
    }

    /** A preparation with the step that made it, so {@code decide} gets back exactly the type prepare gave. */
    private record Prepared<P extends Serializable>(CorpusStep<P> step, P value) {
        static <P extends Serializable> Prepared<P> of(CorpusStep<P> step, Conversation c) {
            return new Prepared<>(step, step.prepare(c));
        }

        Optional<CorpusStep.Decision> decide(long ordinal, Conversation c) {
            return step.decide(ordinal, c, value);
        }
    }

    /** One record as read. Exactly one of conversation and unreadable is set. */
    private record Item(long ordinal, Conversation conversation, Rejection unreadable) {
    }

    /** What the workers made of one record; {@code findingTypes} for a record the steps kept, else null. */
    private record Outcome(Item item, ChainResult result, Prepared<?> prepared, String line,
                           Set<String> findingTypes) {
    }

    /**
     * What one worker made of a run of records: their outcomes in order, and the {@link RunStats#countKept} of the
     * records the steps kept, counted there while each record's turns and findings were still in that core's cache
     * (in the ordered finish, on the reading thread, walking them again was a quarter of the finish's time).
     */
    private record Part(List<Outcome> outcomes, RunStats kept) {
    }

    /** Records fewer than this per worker are processed as one part (a part costs a task and a CPU clock read). */
    private static final int MIN_PART = 64;

    /** Receives records from the codec, cuts chunks, keeps a few in flight, finishes them in order. */
    private final class Feeder implements RecordCodec.Sink {
        private final StepChain chain;
        private final ExecutorService pool;
        private final WorkDir work;
        private final int skipChunks;
        private final int maxInFlight;
        private final Timings timings;
        /** The chunks in flight, oldest first, each as the parts its records were split into (see dispatch). */
        private final ArrayDeque<List<Future<Part>>> inFlight = new ArrayDeque<>();
        private final int threads;
        private final int chunkSize = config.runner().chunkSize();
        private List<Item> pending = new ArrayList<>();
        private long ordinal;
        private int chunk; // index of the next chunk to finish
        private int dispatched;
        private int finishedHere;
        private long bytes;
        private long recordsDone;
        private long linesRead;
        private long blankLines;
        private long finishCpu;
        private final LineJournal kept;
        private final LineJournal quarantine;
        /**
         * The samples of the chunks finished so far, as the end of the run merges them. A chunk's checkpoint holds
         * only the samples of it this took: once the first chunks have filled a key, the later ones' samples for it
         * (up to three output lines per key and chunk, ~90 kB of JSON per chunk of 500 records, written and read
         * back at the end) could never reach the report.
         */
        final RunExamples sampled = new RunExamples();

        Feeder(StepChain chain, ExecutorService pool, int threads, WorkDir work, int skipChunks, int maxInFlight,
               Timings t, LineJournal kept, LineJournal quarantine) {
            this.kept = kept;
            this.quarantine = quarantine;
            this.chain = chain;
            this.threads = threads;
            this.pool = pool;
            this.work = work;
            this.skipChunks = skipChunks;
            this.maxInFlight = maxInFlight;
            this.timings = t;
            this.chunk = skipChunks;
        }

        @Override
        public void conversation(Conversation c) {
            add(new Item(ordinal, c, null));
        }

        @Override
        public void unreadable(Rejection r) {
            add(new Item(ordinal, null, r));
        }

        /** Records of the current input that came from a line (line 0 marks a whole-file record). */
        private long lineRecords;

        void startInput() {
            lineRecords = 0;
        }

        @Override
        public void lines(long lines, long blankLines) {
            // An independent check on the reader: every line it read must be one record we received, or blank.
            if (lineRecords + blankLines != lines) {
                throw new IllegalStateException("reader accounting failed: " + lines + " lines read, but "
                        + lineRecords + " records + " + blankLines + " blank lines");
            }
            linesRead += lines;
            this.blankLines += blankLines;
            lineRecords = 0;
        }

        private void add(Item item) {
            ordinal++;
            SourcePosition src = item.conversation() != null ? item.conversation().source() : item.unreadable().source();
            if (src.line() > 0) {
                lineRecords++;
            }
            if (item.ordinal() < (long) skipChunks * chunkSize) {
                recordsDone++;
                return;
            }
            pending.add(item);
            if (pending.size() == chunkSize) {
                dispatch();
            }
        }

        /*
         * A chunk's records are processed as one part per worker thread, each a run of consecutive records, and
         * finished as one chunk (parts in order). With whole chunks per worker, the last chunk of a run was
         * processed by one worker while the others had nothing left to do: on two cores about half a chunk's time
         * of one idle core per run, a few percent of the README pipeline's 46 MB. Parts make every worker share
         * every chunk, the last one included; outputs and checkpoints are per chunk as before.
         */
        private void dispatch() {
            List<Item> items = pending;
            pending = new ArrayList<>();
            dispatched++;
            int parts = Math.max(1, Math.min(threads, items.size() / MIN_PART));
            List<Future<Part>> futures = new ArrayList<>(parts);
            for (int p = 0; p < parts; p++) {
                List<Item> part = items.subList(items.size() * p / parts, items.size() * (p + 1) / parts);
                futures.add(pool.submit(() -> process(part)));
            }
            inFlight.add(futures);
            while (inFlight.size() > maxInFlight) {
                finishOldest();
            }
        }

        void finish() {
            if (!pending.isEmpty()) {
                dispatch();
            }
            while (!inFlight.isEmpty()) {
                finishOldest();
            }
        }

        private Part process(List<Item> items) {
            long cpu0 = CpuClock.thread();
            long wall0 = System.nanoTime();
            long[] nanos = new long[chain.steps().size()];
            long prepNanos = 0;
            long renderNanos = 0;
            List<Outcome> out = new ArrayList<>(items.size());
            RunStats kept = new RunStats();
            for (Item it : items) {
                if (it.unreadable() != null) {
                    long t = System.nanoTime();
                    out.add(new Outcome(it, null, null, codec.quarantineLine(it.unreadable()), null));
                    renderNanos += System.nanoTime() - t;
                    continue;
                }
                ChainResult r = chain.apply(it.conversation(), nanos);
                if (r instanceof ChainResult.Kept k) {
                    Prepared<?> prepared = null;
                    if (corpusStep != null) {
                        long t = System.nanoTime();
                        prepared = Prepared.of(corpusStep, k.conversation());
                        prepNanos += System.nanoTime() - t;
                    }
                    long t = System.nanoTime();
                    String line = codec.keptLine(k.conversation(), config.output().format());
                    renderNanos += System.nanoTime() - t;
                    out.add(new Outcome(it, r, prepared, line, OutcomeTally.findingTypes(k.conversation())));
                    kept.countKept(k.conversation()); // taken back in the ordered finish if dedup removes it
                } else {
                    long t = System.nanoTime();
                    out.add(new Outcome(it, r, null,
                            codec.quarantineLine(((ChainResult.Quarantined) r).rejection()), null));
                    renderNanos += System.nanoTime() - t;
                }
            }
            timings.addSteps(nanos, prepNanos);
            timings.addWorkerCpu(nanos, prepNanos, renderNanos, System.nanoTime() - wall0, CpuClock.thread() - cpu0);
            return new Part(out, kept);
        }

        private void finishOldest() {
            List<Outcome> outcomes = new ArrayList<>(chunkSize);
            RunStats counted = new RunStats();
            try {
                for (Future<Part> future : inFlight.poll()) {
                    Part part = future.get();
                    outcomes.addAll(part.outcomes());
                    counted.merge(part.kept());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            } catch (ExecutionException e) {
                throw new IllegalStateException("a worker failed: " + e.getCause(), e.getCause());
            }
            try {
                long t = System.nanoTime();
                long cpu = CpuClock.thread();
                finishChunk(outcomes, counted);
                timings.add("finish_chunks", System.nanoTime() - t);
                cpu = CpuClock.thread() - cpu;
                finishCpu += cpu;
                timings.addCpu("finish_chunks", cpu);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            recordsDone += outcomes.size();
            listener.progress(recordsDone, bytes);
            finishedHere++;
            if (finishedHere == abortAfterChunks) {
                throw new Aborted();
            }
        }

        /** {@code counted}: the workers' {@link RunStats#countKept} of every record of the chunk its steps kept. */
        private void finishChunk(List<Outcome> outcomes, RunStats counted) throws IOException {
            OutcomeTally tally = new OutcomeTally();
            tally.stats().merge(counted);
            int c = chunk;
            List<SavedPreparation<?>> dedupLog = new ArrayList<>();
            for (Outcome o : outcomes) {
                if (o.item().unreadable() != null) {
                    tally.quarantined(o.item().unreadable(), o.line());
                    quarantine.write(o.line());
                    continue;
                }
                if (o.result() instanceof ChainResult.Quarantined q) {
                    tally.quarantined(q.rejection(), o.line());
                    quarantine.write(o.line());
                    continue;
                }
                Conversation conv = ((ChainResult.Kept) o.result()).conversation();
                if (corpusStep != null) {
                    Optional<CorpusStep.Decision> d = o.prepared().decide(o.item().ordinal(), conv);
                    dedupLog.add(new SavedPreparation<>(o.item().ordinal(), conv.id(), conv.source(),
                            o.prepared().value()));
                    if (d.isPresent()) {
                        Rejection r = d.get().rejection();
                        Rejection full = Rejection.of(r.source(), r.step(), r.why(), r.message(),
                                o.item().conversation());
                        String line = codec.quarantineLine(full);
                        tally.stats().uncountKept(conv);
                        tally.duplicate(full, line, d.get().ofId());
                        quarantine.write(line);
                        continue;
                    }
                }
                tally.keptCounted(o.findingTypes(), o.line());
                kept.write(o.line());
            }
            kept.flush();
            quarantine.flush();
            writeDedupLog(c, dedupLog);
            ObjectNode n = JSON.createObjectNode();
            n.set("stats", tally.stats().toJson());
            n.set("examples", sampled.mergeTaken(tally.examples()).toJson());
            ObjectNode ends = n.putObject("journals"); // where --resume cuts the journals back to
            ends.put("kept_bytes", kept.bytes()).put("kept_lines", kept.lines())
                    .put("quarantine_bytes", quarantine.bytes()).put("quarantine_lines", quarantine.lines());
            AtomicOutput.write(work.file(c, "json"), JSON.writeValueAsBytes(n));
            work.markDone(c);
            chunk++;
        }

        private void writeDedupLog(int c, List<SavedPreparation<?>> log) throws IOException {
            try (AtomicOutput a = new AtomicOutput(work.file(c, "dedup"))) {
                OutputStream out = a.stream();
                for (SavedPreparation<?> e : log) {
                    out.write(CHECKPOINT.writeValueAsBytes(e));
                    out.write('\n');
                }
                a.commit();
            }
        }

    }

    /** Counts bytes read, for progress. */
    private static final class CountingStream extends FilterInputStream {
        private final Feeder feeder;

        CountingStream(InputStream in, Feeder feeder) {
            super(in);
            this.feeder = feeder;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                feeder.bytes++;
            }
            return b;
        }

        @Override
        public int read(byte[] buf, int off, int len) throws IOException {
            int n = super.read(buf, off, len);
            if (n > 0) {
                feeder.bytes += n;
            }
            return n;
        }
    }

    /** Nanoseconds per phase and per step, summed over threads (so step times are CPU-ish, not wall). */
    private static final class Timings {
        private final List<String> steps;
        private final long[] stepNanos;
        private long prepareNanos;
        private final Map<String, Long> phases = new LinkedHashMap<>();

        Timings(List<String> steps) {
            this.steps = steps;
            this.stepNanos = new long[steps.size()];
        }

        synchronized void addSteps(long[] nanos, long prep) {
            for (int i = 0; i < nanos.length; i++) {
                stepNanos[i] += nanos[i];
            }
            prepareNanos += prep;
        }

        synchronized void add(String phase, long nanos) {
            phases.merge(phase, nanos, Long::sum);
        }

        synchronized void addCpu(String phase, long nanos) {
            phases.merge("cpu." + phase, nanos, Long::sum);
        }

        /**
         * A worker's CPU time for one chunk, split over the steps, dedup preparation and line rendering by their
         * shares of the chunk's wall time: one CPU clock reading per chunk instead of one per step and record
         * (thread CPU clocks are system calls), and on a loaded machine waiting inflates every share alike.
         */
        synchronized void addWorkerCpu(long[] stepNanos, long prepNanos, long renderNanos, long wall, long cpu) {
            if (wall <= 0 || cpu < 0) {
                return;
            }
            double scale = Math.min(1.0, (double) cpu / wall);
            long used = 0;
            for (int i = 0; i < stepNanos.length; i++) {
                long c = Math.round(stepNanos[i] * scale);
                phases.merge("cpu.step." + steps.get(i), c, Long::sum);
                used += c;
            }
            long prep = Math.round(prepNanos * scale);
            long render = Math.round(renderNanos * scale);
            phases.merge("cpu.dedup_prepare", prep, Long::sum);
            phases.merge("cpu.render", render, Long::sum);
            phases.merge("cpu.worker_other", Math.max(0, cpu - used - prep - render), Long::sum);
        }

        synchronized Map<String, Double> seconds() {
            Map<String, Double> m = new LinkedHashMap<>();
            for (int i = 0; i < steps.size(); i++) {
                m.merge("step." + steps.get(i), stepNanos[i] / 1e9, Double::sum);
            }
            m.put("dedup_prepare", prepareNanos / 1e9);
            phases.forEach((k, v) -> m.put(k, v / 1e9));
            return m;
        }
    }
}
