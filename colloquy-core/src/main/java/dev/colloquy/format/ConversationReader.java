package dev.colloquy.format;

import dev.colloquy.io.InputSource;
import dev.colloquy.io.LineReader;
import dev.colloquy.model.SourcePosition;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.Optional;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Reads conversations from one input, lazily and in input order, with memory bounded by the line cap (JSONL) or
 * the conversation cap (transcripts) whatever the input size. Never throws for bad input: every record comes
 * back as {@link ReadResult.Ok} or {@link ReadResult.Bad}; an input with no record yields one
 * {@code empty_file} rejection at line 0 so it is accounted for.
 *
 * <p>Format detection ({@link InputFormat#AUTO}) looks at the first 64 KiB of the decompressed input (after a
 * UTF-8 BOM): nothing but white space means JSON Lines (blank lines are counted, see {@link LineTally}; a
 * forced transcript format longer than the look-ahead stays a transcript); an opening brace as the first
 * non-blank byte means JSON Lines, each line then detected as OpenAI
 * or ShareGPT; an opening bracket followed by a brace or a closing bracket means one JSON array of records; so
 * does a head in which most non-blank lines start with a brace (a file whose first line is junk); anything
 * else is a transcript. A table file (Parquet, by its magic bytes {@code PAR1}) is read by the installed
 * {@link TableFormat}, its rows decoded as JSON records are.
 */
public final class ConversationReader {

    /** Default cap on one line: longer lines are quarantined as {@code line_too_long}. */
    public static final int DEFAULT_MAX_LINE_BYTES = 8 << 20;

    private static final int PEEK_BYTES = 1 << 16;

    private ConversationReader() {
    }

    /** Reads {@code source}; close the stream to release the input. */
    public static Stream<ReadResult> read(InputSource source, InputFormat format, RoleMap roles) {
        return read(source, format, roles, DEFAULT_MAX_LINE_BYTES);
    }

    /** As {@link #read(InputSource, InputFormat, RoleMap)} with a line cap in bytes. */
    public static Stream<ReadResult> read(InputSource source, InputFormat format, RoleMap roles, int maxLineBytes) {
        return read(source, format, roles, maxLineBytes, new LineTally());
    }

    /**
     * As {@link #read(InputSource, InputFormat, RoleMap, int)}, counting the lines and blank lines of a JSON Lines
     * input into {@code tally} as the stream is consumed (complete once it is exhausted).
     */
    public static Stream<ReadResult> read(InputSource source, InputFormat format, RoleMap roles, int maxLineBytes,
                                          LineTally tally) {
        String file = source.name();
        InputStream raw;
        try {
            raw = source.open();
        } catch (IOException e) {
            return Stream.of(ReadFailures.of(new SourcePosition(file, 0), e, (Object) null));
        }
        Peeked in = Peeked.of(raw, PEEK_BYTES);
        Iterator<ReadResult> it;
        try {
            it = iterator(in, file, format, roles, maxLineBytes, tally);
        } catch (IOException e) {
            it = Stream.of(ReadFailures.of(new SourcePosition(file, 1), e, (Object) null)).iterator();
        }
        Iterator<ReadResult> opened = it;
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(it, Spliterator.ORDERED | Spliterator.NONNULL),
                false).onClose(() -> {
                    try (InputStream closing = in) {
                        if (opened instanceof Closeable c) {
                            c.close();
                        }
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
    }

    /** How an input is read, as decided from its first 64 KiB. */
    public enum Layout {
        /** One record per line (also an input that is blank as far as the look-ahead sees). */
        JSON_LINES,
        /** One JSON array of records. */
        JSON_ARRAY,
        /** Tagged transcript lines, conversations separated by {@code ---}. */
        TRANSCRIPT,
        /** A table file (Parquet) read by a {@link TableFormat}, when one is installed. */
        TABLE,
        /** Nothing could be read (the look-ahead met a read error at once). */
        UNREADABLE
    }

    /**
     * The layout {@link #read} would read {@code in} with; reads at most the first 64 KiB and does not close it.
     * A distributed engine uses it to decide whether an input can be cut into line-aligned parts.
     */
    public static Layout layout(InputStream in, InputFormat format) {
        return layout(Peeked.of(in, PEEK_BYTES), format);
    }

    private static Layout layout(Peeked in, InputFormat format) {
        byte[] head = in.head();
        int first = firstContent(head);
        if (first < 0 && in.error() != null && head.length == 0) {
            return Layout.UNREADABLE;
        }
        if (first < 0 && (in.complete() || format != InputFormat.TRANSCRIPT)) {
            // Blank as far as we can see: read it as lines so every blank line is counted, and an input with no
            // record at all still yields its empty_file rejection, whatever its length.
            return Layout.JSON_LINES;
        }
        if (TableFormat.recognizing(head).isPresent() || isParquet(head)) {
            return Layout.TABLE;
        }
        boolean jsonish = first >= 0 && (head[first] == '{' || isJsonArray(head, first) || mostLinesAreObjects(head));
        if (format == InputFormat.TRANSCRIPT || (format == InputFormat.AUTO && !jsonish)) {
            return Layout.TRANSCRIPT;
        }
        return first >= 0 && isJsonArray(head, first) ? Layout.JSON_ARRAY : Layout.JSON_LINES;
    }

    private static Iterator<ReadResult> iterator(Peeked in, String file, InputFormat format, RoleMap roles,
                                                 int maxLineBytes, LineTally tally) throws IOException {
        return switch (layout(in, format)) {
            case UNREADABLE -> Stream.of(ReadFailures.of(new SourcePosition(file, 1), in.error(), (Object) null))
                    .iterator();
            case TRANSCRIPT -> new TranscriptIterator(new LineReader(in, maxLineBytes), file, roles, maxLineBytes,
                    4L * maxLineBytes);
            case JSON_ARRAY -> new JsonArrayIterator(in, file, roles, format);
            case TABLE -> {
                Optional<TableFormat> table = TableFormat.recognizing(in.head());
                if (table.isPresent()) {
                    yield TableIterator.open(table.get(), in, file, format, roles);
                }
                yield Stream.<ReadResult>of(ReadResult.bad(new SourcePosition(file, 0), ReadReason.UNREADABLE,
                        "this is a Parquet file, and Parquet support (module colloquy-parquet) is not on the classpath",
                        null)).iterator();
            }
            case JSON_LINES -> new JsonlIterator(new LineReader(in, maxLineBytes), file, roles, format, maxLineBytes,
                    tally, true);
        };
    }

    /**
     * Reads one line-aligned part of a JSON Lines input, as {@link #read} reads those lines of the whole input:
     * {@code part} starts at the start of line {@code firstLine} of {@code file} and ends after the last line the
     * part owns. Lines and blank lines go to {@code tally}; a part without records yields nothing (the whole
     * input's {@code empty_file} check is the caller's). Close {@code part} when done.
     */
    public static Iterator<ReadResult> readJsonLinesPart(InputStream part, String file, long firstLine,
                                                         InputFormat format, RoleMap roles, int maxLineBytes,
                                                         LineTally tally) {
        return new JsonlIterator(new LineReader(part, maxLineBytes, firstLine), file, roles, format, maxLineBytes,
                tally, false);
    }

    /**
     * The bytes of each row group of a table file (Parquet) that {@link #read} would read row by row: one whose
     * footer reads and whose columns hold a conversation layout. Empty for anything else (no table, a damaged
     * footer, unknown columns: each stays one part, read whole, so its one rejection is reported once).
     */
    public static long[] tableRowGroups(java.nio.file.Path file, InputFormat format, RoleMap roles) {
        byte[] head;
        try (InputStream in = java.nio.file.Files.newInputStream(file)) {
            head = in.readNBytes(16);
        } catch (IOException e) {
            return new long[0];
        }
        Optional<TableFormat> table = TableFormat.recognizing(head);
        if (table.isEmpty()) {
            return new long[0];
        }
        try (TableReader reader = table.get().open(file, file.toString())) {
            return JsonlRecords.hasLayout(reader.columns(), roles, format) ? reader.rowGroupBytes() : new long[0];
        } catch (IOException | RuntimeException e) {
            return new long[0];
        }
    }

    /**
     * Reads row groups {@code [from, to)} of a table file (Parquet) on disk, as {@link #read} reads those rows of the
     * whole file (sources {@code file:ROW} as in the whole file). For a file {@link #tableRowGroups} splits; close the
     * iterator when done.
     */
    public static CloseableIterator tableRowGroupsPart(java.nio.file.Path file, String name, int from, int to,
                                                       InputFormat format, RoleMap roles) throws IOException {
        byte[] head;
        try (InputStream in = java.nio.file.Files.newInputStream(file)) {
            head = in.readNBytes(16);
        }
        TableFormat table = TableFormat.recognizing(head).orElseThrow(() ->
                new IOException(name + " is not a table file this build reads"));
        try (InputStream in = java.nio.file.Files.newInputStream(file)) { // read only if name is no plain file
            return TableIterator.open(table, in, name, format, roles, from, to);
        }
    }

    /** Records read from a file that must be closed when done. */
    public interface CloseableIterator extends Iterator<ReadResult>, Closeable {
    }

    private static boolean isParquet(byte[] head) {
        return head.length >= 4 && head[0] == 'P' && head[1] == 'A' && head[2] == 'R' && head[3] == '1';
    }

    private static int firstContent(byte[] head) {
        int i = head.length >= 3 && (head[0] & 0xff) == 0xEF && (head[1] & 0xff) == 0xBB && (head[2] & 0xff) == 0xBF
                ? 3 : 0;
        while (i < head.length && isSpace(head[i])) {
            i++;
        }
        return i < head.length ? i : -1;
    }

    private static boolean mostLinesAreObjects(byte[] head) {
        int objects = 0;
        int others = 0;
        boolean lineStart = true;
        for (byte b : head) {
            if (b == '\n') {
                lineStart = true;
            } else if (lineStart && !isSpace(b)) {
                if (b == '{') {
                    objects++;
                } else {
                    others++;
                }
                lineStart = false;
            }
        }
        return objects > others;
    }

    private static boolean isJsonArray(byte[] head, int first) {
        if (head[first] != '[') {
            return false;
        }
        int i = first + 1;
        while (i < head.length && isSpace(head[i])) {
            i++;
        }
        return i >= head.length || head[i] == '{' || head[i] == ']';
    }

    private static boolean isSpace(byte b) {
        return b == ' ' || b == '\n' || b == '\r' || b == '\t';
    }
}
