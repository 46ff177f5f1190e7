package dev.colloquy.parquet;

import dev.colloquy.format.OutputFormat;
import dev.colloquy.format.RecordJson;
import dev.colloquy.format.TableWriter;
import dev.colloquy.model.Conversation;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
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
import org.apache.parquet.schema.MessageType;

/*
 * Writes conversations in ChatSchema, streaming: Parquet buffers one row group (ROW_GROUP_BYTES) and writes it
 * out, so memory stays flat whatever the number of records.
 *
 * A file's schema is fixed when its first row is written, and the tool columns should exist only where tool
 * calls do; so the writer holds back the first FIRST_ROWS records, gives the file tool columns when one of them
 * has tool calls, and from then on writes straight through. A later record whose tool calls do not fit the
 * columns (there are none, or they are not OpenAI's all-string shape) keeps them in meta.message_extra, which
 * our readers merge back into the turn: nothing is lost either way.
 *
 * Everything of a message other than role, content and the tool columns goes to meta as well: the speaker label
 * to meta.speakers[i], other keys to meta.message_extra[i], so every message has the same keys.
 *
 * Preference pairs are decided the same way: when one of the first records is a pair, the file has TRL's
 * prompt/chosen/rejected columns (ChatSchema), and a conversation in it is a row with only a prompt, which reads
 * back as that conversation (TRL's prompt-only layout). A later pair in a file of conversations keeps its shape
 * in meta.preference ({chosen_start, rejected_start}), which our readers take back. Per-turn meta lists count
 * over prompt + chosen + rejected either way.
 */
final class ParquetChatWriter implements TableWriter {

    /** Row group size: small enough for modest heaps, large enough for good compression. */
    static final int ROW_GROUP_BYTES = 16 << 20;
    static final int FIRST_ROWS = 1000;

    private final Path file;
    private final List<Map<String, Object>> held = new ArrayList<>();
    private ParquetWriter<Group> writer;
    private MessageType schema;
    private boolean tools;
    private boolean pairs;
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
        Map<String, Object> tree = flat(RecordJson.toTree(conversation, OutputFormat.OPENAI), conversation);
        if (writer == null) {
            held.add(tree);
            if (held.size() >= FIRST_ROWS) {
                start();
            }
        } else {
            append(tree);
        }
        written++;
    }

    private void start() throws IOException {
        tools = held.stream().anyMatch(ParquetChatWriter::hasToolCalls);
        pairs = held.stream().anyMatch(t -> t.containsKey(PAIR));
        schema = ChatSchema.of(tools, pairs);
        writer = ExampleParquetWriter.builder(new LocalOutputFile(file))
                .withConf(new PlainParquetConfiguration())
                .withType(schema)
                .withWriteMode(ParquetFileWriter.Mode.OVERWRITE)
                .withCodecFactory(new PlainCodecs())
                .withCompressionCodec(CompressionCodecName.ZSTD)
                .withRowGroupSize(rowGroupBytes)
                .withPageSize(1 << 20)
                .build();
        for (Map<String, Object> t : held) {
            append(t);
        }
        held.clear();
    }

    private static boolean hasToolCalls(Map<String, Object> tree) {
        // flat trees: all messages of a pair are under "messages" too
        for (Object m : (List<?>) tree.get(ChatSchema.MESSAGES)) {
            Map<?, ?> msg = (Map<?, ?>) m;
            if (ToolCalls.typed(msg.get(ChatSchema.TOOL_CALLS)) || msg.get(ChatSchema.TOOL_CALL_ID) instanceof String) {
                return true;
            }
        }
        return false;
    }

    /** Key of the tree (ours, not written) holding a pair's {chosenStart, rejectedStart}. */
    private static final String PAIR = " pair";

    /**
     * The OpenAI tree with all messages under "messages", a pair's split under PAIR: one shape for the writer,
     * whatever the record.
     */
    private static Map<String, Object> flat(Map<String, Object> tree, Conversation c) {
        if (!c.isPair()) {
            return tree;
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put(ChatSchema.ID, tree.get(ChatSchema.ID));
        List<Object> all = new ArrayList<>((List<?>) ((Map<?, ?>) tree.get("input")).get(ChatSchema.MESSAGES));
        all.addAll((List<?>) tree.get("preferred_output"));
        all.addAll((List<?>) tree.get("non_preferred_output"));
        out.put(ChatSchema.MESSAGES, all);
        out.put(ChatSchema.META, tree.get(ChatSchema.META));
        out.put(PAIR, new int[] {c.preference().chosenStart(), c.preference().rejectedStart()});
        return out;
    }

    private void append(Map<String, Object> tree) throws IOException {
        Group row = new SimpleGroup(schema);
        row.append(ChatSchema.ID, (String) tree.get(ChatSchema.ID));
        @SuppressWarnings("unchecked")
        Map<String, Object> meta = new LinkedHashMap<>((Map<String, Object>) tree.get(ChatSchema.META));
        List<?> messages = (List<?>) tree.get(ChatSchema.MESSAGES);
        List<Object> speakers = perTurn(meta.get("speakers"), messages.size());
        List<Object> extra = perTurn(meta.get("message_extra"), messages.size());
        int[] pair = (int[]) tree.get(PAIR);
        // where each column's messages start and end: [messages] or [prompt, chosen, rejected]
        List<String> columns = pairs ? List.of(ChatSchema.PROMPT, ChatSchema.CHOSEN, ChatSchema.REJECTED)
                : List.of(ChatSchema.MESSAGES);
        int[] bounds = pairs && pair != null ? new int[] {0, pair[0], pair[1], messages.size()}
                : pairs ? new int[] {0, messages.size(), -1, -1} : new int[] {0, messages.size()};
        if (!pairs && pair != null) {
            meta.put("preference", Map.of("chosen_start", pair[0], "rejected_start", pair[1]));
        }
        Group list = null;
        int column = -1;
        for (int i = 0; i < messages.size(); i++) {
            while (i >= bounds[column + 1] || list == null) {
                column++;
                list = row.addGroup(columns.get(column));
            }
            Map<?, ?> msg = (Map<?, ?>) messages.get(i);
            Group element = list.addGroup("list").addGroup("element");
            element.append("role", (String) msg.get("role"));
            if (msg.get("content") instanceof String content) {
                element.append("content", content);
            }
            Map<String, Object> rest = new LinkedHashMap<>();
            for (Map.Entry<?, ?> e : msg.entrySet()) {
                String k = String.valueOf(e.getKey());
                Object v = e.getValue();
                if (k.equals("role") || k.equals("content")) {
                    continue;
                }
                if (k.equals("name") && speakers.get(i) == null && !v.equals(msg.get("role"))) {
                    speakers.set(i, v);
                } else if (k.equals(ChatSchema.TOOL_CALLS) && tools && ToolCalls.typed(v)) {
                    ToolCalls.write((List<?>) v, element.addGroup(ChatSchema.TOOL_CALLS));
                } else if (k.equals(ChatSchema.TOOL_CALL_ID) && tools && v instanceof String s) {
                    element.append(ChatSchema.TOOL_CALL_ID, s);
                } else if (!k.equals("name") || speakers.get(i) == null) {
                    rest.put(k, v);
                }
            }
            if (!rest.isEmpty()) {
                Map<String, Object> merged = new LinkedHashMap<>();
                if (extra.get(i) instanceof Map<?, ?> earlier) {
                    earlier.forEach((k, v) -> merged.put(String.valueOf(k), v));
                }
                merged.putAll(rest);
                extra.set(i, merged);
            }
        }
        putPerTurn(meta, "speakers", speakers);
        putPerTurn(meta, "message_extra", extra);
        row.append(ChatSchema.META, Json.write(meta));
        writer.write(row);
    }

    private static List<Object> perTurn(Object list, int turns) {
        List<Object> out = new ArrayList<>(turns);
        for (int i = 0; i < turns; i++) {
            out.add(list instanceof List<?> l && i < l.size() ? l.get(i) : null);
        }
        return out;
    }

    private static void putPerTurn(Map<String, Object> meta, String key, List<Object> values) {
        if (values.stream().anyMatch(v -> v != null)) {
            meta.put(key, values);
        } else {
            meta.remove(key);
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
