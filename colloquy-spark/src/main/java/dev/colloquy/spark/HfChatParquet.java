package dev.colloquy.spark;

import dev.colloquy.format.JsonlRecords;
import dev.colloquy.format.ReadResult;
import dev.colloquy.format.RoleMap;
import dev.colloquy.model.Conversation;
import dev.colloquy.model.SourcePosition;
import dev.colloquy.parquet.ChatRows;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.parquet.schema.GroupType;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.Type;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Parquet on Spark, in the columns the local engine writes ({@link ChatRows}): the Hugging Face chat schema
 * {@code id, messages: list<struct<role, content>>, meta}, with tool columns and TRL's {@code prompt/chosen/rejected}
 * where the first records call for them. (Parquet inputs are read by core's reader, as any other file.)
 */
final class HfChatParquet {

    private HfChatParquet() {
    }

    /**
     * Writes kept records with Spark's writer (one part file per partition, in partition order) in the layout
     * their first {@link ChatRows#FIRST_ROWS} records decide, as the local writer does. The records come as their
     * output lines, read back as the local engine's output assembler reads them, so what is written (redactions
     * included) is what the local engine writes.
     */
    static void write(SparkSession spark, JavaRDD<String> keptLines, String path) {
        JavaRDD<Conversation> kept = keptLines.map(HfChatParquet::readBack);
        ChatRows layout = ChatRows.forFirst(kept.take(ChatRows.FIRST_ROWS));
        StructType type = structOf(layout.schema());
        JavaRDD<Row> rows = kept.map(c -> row(layout.row(c), type));
        spark.createDataFrame(rows, type).write().mode("overwrite").option("compression", "zstd").parquet(path);
    }

    private static Conversation readBack(String line) {
        ReadResult r = JsonlRecords.parse(line, new SourcePosition("kept", 0), RoleMap.defaults());
        if (r instanceof ReadResult.Ok ok) {
            return ok.conversation();
        }
        throw new IllegalStateException("a kept record does not read back: " + ((ReadResult.Bad) r).rejection().message());
    }

    /**
     * Spark's type for a Parquet schema of {@link ChatRows}: strings, standard lists, structs; a required field
     * is not nullable, so Spark writes the same repetitions back.
     */
    static StructType structOf(GroupType group) {
        List<StructField> fields = new ArrayList<>();
        for (Type f : group.getFields()) {
            fields.add(DataTypes.createStructField(f.getName(), typeOf(f), f.getRepetition() != Type.Repetition.REQUIRED));
        }
        return DataTypes.createStructType(fields);
    }

    private static DataType typeOf(Type t) {
        if (t.isPrimitive()) {
            if (!(t.getLogicalTypeAnnotation() instanceof LogicalTypeAnnotation.StringLogicalTypeAnnotation)) {
                throw new IllegalArgumentException("ChatRows columns are strings, lists and structs, not " + t);
            }
            return DataTypes.StringType;
        }
        GroupType g = t.asGroupType();
        if (g.getLogicalTypeAnnotation() instanceof LogicalTypeAnnotation.ListLogicalTypeAnnotation) {
            Type element = g.getType(0).asGroupType().getType(0);
            return DataTypes.createArrayType(typeOf(element), element.getRepetition() != Type.Repetition.REQUIRED);
        }
        return structOf(g);
    }

    /** A ChatRows row (or message, tool call) as a Spark row of {@code type}; absent values are null. */
    private static Row row(Map<?, ?> values, StructType type) {
        StructField[] fields = type.fields();
        Object[] out = new Object[fields.length];
        for (int i = 0; i < fields.length; i++) {
            Object v = values.get(fields[i].name());
            out[i] = v == null ? null : value(v, fields[i].dataType());
        }
        return RowFactory.create(out);
    }

    private static Object value(Object v, DataType type) {
        if (type instanceof ArrayType array) {
            List<Object> out = new ArrayList<>();
            for (Object e : (List<?>) v) {
                out.add(e == null ? null : value(e, array.elementType()));
            }
            // Spark's row encoder takes arrays as Scala sequences, not java.util.List.
            return scala.jdk.javaapi.CollectionConverters.asScala(out).toSeq();
        }
        if (type instanceof StructType struct) {
            return row((Map<?, ?>) v, struct);
        }
        return v;
    }
}
