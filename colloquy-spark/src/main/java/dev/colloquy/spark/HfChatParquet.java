package dev.colloquy.spark;

import dev.colloquy.format.ConversationIds;
import dev.colloquy.model.Conversation;
import dev.colloquy.model.Rejection;
import dev.colloquy.model.Role;
import dev.colloquy.model.SourcePosition;
import dev.colloquy.model.Turn;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
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
     * One row read back as a conversation, or why it cannot be one. Rows need a {@code messages} column; an
     * {@code id} column is used when present, else the id is derived from source and content as for any input.
     */
    static Object fromRow(Row row, SourcePosition source) {
        int mi = fieldIndex(row, "messages");
        if (mi < 0 || row.isNullAt(mi)) {
            return new Rejection(source, "read", "no_messages", "the row has no 'messages' column value", row.toString());
        }
        List<Turn> turns = new ArrayList<>();
        for (Object o : row.getList(mi)) {
            Row m = (Row) o;
            String roleName = m.getAs("role");
            String content = m.getAs("content");
            Optional<Role> role = Role.parse(roleName);
            if (role.isEmpty()) {
                return new Rejection(source, "read", "unknown_role", "unknown role '" + roleName
                        + "' (expected system, user, assistant or tool)", row.toString());
            }
            turns.add(new Turn(role.get().wireName(), role.get(), content == null ? "" : content));
        }
        if (turns.isEmpty()) {
            return new Rejection(source, "read", "no_messages", "the row's 'messages' list is empty", row.toString());
        }
        int ii = fieldIndex(row, "id");
        String id = ii >= 0 && !row.isNullAt(ii) ? String.valueOf(row.get(ii)) : ConversationIds.derive(source, turns);
        return new Conversation(id, source, turns);
    }

    private static int fieldIndex(Row row, String name) {
        if (row.schema() == null) {
            return -1;
        }
        for (int i = 0; i < row.schema().fields().length; i++) {
            if (row.schema().fields()[i].name().equals(name)) {
                return i;
            }
        }
        return -1;
    }
}
