package dev.colloquy.spark;

import java.io.Serializable;

/**
 * One read task's share of the input: a whole file, or one byte range of a large uncompressed JSON Lines file.
 *
 * <p>A range owns every line that starts inside it, {@code start <= line start < end}; the line that crosses
 * {@code end} is read to its end by this part, and the next part skips the partial line it starts in. The
 * first line a range owns is line {@code newlinesBefore + 1} of the file, or one more when a partial line is
 * skipped, so {@code file:line} sources are the local engine's.
 *
 * @param input          the file
 * @param start          first byte of the range; 0 for a whole file
 * @param end            end of the range (exclusive), or -1 for a whole file read as the local engine reads it
 * @param newlinesBefore {@code \n} bytes in {@code [0, start)}, counted by a first pass over the parts
 */
record InputPart(SparkInput input, long start, long end, long newlinesBefore) implements Serializable {

    static InputPart whole(SparkInput input) {
        return new InputPart(input, 0, -1, 0);
    }

    boolean isWhole() {
        return end < 0;
    }

    InputPart withNewlinesBefore(long n) {
        return new InputPart(input, start, end, n);
    }
}
