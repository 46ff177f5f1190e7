package dev.colloquy.format;

import dev.colloquy.model.SourcePosition;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

/*
 * Reads a table file (Parquet) row by row and decodes each row exactly as a JSON record is decoded, so the
 * layouts, role maps and checks are the same in every format. A table needs random access, so an input that
 * is not a plain file on disk (stdin, a .gz around the table) is first copied to a temporary file, deleted on
 * close. A table whose columns hold no known layout is one rejection naming the columns, rather than one
 * no_messages per row.
 */
final class TableIterator implements ConversationReader.CloseableIterator {

    private final String file;
    private final RoleMap roles;
    private final InputFormat format;
    private final Path spooled;
    private TableReader reader;
    private Iterator<TableReader.Row> rows;
    private ReadResult pending;

    private TableIterator(String file, RoleMap roles, InputFormat format, Path spooled) {
        this.file = file;
        this.roles = roles;
        this.format = format;
        this.spooled = spooled;
    }

    static TableIterator open(TableFormat table, InputStream in, String file, InputFormat format, RoleMap roles)
            throws IOException {
        return open(table, in, file, format, roles, -1, -1);
    }

    /**
     * Opens row groups {@code [from, to)} of the table, or the whole table when {@code from} is -1. A part (the
     * caller has checked that the table reads and has a layout) without rows yields nothing: the empty_file check is
     * the whole table's.
     */
    static TableIterator open(TableFormat table, InputStream in, String file, InputFormat format, RoleMap roles,
                              int from, int to) throws IOException {
        Path onDisk = plainFile(table, file);
        Path spooled = null;
        if (onDisk == null) {
            spooled = Files.createTempFile("colloquy-", "." + table.name());
            Files.copy(in, spooled, StandardCopyOption.REPLACE_EXISTING);
            onDisk = spooled;
        }
        TableIterator it = new TableIterator(file, roles, format, spooled);
        try {
            it.reader = table.open(onDisk, file);
        } catch (IOException | RuntimeException e) {
            it.pending = ReadResult.bad(new SourcePosition(file, 0), ReadReason.TRUNCATED_ARCHIVE,
                    "cannot read the " + table.name() + " file: " + Excerpt.of(String.valueOf(e.getMessage()))
                            + "; no row could be located, so nothing of it was read", null);
            return it;
        }
        List<String> columns = it.reader.columns();
        if (!JsonlRecords.hasLayout(columns, roles, format)) {
            it.pending = ReadResult.bad(new SourcePosition(file, 0), ReadReason.UNKNOWN_LAYOUT,
                    "no conversation layout in the columns " + columns + ": " + JsonlRecords.LAYOUT_HELP,
                    Map.of("columns", columns));
            return it;
        }
        it.rows = from < 0 ? it.reader.rows() : it.reader.rows(from, to);
        if (from < 0 && !it.rows.hasNext()) {
            it.pending = ReadResult.bad(new SourcePosition(file, 0), ReadReason.EMPTY_FILE,
                    "the " + table.name() + " file holds no row", null);
        }
        return it;
    }

    /** The file itself when it is a plain (uncompressed) table on disk, else null. */
    private static Path plainFile(TableFormat table, String file) {
        try {
            Path p = Paths.get(file);
            if (!Files.isRegularFile(p)) {
                return null;
            }
            byte[] head = new byte[16];
            int n;
            try (InputStream raw = Files.newInputStream(p)) {
                n = raw.readNBytes(head, 0, head.length);
            }
            return table.recognizes(Arrays.copyOf(head, n)) ? p : null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    @Override
    public boolean hasNext() {
        if (pending != null) {
            return true;
        }
        if (rows == null || !rows.hasNext()) {
            return false;
        }
        pending = decode(rows.next());
        return true;
    }

    @Override
    public ReadResult next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        ReadResult r = pending;
        pending = null;
        return r;
    }

    private ReadResult decode(TableReader.Row row) {
        if (row instanceof TableReader.Unreadable u) {
            return ReadResult.bad(new SourcePosition(file, u.firstRow()), ReadReason.TRUNCATED_ARCHIVE,
                    "row group " + u.rowGroup() + " from row " + u.firstRow() + " could not be read: "
                            + Excerpt.of(u.message()) + "; the rows before it were read", null);
        }
        if (row instanceof TableReader.InvalidText t) {
            return ReadResult.bad(new SourcePosition(file, t.number()), ReadReason.INVALID_UTF8, t.message(), null);
        }
        TableReader.Fields f = (TableReader.Fields) row;
        return JsonlRecords.fromRecord(f.fields(), new SourcePosition(file, f.number()), roles, format);
    }

    @Override
    public void close() throws IOException {
        try {
            if (reader != null) {
                reader.close();
            }
        } finally {
            if (spooled != null) {
                try {
                    Files.deleteIfExists(spooled);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
    }
}
