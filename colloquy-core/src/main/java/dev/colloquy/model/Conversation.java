package dev.colloquy.model;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A conversation: the unit every step reads and writes. Immutable; the {@code with*} methods return copies.
 *
 * @param id       the input's id, or one derived stably from source and content
 * @param source   where the record starts in the input
 * @param turns    its turns, in order
 * @param metadata record-level fields the source carried beside the turns (unknown keys included), JSON-like values
 * @param findings conversation-level findings (those spanning several turns, such as an agreement loop)
 */
public record Conversation(String id, SourcePosition source, List<Turn> turns, Map<String, Object> metadata,
                           List<Finding> findings) implements Serializable {

    public Conversation {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(source, "source");
        turns = List.copyOf(turns);
        metadata = metadata == null || metadata.isEmpty()
                ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
        findings = findings == null ? List.of() : List.copyOf(findings);
    }

    public Conversation(String id, SourcePosition source, List<Turn> turns) {
        this(id, source, turns, Map.of(), List.of());
    }

    public Conversation withTurns(List<Turn> newTurns) {
        return new Conversation(id, source, newTurns, metadata, findings);
    }

    public Conversation withId(String newId) {
        return new Conversation(newId, source, turns, metadata, findings);
    }

    /** This conversation with {@code more} appended to its conversation-level findings. */
    public Conversation withFindings(List<? extends Finding> more) {
        if (more.isEmpty()) {
            return this;
        }
        List<Finding> all = new ArrayList<>(findings);
        all.addAll(more);
        return new Conversation(id, source, turns, metadata, all);
    }

    /** The conversation-level findings of one kind. */
    public <F extends Finding> List<F> findings(Class<F> kind) {
        return findings.stream().filter(kind::isInstance).map(kind::cast).toList();
    }

    /** Total characters (UTF-16 units) of all turn texts. */
    public long textLength() {
        long n = 0;
        for (Turn t : turns) {
            n += t.text().length();
        }
        return n;
    }
}
