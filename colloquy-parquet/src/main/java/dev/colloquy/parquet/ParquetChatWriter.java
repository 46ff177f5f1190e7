package dev.colloquy.parquet;

import dev.colloquy.format.OutputFormat;
import dev.colloquy.format.TableWriter;
import dev.colloquy.model.Conversation;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroup;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.schema.GroupType;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.Type;

/*
 * Writes conversations in ChatSchema, streaming: Parquet buffers one row group (ROW_GROUP_BYTES) and writes it
 * out, so memory stays flat whatever the number of records.
 *
 * A file's schema is fixed when its first row is written, and the tool and preference columns should exist only
 * where tool calls and pairs do; so the writer holds back the first ChatRows.FIRST_ROWS records, lets ChatRows
 * decide the layout from them, and from then on writes straight through. ChatRows maps each record into the
 * columns (the same mapping Spark's writer uses); this class only turns those rows into parquet-java Groups.
 */
final class ParquetChatWriter implements TableWriter {

    /** Row group size: small enough for modest heaps, large enough for good compression. */
    static final int ROW_GROUP_BYTES = 16 << 20;
    static final int FIRST_ROWS = ChatRows.FIRST_ROWS;

    private final Path file;
    private final List<Conversation> held = new ArrayList<>();
    private ParquetWriter<Group> writer;
    private MessageType schema;
    private ChatRows rows;
    private long written;

    private final long rowGroupBytes;

    ParquetChatWriter(Path file, OutputFormat shape) {
        this(file, shape, ROW_GROUP_BYTES);
    }

    /** With a row group size in bytes (tests use small ones to get several groups). */
    ParquetChatWriter(Path file, OutputFormat shape, long rowGroupBytes) {
        this.rowGroupBytes = rowGroupBytes;
        if (shape != OutputFormat.OPENAI) {
            throw new IllegalArgumentException("Parquet holds OpenAI-shaped records, not " + shape.cliName());
        }
        this.file = file;
    }

    @Override
    public void write(Conversation conversation) throws IOException {
        if (writer == null) {
            held.add(conversation);
            if (held.size() >= FIRST_ROWS) {
                start();
            }
        } else {
            append(conversation);
        }
        written++;
    }

    private void start() throws IOException {
        rows = ChatRows.forFirst(held);
        schema = rows.schema();
        writer = ExampleParquetWriter.builder(new LocalOutputFile(file))
                .withConf(new PlainParquetConfiguration())
                .withType(schema)
                .withWriteMode(ParquetFileWriter.Mode.OVERWRITE)
                .withCodecFactory(new PlainCodecs())
                .withCompressionCodec(CompressionCodecName.ZSTD)
                .withRowGroupSize(rowGroupBytes)
                .withPageSize(1 << 20)
                .build();
        for (Conversation c : held) {
            append(c);
        }
        held.clear();
    }

    private void append(Conversation c) throws IOException {
        Group row = new SimpleGroup(schema);
        fill(row, schema, rows.row(c));
        writer.write(row);
    }

    /** Fills a group from a ChatRows row (or a message, a tool call): by the schema, absent values left null. */
    private static void fill(Group group, GroupType type, Map<?, ?> values) {
        for (Type field : type.getFields()) {
            Object v = values.get(field.getName());
            if (v == null) {
                continue;
            }
            if (field.isPrimitive()) {
                group.append(field.getName(), (String) v);
            } else if (field.getLogicalTypeAnnotation() instanceof LogicalTypeAnnotation.ListLogicalTypeAnnotation) {
                Group list = group.addGroup(field.getName());
                GroupType element = field.asGroupType().getType(0).asGroupType().getType(0).asGroupType();
                for (Object e : (List<?>) v) {
                    fill(list.addGroup("list").addGroup("element"), element, (Map<?, ?>) e);
                }
            } else {
                fill(group.addGroup(field.getName()), field.asGroupType(), (Map<?, ?>) v);
            }
        }
    }

    @Override
    public long written() {
        return written;
    }

    @Override
    public void close() throws IOException {
        if (writer == null) {
            start();
        }
        writer.close();
    }
}
