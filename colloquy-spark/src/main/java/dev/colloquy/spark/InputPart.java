package dev.colloquy.spark;

import java.io.Serializable;

/**
 * One read task's share of the input: a whole file, one byte range of a large uncompressed JSON Lines file, or
 * some row groups of a large Parquet file.
 *
 * <p>A range owns every line that starts inside it, {@code start <= line start < end}; the line that crosses
 * {@code end} is read to its end by this part, and the next part skips the partial line it starts in. The
 * first line a range owns is line {@code newlinesBefore + 1} of the file, or one more when a partial line is
 * skipped, so {@code file:line} sources are the local engine's. Row groups are numbered as in the whole file by
 * the reader, from the footer, so {@code file:ROW} sources are the local engine's too.
 *
 * @param input          the file
 * @param start          first byte of the range; 0 for a whole file or row groups
 * @param end            end of the range (exclusive), or -1 for a whole file read as the local engine reads it, or
 *                       for row groups
 * @param newlinesBefore {@code \n} bytes in {@code [0, start)}, counted by a first pass over the parts
 * @param fromGroup      first row group of a Parquet part
 * @param toGroup        end (exclusive) of the row groups of a Parquet part; 0 for any other part
 * @param groupBytes     bytes the row groups take in the file
 */
record InputPart(SparkInput input, long start, long end, long newlinesBefore, int fromGroup, int toGroup,
                 long groupBytes) implements Serializable {

    static InputPart whole(SparkInput input) {
        return new InputPart(input, 0, -1, 0, 0, 0, 0);
    }

    static InputPart range(SparkInput input, long start, long end) {
        return new InputPart(input, start, end, 0, 0, 0, 0);
    }

    static InputPart rowGroups(SparkInput input, int from, int to, long bytes) {
        return new InputPart(input, 0, -1, 0, from, to, bytes);
    }

    boolean isRowGroups() {
        return toGroup > 0;
    }

    boolean isWhole() {
        return end < 0 && !isRowGroups();
    }

    /** The bytes this part reads as stored (a whole file's size, -1 when unknown). */
    long bytes() {
        return isRowGroups() ? groupBytes : isWhole() ? input.size() : end - start;
    }

    InputPart withNewlinesBefore(long n) {
        return new InputPart(input, start, end, n, fromGroup, toGroup, groupBytes);
    }
}
