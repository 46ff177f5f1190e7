package dev.colloquy.dedup;

import java.io.Serializable;
import java.util.Comparator;
import java.util.Objects;

/**
 * A record's place in the canonical order that the keep rule is defined on: input file path, then line,
 * then the record's index within that line or file (for formats where one line holds several records, or
 * a file holds one record spread over many lines). Both dedup engines order records the same way, so the
 * same record is kept whichever engine runs.
 *
 * @param file  the input path as the reader names it
 * @param line  the 1-based line the record starts on
 * @param index the record's index among those starting on that line (usually 0)
 */
public record RecordKey(String file, long line, long index) implements Comparable<RecordKey>, Serializable {

    private static final Comparator<RecordKey> ORDER = Comparator.comparing(RecordKey::file)
            .thenComparingLong(RecordKey::line)
            .thenComparingLong(RecordKey::index);

    public RecordKey {
        Objects.requireNonNull(file, "file");
    }

    @Override
    public int compareTo(RecordKey other) {
        return ORDER.compare(this, other);
    }

    @Override
    public String toString() {
        return file + ":" + line + (index == 0 ? "" : "#" + index);
    }
}
