package dev.colloquy.spark;

import dev.colloquy.format.InputFormat;
import dev.colloquy.format.JsonlRecords;
import dev.colloquy.format.ReadResult;
import dev.colloquy.format.RoleMap;
import dev.colloquy.model.Conversation;
import dev.colloquy.model.Rejection;
import dev.colloquy.model.SourcePosition;
import dev.colloquy.model.Turn;
import java.util.ArrayList;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Parquet in the Hugging Face chat schema: {@code id: string, messages: array<struct<role: string, content:
 * string>>}, the column layout {@code datasets} and TRL read as a chat dataset.
 */
final class HfChatParquet {

    static final StructType MESSAGE = DataTypes.createStructType(List.of(
            DataTypes.createStructField("role", DataTypes.StringType, false),
            DataTypes.createStructField("content", DataTypes.StringType, false)));

    static final StructType SCHEMA = DataTypes.createStructType(List.of(
            DataTypes.createStructField("id", DataTypes.StringType, false),
            DataTypes.createStructField("messages", DataTypes.createArrayType(MESSAGE, false), false)));

    private HfChatParquet() {
    }

    /** One kept conversation as a row of {@link #SCHEMA}. */
    static Row toRow(Conversation c) {
        List<Row> messages = new ArrayList<>(c.turns().size());
        for (Turn t : c.turns()) {
            messages.add(RowFactory.create(t.role().wireName(), t.text()));
        }
        // Spark's row encoder takes arrays as Scala sequences, not java.util.List.
        return RowFactory.create(c.id(), scala.jdk.javaapi.CollectionConverters.asScala(messages).toSeq());
    }

    static void write(SparkSession spark, JavaRDD<Conversation> kept, String path) {
        Dataset<Row> df = spark.createDataFrame(kept.map(HfChatParquet::toRow), SCHEMA);
        df.write().mode("overwrite").parquet(path);
    }

    /**
     * One row read back as a conversation, or why it cannot be one: the row becomes a JSON-like record and goes
     * through core's decoder ({@link JsonlRecords#fromRecord}), the one every local reader uses, so every layout
     * and column mapping reads the same on Spark. A null struct field is left out (Parquet gives every struct
     * every field), except content/value, whose null means something.
     */
    static ReadResult fromRow(Row row, SourcePosition source, RoleMap roles, InputFormat format) {
        return JsonlRecords.fromRecord(struct(row), source, roles, format);
    }

    private static Map<String, Object> struct(Row row) {
        Map<String, Object> out = new LinkedHashMap<>();
        StructField[] fields = row.schema().fields();
        for (int i = 0; i < fields.length; i++) {
            String name = fields[i].name();
            if (!row.isNullAt(i)) {
                out.put(name, value(row.get(i)));
            } else if (name.equals("content") || name.equals("value")) {
                out.put(name, null);
            }
        }
        return out;
    }

    private static Object value(Object v) {
        if (v instanceof Row r) {
            return struct(r);
        }
        if (v instanceof scala.collection.Seq<?> seq) {
            List<Object> out = new ArrayList<>();
            scala.jdk.javaapi.CollectionConverters.asJava(seq).forEach(x -> out.add(x == null ? null : value(x)));
            return out;
        }
        if (v instanceof scala.collection.Map<?, ?> map) {
            Map<String, Object> out = new LinkedHashMap<>();
            scala.jdk.javaapi.CollectionConverters.asJava(map).forEach((k, x) ->
                    out.put(String.valueOf(k), x == null ? null : value(x)));
            return out;
        }
        if (v instanceof byte[] bytes) {
            return java.util.Base64.getEncoder().encodeToString(bytes);
        }
        if (v instanceof java.math.BigDecimal || v instanceof java.sql.Timestamp || v instanceof java.sql.Date
                || v instanceof java.time.temporal.Temporal) {
            return v.toString();
        }
        return v;
    }
}
