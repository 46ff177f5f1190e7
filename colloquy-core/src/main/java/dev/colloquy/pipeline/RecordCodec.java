package dev.colloquy.pipeline;

import dev.colloquy.model.Conversation;
import dev.colloquy.model.Rejection;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/**
 * The pipeline's edge to the file formats: lists inputs, reads records, renders output lines. The runner
 * knows nothing of formats beyond this; {@link FormatCodec} is the implementation over
 * {@code dev.colloquy.format}. Implementations must be thread-safe for {@link #keptLine} and
 * {@link #quarantineLine}, which the runner calls from worker threads.
 */
public interface RecordCodec {

    /** One input file, in the order records are read. */
    interface Input {
        /** The name used in source positions ({@code path} or {@code -}). */
        String name();

        /** Size in bytes as stored, or -1 when unknown. */
        long size();

        /** A fingerprint of the content's identity (e.g. size and modification time), for resume checks. */
        String identity();

        /** The content, already decompressed. */
        InputStream open() throws IOException;
    }

    /** Receives the records of one input, in input order. */
    interface Sink {
        void conversation(Conversation c);

        /** A record the reader could not turn into a conversation (step {@code read}). */
        void unreadable(Rejection r);

        /**
         * Called once after the last record of an input read as JSON Lines: it had {@code lines} lines, of which
         * {@code blankLines} were blank (no record); each other line was one record passed to this sink with
         * that line number.
         */
        default void lines(long lines, long blankLines) {
        }
    }

    /** The inputs named by files, directories and globs, in a deterministic order. */
    List<Input> inputs(List<String> paths);

    /**
     * Reads one input, passing every record to the sink. {@code in} is {@code input}'s content (the runner may
     * wrap it to count bytes).
     */
    void read(Input input, InputStream in, PipelineConfig.InputSpec spec, Sink sink) throws IOException;

    /** One output line (no newline) for a kept conversation in the given output format. */
    String keptLine(Conversation c, dev.colloquy.format.OutputFormat format);

    /**
     * The rejection of an input that could not be opened (permissions, a vanished file): step {@code read},
     * reason {@code unreadable}, at line 0, as {@code colloquy convert} quarantines it.
     */
    default Rejection unreadable(Input input, IOException e) {
        return Rejection.of(new dev.colloquy.model.SourcePosition(input.name(), 0), dev.colloquy.format.ReadReason.STEP,
                dev.colloquy.format.ReadReason.UNREADABLE.reason(),
                "cannot read the input: " + dev.colloquy.io.IoMessages.describe(e), null);
    }

    /** One quarantine line (no newline): {@code {"source","step","reason","message","record"}}. */
    String quarantineLine(Rejection r);
}
