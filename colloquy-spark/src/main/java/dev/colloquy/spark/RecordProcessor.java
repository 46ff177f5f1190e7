package dev.colloquy.spark;

import dev.colloquy.dedup.DedupSketcher;
import dev.colloquy.format.ConversationReader;
import dev.colloquy.format.InputFormat;
import dev.colloquy.format.LineTally;
import dev.colloquy.format.OutputFormat;
import dev.colloquy.format.ReadResult;
import dev.colloquy.format.RoleMap;
import dev.colloquy.io.InputSource;
import dev.colloquy.model.Conversation;
import dev.colloquy.pipeline.ChainResult;
import dev.colloquy.pipeline.PipelineConfig;
import dev.colloquy.pipeline.RecordCodec;
import dev.colloquy.pipeline.StepChain;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.util.Iterator;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.spark.TaskContext;
import org.apache.spark.util.LongAccumulator;
import org.apache.spark.util.TaskCompletionListener;

/**
 * The per-record half of the pipeline as it runs inside an executor: read one input file, or one line-aligned
 * range of a large JSON Lines file, with the same reader as a local run, apply the same step chain, render the same output line, sketch for dedup. Serializable; holds
 * only immutable, serializable parts of the pipeline.
 */
final class RecordProcessor implements Serializable {

    private static final long serialVersionUID = 1L;

    private final PipelineConfig.InputSpec input;
    private final OutputFormat outputFormat;
    private final StepChain chain;
    private final RecordCodec codec;
    private final DedupSketcher sketcher;
    private final Map<String, String> hadoopConf;
    private final LongAccumulator recordsRead;
    private final LongAccumulator recordsKept;

    /**
     * @param sketcher    null when dedup is off
     * @param recordsRead counts the records read, for progress
     * @param recordsKept counts the records the steps kept, for progress
     */
    RecordProcessor(PipelineConfig config, StepChain chain, RecordCodec codec, DedupSketcher sketcher,
                    Map<String, String> hadoopConf, LongAccumulator recordsRead, LongAccumulator recordsKept) {
        this.input = config.input();
        this.outputFormat = config.output().format();
        this.chain = chain;
        this.codec = codec;
        this.sketcher = sketcher;
        this.hadoopConf = Map.copyOf(hadoopConf);
        this.recordsRead = recordsRead;
        this.recordsKept = recordsKept;
    }

    /** Streams the outcomes of one read task: a whole file, a line-aligned range of one, or Parquet row groups. */
    Iterator<Outcome> readPart(InputPart part) throws IOException {
        if (part.isRowGroups()) {
            return readRowGroups(part);
        }
        return part.isWhole() ? readFile(part.input()) : readRange(part);
    }

    /**
     * Streams the outcomes of some row groups of a large Parquet file on this machine. Each record is one row, so
     * its row number orders it within the file as the local engine's record index does.
     */
    private Iterator<Outcome> readRowGroups(InputPart part) throws IOException {
        SparkInput in = part.input();
        ConversationReader.CloseableIterator rows = ConversationReader.tableRowGroupsPart(
                java.nio.file.Paths.get(in.name()), in.name(), part.fromGroup(), part.toGroup(), format(), roles());
        return outcomes(rows, () -> {
            try {
                rows.close();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }, new LineTally(), r -> Outcome.ordinal(in.index(), r.source().line()));
    }

    /** Streams the outcomes of one (non-Parquet) input file, in file order. */
    Iterator<Outcome> readFile(SparkInput in) {
        InputSource source = new InputSource() {
            @Override
            public String name() {
                return in.name();
            }

            @Override
            public InputStream open() throws IOException {
                return in.open(hadoopConf);
            }

            @Override
            public long size() {
                return in.size();
            }
        };
        LineTally tally = new LineTally();
        Stream<ReadResult> records = ConversationReader.read(source, format(), roles(),
                ConversationReader.DEFAULT_MAX_LINE_BYTES, tally);
        long[] index = {0};
        // Records of a whole file are ordered by their index in it, exactly as the local engine counts them.
        return outcomes(records.iterator(), records::close, tally, r -> Outcome.ordinal(in.index(), index[0]++));
    }

    /**
     * Streams the outcomes of the lines starting in one byte range of a large JSON Lines file. Each record is one
     * line, so its line number orders it within the file as the local engine's record index does.
     */
    private Iterator<Outcome> readRange(InputPart part) throws IOException {
        SparkInput in = part.input();
        InputStream raw = in.openRaw(Math.max(0, part.start() - 1), hadoopConf);
        LineAlignedRange range;
        try {
            range = new LineAlignedRange(raw, part.start(), part.end());
        } catch (IOException | RuntimeException e) {
            raw.close();
            throw e;
        }
        long firstLine = part.newlinesBefore() + 1 + (range.skippedPartialLine() ? 1 : 0);
        LineTally tally = new LineTally();
        Iterator<ReadResult> records = ConversationReader.readJsonLinesPart(range, in.name(), firstLine, format(),
                roles(), ConversationReader.DEFAULT_MAX_LINE_BYTES, tally);
        return outcomes(records, () -> {
            try {
                range.close();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }, tally, r -> Outcome.ordinal(in.index(), r.source().line()));
    }

    /**
     * The records as outcomes, then, for JSON Lines, one {@linkplain Outcome#lineCount line count} after checking
     * that every line read came back as a record or as blank.
     */
    private Iterator<Outcome> outcomes(Iterator<ReadResult> it, Runnable close, LineTally tally,
                                       java.util.function.ToLongFunction<ReadResult> ordinal) {
        TaskContext task = TaskContext.get();
        if (task != null) {
            task.addTaskCompletionListener((TaskCompletionListener) ctx -> close.run());
        }
        return new Iterator<>() {
            private long lineRecords;
            private boolean counted;

            @Override
            public boolean hasNext() {
                if (it.hasNext()) {
                    return true;
                }
                close.run();
                return tally.jsonLines() && !counted;
            }

            @Override
            public Outcome next() {
                if (!it.hasNext()) {
                    if (counted || !tally.jsonLines()) {
                        throw new java.util.NoSuchElementException();
                    }
                    counted = true;
                    if (lineRecords + tally.blankLines() != tally.lines()) {
                        throw new IllegalStateException("reader accounting failed: " + tally.lines()
                                + " lines read, but " + lineRecords + " records + " + tally.blankLines() + " blank lines");
                    }
                    return Outcome.lineCount(tally.lines(), tally.blankLines());
                }
                ReadResult r = it.next();
                if (r.source().line() > 0) {
                    lineRecords++;
                }
                long o = ordinal.applyAsLong(r);
                recordsRead.add(1);
                if (r instanceof ReadResult.Ok ok) {
                    Outcome outcome = process(o, ok.conversation());
                    if (outcome.kept() != null) {
                        recordsKept.add(1);
                    }
                    return outcome;
                }
                var rejection = ((ReadResult.Bad) r).rejection();
                return new Outcome(o, null, null, rejection, codec.quarantineLine(rejection), null);
            }
        };
    }

    private InputFormat format() {
        return input.format();
    }

    private RoleMap roles() {
        return input.roleMap();
    }

    /** Runs the step chain on one conversation read from anywhere (a JSONL line, a Parquet row). */
    Outcome process(long ordinal, Conversation c) {
        ChainResult r = chain.apply(c);
        if (r instanceof ChainResult.Kept k) {
            Conversation kept = k.conversation();
            return new Outcome(ordinal, c, kept, null, codec.keptLine(kept, outputFormat),
                    sketcher == null ? null : sketcher.sketch(kept));
        }
        var rejection = ((ChainResult.Quarantined) r).rejection();
        return new Outcome(ordinal, c, null, rejection, codec.quarantineLine(rejection), null);
    }
}
