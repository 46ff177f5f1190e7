package dev.colloquy.model;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One turn of a conversation.
 *
 * @param speaker  the speaker label as written in the source ({@code "A"}, {@code "human"}, a name); never null
 * @param role     the role it maps to
 * @param text     the turn's text
 * @param extra    fields the source carried beside role and text ({@code name}, {@code weight},
 *                 {@code tool_calls}, unknown keys), as JSON-like values, kept so a round trip loses nothing
 * @param findings what steps found in this turn, in the order they found it
 */
public record Turn(String speaker, Role role, String text, Map<String, Object> extra, List<Finding> findings)
        implements Serializable {

    public Turn {
        Objects.requireNonNull(speaker, "speaker");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(text, "text");
        // LinkedHashMap keeps the source's key order and allows JSON nulls, which Map.copyOf would reject.
        extra = extra == null || extra.isEmpty() ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(extra));
        findings = findings == null ? List.of() : List.copyOf(findings);
    }

    public Turn(String speaker, Role role, String text) {
        this(speaker, role, text, Map.of(), List.of());
    }

    public Turn withText(String newText) {
        return new Turn(speaker, role, newText, extra, findings);
    }

    public Turn withRole(Role newRole) {
        return new Turn(speaker, newRole, text, extra, findings);
    }

    /** This turn with {@code more} appended to its findings. */
    public Turn withFindings(List<? extends Finding> more) {
        if (more.isEmpty()) {
            return this;
        }
        List<Finding> all = new ArrayList<>(findings);
        all.addAll(more);
        return new Turn(speaker, role, text, extra, all);
    }

    /** The findings of one kind, in the order they were found. */
    public <F extends Finding> List<F> findings(Class<F> kind) {
        // a plain loop: the turn filters ask this of every turn of every conversation, most of them with no findings
        List<F> some = null;
        for (Finding f : findings) {
            if (kind.isInstance(f)) {
                if (some == null) {
                    some = new ArrayList<>(2);
                }
                some.add(kind.cast(f));
            }
        }
        return some == null ? List.of() : Collections.unmodifiableList(some);
    }
}
