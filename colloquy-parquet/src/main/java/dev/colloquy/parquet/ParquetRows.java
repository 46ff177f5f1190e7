package dev.colloquy.parquet;

import dev.colloquy.format.TableReader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.apache.parquet.ParquetReadOptions;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.HadoopFreeReadOptions;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.convert.GroupRecordConverter;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.io.ColumnIOFactory;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.io.MessageColumnIO;
import org.apache.parquet.io.RecordReader;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.Type;

/*
 * Reads a Parquet file one row group at a time through ParquetFileReader on a LocalInputFile (no Hadoop):
 * memory holds one row group's column chunks and one row as a JSON-like value. Row groups are read by index,
 * so a damaged one becomes one Unreadable entry (from its first row not read) and reading goes on with the
 * next: every readable row is kept.
 */
final class ParquetRows implements TableReader {

    private final ParquetFileReader reader;
    private final MessageType schema;

    ParquetRows(Path file) throws IOException {
        ParquetReadOptions options = HadoopFreeReadOptions.of(new PlainCodecs());
        try {
            this.reader = ParquetFileReader.open(new LocalInputFile(file), options);
        } catch (RuntimeException e) {
            // parquet-java reports a missing or damaged footer as a RuntimeException
            throw new IOException("the Parquet footer is missing or damaged (the file is truncated?): "
                    + describe(e), e);
        }
        this.schema = reader.getFooter().getFileMetaData().getSchema();
    }

    @Override
    public List<String> columns() {
        return schema.getFields().stream().map(Type::getName).toList();
    }

    @Override
    public long[] rowGroupBytes() {
        return reader.getRowGroups().stream().mapToLong(b -> b.getCompressedSize()).toArray();
    }

    @Override
    public Iterator<Row> rows() {
        return rows(0, reader.getRowGroups().size());
    }

    @Override
    public Iterator<Row> rows(int from, int to) {
        long rowsBefore = 0;
        for (int g = 0; g < from; g++) {
            rowsBefore += reader.getRowGroups().get(g).getRowCount();
        }
        long firstRow = 1 + rowsBefore;
        return new Iterator<>() {
            private final MessageColumnIO io = new ColumnIOFactory().getColumnIO(schema);
            private final int groups = Math.min(to, reader.getRowGroups().size());
            private int group = from - 1;
            private long firstRowOfGroup = firstRow;
            private long rowsInGroup;
            private long readInGroup;
            private RecordReader<Group> records;
            private Row next;

            @Override
            public boolean hasNext() {
                while (next == null) {
                    if (records != null && readInGroup < rowsInGroup) {
                        long number = firstRowOfGroup + readInGroup;
                        try {
                            Group g = records.read();
                            readInGroup++;
                            next = new Fields(number, GroupValues.row(g));
                        } catch (GroupValues.InvalidTextException e) {
                            readInGroup++;
                            next = new InvalidText(number, e.getMessage());
                        } catch (RuntimeException e) {
                            next = new Unreadable(number, group, describe(e));
                            readInGroup = rowsInGroup;
                        }
                        continue;
                    }
                    if (group + 1 >= groups) {
                        return false;
                    }
                    if (group >= from) {
                        firstRowOfGroup += rowsInGroup;
                    }
                    group++;
                    rowsInGroup = reader.getRowGroups().get(group).getRowCount();
                    readInGroup = 0;
                    records = null;
                    try {
                        PageReadStore pages = reader.readRowGroup(group);
                        records = io.getRecordReader(pages, new GroupRecordConverter(schema));
                    } catch (IOException | RuntimeException e) {
                        next = new Unreadable(firstRowOfGroup, group, describe(e));
                    }
                }
                return true;
            }

            @Override
            public Row next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                Row r = next;
                next = null;
                return r;
            }
        };
    }

    private static final java.util.regex.Pattern INPUT_FILE_IDENTITY =
            java.util.regex.Pattern.compile("[\\w.$]*InputFile@\\p{XDigit}+");

    private static String describe(Exception e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        // parquet-java names the file by its InputFile's default toString (LocalInputFile@5f2e...), which differs
        // from run to run; the quarantine already names the file, and must be the same bytes every run.
        String m = root.getMessage() == null ? null
                : INPUT_FILE_IDENTITY.matcher(root.getMessage()).replaceAll("the file");
        return root.getClass().getSimpleName() + (m == null ? "" : ": " + m);
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }
}
