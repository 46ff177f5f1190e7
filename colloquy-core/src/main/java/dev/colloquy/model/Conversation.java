package dev.colloquy.model;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.IntFunction;

/**
 * A conversation: the unit every step reads and writes. Immutable; the {@code with*} methods return copies.
 *
 * @param id       the input's id, or one derived stably from source and content
 * @param source   where the record starts in the input
 * @param turns    its turns, in order
 * @param metadata record-level fields the source carried beside the turns (unknown keys included), JSON-like values
 * @param findings conversation-level findings (those spanning several turns, such as an agreement loop)
 * @param preference null for a conversation; for a preference pair, where its chosen and rejected answers start
 *                   in {@code turns} (prompt, then chosen, then rejected)
 */
public record Conversation(String id, SourcePosition source, List<Turn> turns, Map<String, Object> metadata,
                           List<Finding> findings, Preference preference) implements Serializable {

    public Conversation {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(source, "source");
        turns = List.copyOf(turns);
        metadata = metadata == null || metadata.isEmpty()
                ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
        findings = findings == null ? List.of() : List.copyOf(findings);
        if (preference != null && preference.rejectedStart() >= turns.size()) {
            throw new IllegalArgumentException("a preference pair of " + turns.size() + " turns has no rejected answer"
                    + " at turn " + preference.rejectedStart());
        }
    }

    public Conversation(String id, SourcePosition source, List<Turn> turns, Map<String, Object> metadata,
                        List<Finding> findings) {
        this(id, source, turns, metadata, findings, null);
    }

    public Conversation(String id, SourcePosition source, List<Turn> turns) {
        this(id, source, turns, Map.of(), List.of(), null);
    }

    /**
     * This conversation with other turns. A pair keeps its shape, so the count must not change: a step that
     * adds or removes turns of a pair rebuilds it with {@link #withPair}.
     */
    public Conversation withTurns(List<Turn> newTurns) {
        if (preference != null && newTurns.size() != turns.size()) {
            throw new IllegalArgumentException("a preference pair of " + turns.size() + " turns cannot take "
                    + newTurns.size() + " turns without saying which are its answers (use withPair)");
        }
        return new Conversation(id, source, newTurns, metadata, findings, preference);
    }

    /**
     * This conversation with findings added to its turns: {@code found.apply(i)} for turn {@code i}, asked once per
     * turn in turn order (so it may carry what it saw of the turn before); an empty list adds none. This same
     * conversation when no turn gets a finding.
     */
    public Conversation withTurnFindings(IntFunction<? extends List<? extends Finding>> found) {
        List<Turn> out = null;
        for (int i = 0; i < turns.size(); i++) {
            List<? extends Finding> more = found.apply(i);
            if (!more.isEmpty()) {
                if (out == null) {
                    out = new ArrayList<>(turns);
                }
                out.set(i, turns.get(i).withFindings(more));
            }
        }
        return out == null ? this : withTurns(out);
    }

    public Conversation withId(String newId) {
        return new Conversation(newId, source, turns, metadata, findings, preference);
    }

    /** This record as a preference pair of these parts (its own turns are replaced). */
    public Conversation withPair(List<Turn> prompt, List<Turn> chosen, List<Turn> rejected) {
        List<Turn> all = new ArrayList<>(prompt.size() + chosen.size() + rejected.size());
        all.addAll(prompt);
        all.addAll(chosen);
        all.addAll(rejected);
        return new Conversation(id, source, all, metadata, findings, Preference.of(prompt.size(), chosen.size()));
    }

    /** This record with other metadata. */
    public Conversation withMetadata(Map<String, Object> newMetadata) {
        return new Conversation(id, source, turns, newMetadata, findings, preference);
    }

    /** Whether this is a preference pair (prompt, chosen answer, rejected answer). */
    public boolean isPair() {
        return preference != null;
    }

    /** The prompt of a pair; all turns of a conversation. */
    public List<Turn> prompt() {
        return preference == null ? turns : turns.subList(0, preference.chosenStart());
    }

    /** The chosen answer's turns of a pair; empty for a conversation. */
    public List<Turn> chosen() {
        return preference == null ? List.of() : turns.subList(preference.chosenStart(), preference.rejectedStart());
    }

    /**
     * One dialogue of a pair: its prompt followed by {@code answer} ({@link #chosen()} or {@link #rejected()}), an
     * ordinary conversation with this id, source, metadata and findings.
     */
    public Conversation dialogue(List<Turn> answer) {
        List<Turn> all = new ArrayList<>(prompt());
        all.addAll(answer);
        return new Conversation(id, source, all, metadata, findings, null);
    }

    /** The rejected answer's turns of a pair; empty for a conversation. */
    public List<Turn> rejected() {
        return preference == null ? List.of() : turns.subList(preference.rejectedStart(), turns.size());
    }

    /** This conversation with {@code more} appended to its conversation-level findings. */
    public Conversation withFindings(List<? extends Finding> more) {
        if (more.isEmpty()) {
            return this;
        }
        List<Finding> all = new ArrayList<>(findings);
        all.addAll(more);
        return new Conversation(id, source, turns, metadata, all, preference);
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
