package dev.colloquy.format;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Maps a dataset's own column and message-key names to the ones our layouts use, as LLaMA-Factory's
 * {@code columns}/{@code tags} do: {@code --columns messages=dialog,role=speaker,content=text} reads
 * {@code {"dialog":[{"speaker":"user","text":"..."}]}} as the OpenAI layout. Keys: the record keys of the layouts
 * ({@code messages}, {@code conversations}, {@code conversation}, {@code instruction}, {@code input},
 * {@code output}, {@code system}, {@code history}, {@code id}; of preference pairs {@code prompt}, {@code chosen},
 * {@code rejected}, {@code chosen_messages}, {@code rejected_messages}) and the message keys ({@code role}, {@code content},
 * {@code from}, {@code value}). Role values are mapped by {@code --roles}. Immutable and serializable.
 */
public final class Columns implements Serializable {

    private static final long serialVersionUID = 1L;

    static final Set<String> RECORD_KEYS = Set.of("messages", "conversations", "conversation", "instruction",
            "input", "output", "system", "history", "id", "prompt", "chosen", "rejected", "chosen_messages",
            "rejected_messages");
    /** Record keys whose values are messages (or one message) besides the layouts' turn lists. */
    private static final Set<String> PAIR_KEYS = Set.of("prompt", "chosen", "rejected", "chosen_messages",
            "rejected_messages");
    static final Set<String> MESSAGE_KEYS = Set.of("role", "content", "from", "value");
    private static final Columns NONE = new Columns(Map.of());

    /** Theirs to ours. */
    private final Map<String, String> ours;

    private Columns(Map<String, String> ours) {
        this.ours = Collections.unmodifiableMap(new LinkedHashMap<>(ours));
    }

    public static Columns none() {
        return NONE;
    }

    /**
     * Parses {@code "messages=dialog,content=text"} (OUR_KEY=THEIR_COLUMN); blank gives {@link #none()}.
     *
     * @throws IllegalArgumentException naming the entry that is malformed or names a key we do not have
     */
    public static Columns parse(String spec) {
        if (spec == null || spec.isBlank()) {
            return NONE;
        }
        Map<String, String> map = new LinkedHashMap<>();
        for (String entry : spec.split(",")) {
            int eq = entry.indexOf('=');
            String key = eq < 0 ? "" : entry.substring(0, eq).trim();
            String column = eq < 0 ? "" : entry.substring(eq + 1).trim();
            if (key.isEmpty() || column.isEmpty()) {
                throw new IllegalArgumentException("expected KEY=COLUMN in --columns, got '" + entry.trim() + "'");
            }
            if (!RECORD_KEYS.contains(key) && !MESSAGE_KEYS.contains(key)) {
                throw new IllegalArgumentException("unknown key '" + key + "' in --columns; use one of "
                        + String.join(", ", new java.util.TreeSet<>(RECORD_KEYS)) + " (record) or "
                        + String.join(", ", new java.util.TreeSet<>(MESSAGE_KEYS)) + " (message)");
            }
            map.put(column, key);
        }
        return new Columns(map);
    }

    /** Our name for a column called {@code theirs}. */
    String ours(String theirs) {
        return ours.getOrDefault(theirs, theirs);
    }

    boolean isEmpty() {
        return ours.isEmpty();
    }

    /** The record with mapped names: top-level keys, and the keys of the messages in its turn lists. */
    Map<String, Object> rename(Map<String, Object> rec) {
        if (ours.isEmpty()) {
            return rec;
        }
        Map<String, Object> out = new LinkedHashMap<>();
        rec.forEach((k, v) -> {
            String key = ours(k);
            boolean holdsMessages = Layouts.of(Set.of(key)) != null || PAIR_KEYS.contains(key);
            if (holdsMessages && v instanceof List<?> list) {
                out.put(key, messages(list));
            } else if (PAIR_KEYS.contains(key) && v instanceof Map<?, ?> message) {
                out.put(key, messages(List.of(message)).get(0)); // LLaMA-Factory's chosen: one message
            } else {
                out.put(key, v);
            }
        });
        return out;
    }

    private List<Object> messages(List<?> list) {
        List<Object> out = new ArrayList<>(list.size());
        for (Object m : list) {
            if (m instanceof Map<?, ?> msg) {
                Map<String, Object> renamed = new LinkedHashMap<>();
                msg.forEach((k, v) -> renamed.put(ours(String.valueOf(k)), v));
                out.add(renamed);
            } else {
                out.add(m);
            }
        }
        return out;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Columns c && ours.equals(c.ours);
    }

    @Override
    public int hashCode() {
        return ours.hashCode();
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder();
        ours.forEach((theirs, key) -> b.append(b.length() == 0 ? "" : ",").append(key).append('=').append(theirs));
        return b.toString();
    }
}
