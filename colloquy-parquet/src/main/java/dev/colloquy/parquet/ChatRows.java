package dev.colloquy.parquet;

import dev.colloquy.format.OutputFormat;
import dev.colloquy.format.RecordJson;
import dev.colloquy.model.Conversation;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.parquet.schema.MessageType;

/*
 * One layout of ChatSchema and the mapping of a conversation into its columns, apart from how a row is written:
 * parquet-java's Groups on one machine (ParquetChatWriter), Spark's Rows on a cluster (colloquy-spark). Both
 * engines write through this one mapping, so their Parquet files have the same schema and the same rows.
 *
 * The layout is decided by the first records (FIRST_ROWS): tool columns when one of them has OpenAI-shaped tool
 * calls, TRL's prompt/chosen/rejected columns when one of them is a preference pair. A row is a map from column
 * name to value: strings, lists of message maps (role, content, tool_calls, tool_call_id), the meta JSON text;
 * a column left out is null.
 *
 * Everything of a message other than role, content and the tool columns goes to meta: the speaker label to
 * meta.speakers[i], other keys (and tool calls the columns do not hold) to meta.message_extra[i], so every
 * message has the same keys. A pair in a file of conversations keeps its shape in meta.preference
 * ({chosen_start, rejected_start}); a conversation in a file of pairs is a row with only a prompt (TRL's
 * prompt-only layout). Our readers take both back.
 */

/**
 * The columns of a Parquet file of kept records and each record's row in them; immutable and serializable, so a
 * Spark job can ship it to its executors. Decide it with {@link #forFirst} on a file's first records.
 */
public final class ChatRows implements Serializable {

    private static final long serialVersionUID = 1L;

    /** How many of a file's first records decide its columns. */
    public static final int FIRST_ROWS = 1000;

    private final boolean tools;
    private final boolean pairs;

    ChatRows(boolean tools, boolean pairs) {
        this.tools = tools;
        this.pairs = pairs;
    }

    /** The layout the first records of a file decide (only the first {@link #FIRST_ROWS} are looked at). */
    public static ChatRows forFirst(List<Conversation> first) {
        boolean tools = false;
        boolean pairs = false;
        for (Conversation c : first.subList(0, Math.min(first.size(), FIRST_ROWS))) {
            pairs |= c.isPair();
            tools |= hasToolCalls(messages(RecordJson.toTree(c, OutputFormat.OPENAI), c));
        }
        return new ChatRows(tools, pairs);
    }

    /** The Parquet schema of this layout. */
    public MessageType schema() {
        return ChatSchema.of(tools, pairs);
    }

    /** The row of one record: column name to value (strings, lists of message maps); absent columns are null. */
    public Map<String, Object> row(Conversation c) {
        Map<String, Object> tree = RecordJson.toTree(c, OutputFormat.OPENAI);
        @SuppressWarnings("unchecked")
        Map<String, Object> meta = new LinkedHashMap<>((Map<String, Object>) tree.get(ChatSchema.META));
        List<?> messages = messages(tree, c);
        List<Object> speakers = perTurn(meta.get("speakers"), messages.size());
        List<Object> extra = perTurn(meta.get("message_extra"), messages.size());
        List<String> columns = pairs ? List.of(ChatSchema.PROMPT, ChatSchema.CHOSEN, ChatSchema.REJECTED)
                : List.of(ChatSchema.MESSAGES);
        // where each column's messages start and end: [messages] or [prompt, chosen, rejected]
        int[] bounds = pairs && c.isPair()
                ? new int[] {0, c.preference().chosenStart(), c.preference().rejectedStart(), messages.size()}
                : new int[] {0, messages.size()};
        if (!pairs && c.isPair()) {
            meta.put("preference", Map.of("chosen_start", c.preference().chosenStart(),
                    "rejected_start", c.preference().rejectedStart()));
        }
        Map<String, Object> row = new LinkedHashMap<>();
        row.put(ChatSchema.ID, tree.get(ChatSchema.ID));
        for (int column = 0; column + 1 < bounds.length; column++) {
            List<Map<String, Object>> list = new ArrayList<>();
            for (int i = bounds[column]; i < bounds[column + 1]; i++) {
                list.add(message((Map<?, ?>) messages.get(i), i, speakers, extra));
            }
            row.put(columns.get(column), list);
        }
        putPerTurn(meta, "speakers", speakers);
        putPerTurn(meta, "message_extra", extra);
        row.put(ChatSchema.META, Json.write(meta));
        return row;
    }

    private Map<String, Object> message(Map<?, ?> msg, int i, List<Object> speakers, List<Object> extra) {
        Map<String, Object> element = new LinkedHashMap<>();
        element.put("role", msg.get("role"));
        if (msg.get("content") instanceof String content) {
            element.put("content", content);
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
                element.put(ChatSchema.TOOL_CALLS, v);
            } else if (k.equals(ChatSchema.TOOL_CALL_ID) && tools && v instanceof String s) {
                element.put(ChatSchema.TOOL_CALL_ID, s);
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
        return element;
    }

    /** All messages of the OpenAI tree in order: a pair's prompt, chosen and rejected answers one after another. */
    private static List<?> messages(Map<String, Object> tree, Conversation c) {
        if (!c.isPair()) {
            return (List<?>) tree.get(ChatSchema.MESSAGES);
        }
        List<Object> all = new ArrayList<>((List<?>) ((Map<?, ?>) tree.get("input")).get(ChatSchema.MESSAGES));
        all.addAll((List<?>) tree.get("preferred_output"));
        all.addAll((List<?>) tree.get("non_preferred_output"));
        return all;
    }

    private static boolean hasToolCalls(List<?> messages) {
        for (Object m : messages) {
            Map<?, ?> msg = (Map<?, ?>) m;
            if (ToolCalls.typed(msg.get(ChatSchema.TOOL_CALLS)) || msg.get(ChatSchema.TOOL_CALL_ID) instanceof String) {
                return true;
            }
        }
        return false;
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
}
