package dev.colloquy.format;

import java.io.Closeable;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/** The rows of one table file, lazily; {@link #close()} releases the file. */
public interface TableReader extends Closeable {

    /** The top-level column names, in schema order. */
    List<String> columns();

    /** The rows in file order: each a JSON-like record, or a run of rows that could not be read. */
    Iterator<Row> rows();

    /**
     * The bytes each row group takes in the file, in file order, so a distributed engine can give row groups to
     * different tasks; none when the format has no such parts.
     */
    default long[] rowGroupBytes() {
        return new long[0];
    }

    /**
     * The rows of row groups {@code from} (inclusive) to {@code to} (exclusive) only, numbered as in the whole file,
     * a damaged group as in {@link #rows()}.
     */
    default Iterator<Row> rows(int from, int to) {
        throw new UnsupportedOperationException("this table format has no row groups");
    }

    /** One row, or what could not be read. */
    sealed interface Row {
    }

    /**
     * A row as a JSON-like record (maps, lists, strings, numbers, booleans).
     *
     * @param number 1-based row number in the file
     */
    record Fields(long number, Map<String, Object> fields) implements Row {
    }

    /** A row whose text columns are not UTF-8; it is quarantined as {@code invalid_utf8}. */
    record InvalidText(long number, String message) implements Row {
    }

    /**
     * Rows that could not be read: a damaged row group (from its first unread row), or a file whose footer is
     * gone so no row can be located ({@code rowGroup} -1).
     *
     * @param firstRow 1-based number of the first row lost (0 when unknown)
     */
    record Unreadable(long firstRow, int rowGroup, String message) implements Row {
    }
}
