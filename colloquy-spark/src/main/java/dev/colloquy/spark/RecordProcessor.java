package dev.colloquy.spark;

import dev.colloquy.dedup.DedupSketcher;
import dev.colloquy.format.ConversationReader;
import dev.colloquy.format.InputFormat;
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
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.spark.TaskContext;
import org.apache.spark.util.TaskCompletionListener;

/**
 * The per-record half of the pipeline as it runs inside an executor: read one input file with the same reader
 * as a local run, apply the same step chain, render the same output line, sketch for dedup. Serializable; holds
 * only immutable, serializable parts of the pipeline.
 */
final class RecordProcessor implements Serializable {

    private static final long serialVersionUID = 1L;

    private final PipelineConfig.InputSpec input;
    private final String outputFormat;
    private final StepChain chain;
    private final RecordCodec codec;
    private final DedupSketcher sketcher;
    private final Map<String, String> hadoopConf;

    /**
     * @param sketcher null when dedup is off
     */
    RecordProcessor(PipelineConfig config, StepChain chain, RecordCodec codec, DedupSketcher sketcher,
                    Map<String, String> hadoopConf) {
        this.input = config.input();
        this.outputFormat = config.output().format();
        this.chain = chain;
        this.codec = codec;
        this.sketcher = sketcher;
        this.hadoopConf = Map.copyOf(hadoopConf);
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
        InputFormat format = InputFormat.valueOf(input.format().toUpperCase(Locale.ROOT));
        RoleMap roles = input.roleMap();
        Stream<ReadResult> records = ConversationReader.read(source, format, roles);
        TaskContext task = TaskContext.get();
        if (task != null) {
            task.addTaskCompletionListener((TaskCompletionListener) ctx -> records.close());
        }
        Iterator<ReadResult> it = records.iterator();
        return new Iterator<>() {
            private long index;

            @Override
            public boolean hasNext() {
                boolean more = it.hasNext();
                if (!more) {
                    records.close();
                }
                return more;
            }

            @Override
            public Outcome next() {
                ReadResult r = it.next();
                long ordinal = Outcome.ordinal(in.index(), index++);
                if (r instanceof ReadResult.Ok ok) {
                    return process(ordinal, ok.conversation());
                }
                var rejection = ((ReadResult.Bad) r).rejection();
                return new Outcome(ordinal, null, null, rejection, codec.quarantineLine(rejection), null);
            }
        };
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
