package dev.colloquy.spark;

import dev.colloquy.format.ConversationReader;
import dev.colloquy.format.InputFormat;
import dev.colloquy.io.Decompression;
import dev.colloquy.pipeline.PipelineConfig;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.JavaSparkContext;

/**
 * Cuts the inputs into read tasks. A large uncompressed JSON Lines file is cut into byte ranges of about
 * {@code splitBytes}, and a large Parquet file on this machine's file system into runs of whole row groups of about
 * as many bytes, so one big file keeps every executor core busy; anything else (compressed, transcripts, JSON
 * arrays, small files, Parquet on a Hadoop file system, a Parquet file with one row group, unknown columns or a
 * damaged footer) is one task per file. A first Spark pass counts the newlines of every range, so that each
 * range knows the line number it starts at (sources and derived ids name file lines, exactly as locally); it
 * reads the data once more, at disk speed, against the steps' far larger cost.
 */
final class InputParts {

    /** Spark configuration key for the target bytes per read task of a large file. */
    static final String SPLIT_BYTES_KEY = "spark.colloquy.splitBytes";
    static final long DEFAULT_SPLIT_BYTES = 64L << 20;

    private InputParts() {
    }

    static List<InputPart> plan(JavaSparkContext jsc, List<SparkInput> files, PipelineConfig.InputSpec input,
                                long splitBytes, Map<String, String> hadoopConf) {
        InputFormat format = input.format();
        List<InputPart> parts = new ArrayList<>();
        List<InputPart> ranges = new ArrayList<>();
        for (SparkInput in : files) {
            long[] groups = in.size() > splitBytes && !in.hadoop()
                    ? ConversationReader.tableRowGroups(Paths.get(in.name()), format, input.roleMap()) : new long[0];
            if (groups.length > 1) {
                parts.addAll(rowGroupParts(in, groups, splitBytes));
            } else if (in.size() > splitBytes && splittable(in, format, hadoopConf)) {
                for (long start = 0; start < in.size(); start += splitBytes) {
                    InputPart r = InputPart.range(in, start, Math.min(in.size(), start + splitBytes));
                    parts.add(r);
                    ranges.add(r);
                }
            } else {
                parts.add(InputPart.whole(in));
            }
        }
        if (ranges.isEmpty()) {
            return parts;
        }
        List<Long> counts = jsc.parallelize(ranges, ranges.size()).map(r -> newlines(r, hadoopConf)).collect();
        List<InputPart> out = new ArrayList<>(parts.size());
        int k = 0;
        long before = 0;
        SparkInput current = null;
        for (InputPart p : parts) {
            if (p.isWhole() || p.isRowGroups()) {
                out.add(p);
                continue;
            }
            if (p.input() != current) {
                current = p.input();
                before = 0;
            }
            out.add(p.withNewlinesBefore(before));
            before += counts.get(k++);
        }
        return out;
    }

    /** Consecutive row groups of about {@code splitBytes} per part (a larger group is a part of its own). */
    private static List<InputPart> rowGroupParts(SparkInput in, long[] groups, long splitBytes) {
        List<InputPart> parts = new ArrayList<>();
        int from = 0;
        long bytes = 0;
        for (int g = 0; g < groups.length; g++) {
            if (g > from && bytes + groups[g] > splitBytes) {
                parts.add(InputPart.rowGroups(in, from, g, bytes));
                from = g;
                bytes = 0;
            }
            bytes += groups[g];
        }
        parts.add(InputPart.rowGroups(in, from, groups.length, bytes));
        return parts;
    }

    /** Uncompressed, with a known size, and read as JSON Lines: then line-aligned ranges read it exactly. */
    private static boolean splittable(SparkInput in, InputFormat format, Map<String, String> hadoopConf) {
        try (InputStream raw = in.openRaw(0, hadoopConf)) {
            byte[] head = raw.readNBytes(1 << 16);
            if (Decompression.isCompressed(head)) {
                return false;
            }
            // A file blank as far as the look-ahead sees stays whole: its empty_file check is whole-file.
            return hasContent(head) && ConversationReader.layout(new java.io.ByteArrayInputStream(head), format)
                    == ConversationReader.Layout.JSON_LINES;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read '" + in.name() + "': " + e.getMessage(), e);
        }
    }

    private static boolean hasContent(byte[] head) {
        for (byte b : head) {
            if (b != ' ' && b != '\n' && b != '\r' && b != '\t') {
                return true;
            }
        }
        return false;
    }

    /** The newline bytes in {@code [start, end)}. */
    private static long newlines(InputPart r, Map<String, String> hadoopConf) throws IOException {
        long n = 0;
        long left = r.end() - r.start();
        byte[] buf = new byte[1 << 16];
        try (InputStream in = r.input().openRaw(r.start(), hadoopConf)) {
            while (left > 0) {
                int got = in.read(buf, 0, (int) Math.min(buf.length, left));
                if (got < 0) {
                    break;
                }
                for (int i = 0; i < got; i++) {
                    if (buf[i] == '\n') {
                        n++;
                    }
                }
                left -= got;
            }
        }
        return n;
    }
}
