package dev.colloquy.format;

import dev.colloquy.model.Role;
import java.io.Serializable;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Maps speaker labels to roles.
 *
 * <p>For a transcript label, in this order: an explicit entry ({@code --roles A=user,B=assistant}); a label that
 * is itself a role name ({@code system}, {@code user}, {@code assistant}, {@code tool}, any case); otherwise the
 * order of first appearance among the conversation's remaining labels: the first is {@code user}, the second
 * {@code assistant}. A third such label has no role and the conversation is rejected with {@code unknown_role}
 * (name it in {@code --roles}). For OpenAI {@code role} and ShareGPT {@code from} values, explicit entries come
 * first, then the format's own names. Immutable and serializable.
 */
public final class RoleMap implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final RoleMap DEFAULTS = new RoleMap(Map.of());

    private final Map<String, Role> entries;
    private final Columns columns;

    private RoleMap(Map<String, Role> entries) {
        this(entries, Columns.none());
    }

    private RoleMap(Map<String, Role> entries, Columns columns) {
        this.entries = Collections.unmodifiableMap(new LinkedHashMap<>(entries));
        this.columns = columns;
    }

    /**
     * This map with the column names of structured records mapped as well ({@code --columns}): the one object
     * readers take for how a dataset names things, roles and columns alike.
     */
    public RoleMap withColumns(Columns newColumns) {
        return new RoleMap(entries, newColumns);
    }

    /** The column-name mapping for structured records. */
    public Columns columns() {
        return columns;
    }

    /** No explicit entries: order of appearance decides. */
    public static RoleMap defaults() {
        return DEFAULTS;
    }

    /** Explicit entries, kept in order. */
    public static RoleMap of(Map<String, Role> entries) {
        return entries.isEmpty() ? DEFAULTS : new RoleMap(entries);
    }

    /**
     * Parses {@code "A=user,B=assistant"}; blank gives {@link #defaults()}.
     *
     * @throws IllegalArgumentException quoting the entry that is not {@code LABEL=ROLE} or names no role
     */
    public static RoleMap parse(String spec) {
        if (spec == null || spec.isBlank()) {
            return DEFAULTS;
        }
        Map<String, Role> map = new LinkedHashMap<>();
        for (String entry : spec.split(",")) {
            int eq = entry.lastIndexOf('=');
            if (eq <= 0 || entry.substring(0, eq).isBlank()) {
                throw new IllegalArgumentException("expected LABEL=ROLE in --roles, got '" + entry.trim() + "'");
            }
            String label = entry.substring(0, eq).trim();
            String roleName = entry.substring(eq + 1).trim();
            Role role = Role.parse(roleName).orElseThrow(() -> new IllegalArgumentException(
                    "unknown role '" + roleName + "' for '" + label + "' in --roles; use one of "
                            + Arrays.stream(Role.values()).map(Role::wireName).collect(Collectors.joining(", "))));
            map.put(label, role);
        }
        return new RoleMap(map);
    }

    /** The explicit entries. */
    public Map<String, Role> entries() {
        return entries;
    }

    /** The explicit role of {@code label}, if one was given. */
    public Optional<Role> explicit(String label) {
        return Optional.ofNullable(entries.get(label));
    }

    /**
     * The role of a transcript label, given its rank among the conversation's labels that neither have an
     * explicit entry nor are role names (0 for the first such label to appear).
     */
    public Optional<Role> forLabel(String label, int rankAmongOthers) {
        Optional<Role> fixed = fixedRole(label);
        if (fixed.isPresent()) {
            return fixed;
        }
        return switch (rankAmongOthers) {
            case 0 -> Optional.of(Role.USER);
            case 1 -> Optional.of(Role.ASSISTANT);
            default -> Optional.empty();
        };
    }

    /** The role of a label by explicit entry or because it is a role name; empty when order must decide. */
    public Optional<Role> fixedRole(String label) {
        Role r = entries.get(label);
        return r != null ? Optional.of(r) : Role.parse(label);
    }

    /** The role of a structured record's role value: explicit entry first, then {@code aliases} (lower case keys). */
    Optional<Role> forTag(String raw, Map<String, Role> aliases) {
        Role r = entries.get(raw);
        if (r != null) {
            return Optional.of(r);
        }
        return Optional.ofNullable(aliases.get(raw.trim().toLowerCase(Locale.ROOT)));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RoleMap other && entries.equals(other.entries) && columns.equals(other.columns);
    }

    @Override
    public int hashCode() {
        return entries.hashCode() * 31 + columns.hashCode();
    }

    @Override
    public String toString() {
        return entries.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue().wireName())
                .collect(Collectors.joining(","));
    }
}
