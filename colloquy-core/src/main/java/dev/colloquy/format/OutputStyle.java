package dev.colloquy.format;

import dev.colloquy.model.Role;
import java.io.Serializable;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * How our JSON writers name things, so that one output has one schema: whether OpenAI messages carry the speaker
 * label as {@code name} ({@code convert --names}, {@code output.names}), and the one vocabulary of ShareGPT's
 * {@code from} ({@code --sharegpt-roles}, {@code output.sharegpt_roles}; {@code human}/{@code gpt}/{@code system}/
 * {@code tool} by default). Immutable and serializable (Spark ships it to executors).
 */
public final class OutputStyle implements Serializable {

    private static final long serialVersionUID = 1L;

    private static final Map<Role, String> DEFAULT_FROM = Map.of(
            Role.USER, "human", Role.ASSISTANT, "gpt", Role.SYSTEM, "system", Role.TOOL, "tool");
    private static final OutputStyle DEFAULTS = new OutputStyle(false, DEFAULT_FROM);

    private final boolean openAiNames;
    private final EnumMap<Role, String> shareGptFrom;

    private OutputStyle(boolean openAiNames, Map<Role, String> shareGptFrom) {
        this.openAiNames = openAiNames;
        this.shareGptFrom = new EnumMap<>(shareGptFrom);
    }

    public static OutputStyle defaults() {
        return DEFAULTS;
    }

    /**
     * A style from the command line or configuration.
     *
     * @param openAiNames   OpenAI messages also carry the speaker label as {@code name}
     * @param shareGptRoles {@code ROLE=FROM,...} (e.g. {@code user=user,assistant=assistant}); roles not named keep
     *                      their default; null or blank for all defaults
     * @throws IllegalArgumentException naming the entry that is malformed, names no role, or gives two roles one
     *                                  name (the output could not be read back)
     */
    public static OutputStyle of(boolean openAiNames, String shareGptRoles) {
        Map<Role, String> from = new EnumMap<>(DEFAULT_FROM);
        if (shareGptRoles != null && !shareGptRoles.isBlank()) {
            for (String entry : shareGptRoles.split(",")) {
                int eq = entry.indexOf('=');
                String role = eq < 0 ? "" : entry.substring(0, eq).trim();
                String name = eq < 0 ? "" : entry.substring(eq + 1).trim();
                if (role.isEmpty() || name.isEmpty()) {
                    throw new IllegalArgumentException("expected ROLE=FROM in --sharegpt-roles, got '" + entry.trim()
                            + "'");
                }
                Role r = Role.parse(role).orElseThrow(() -> new IllegalArgumentException(
                        "unknown role '" + role + "' in --sharegpt-roles; use system, user, assistant or tool"));
                from.put(r, name);
            }
        }
        Set<String> names = new LinkedHashSet<>(from.values());
        if (names.size() < from.size()) {
            throw new IllegalArgumentException("--sharegpt-roles gives two roles the same name " + from.values()
                    + "; the output could not be read back");
        }
        return new OutputStyle(openAiNames, from);
    }

    public boolean openAiNames() {
        return openAiNames;
    }

    /** ShareGPT's {@code from} for a role. */
    public String shareGptFrom(Role role) {
        return shareGptFrom.get(role);
    }

    /** Whether this is the default ShareGPT vocabulary. */
    boolean defaultShareGpt() {
        return shareGptFrom.equals(DEFAULT_FROM);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof OutputStyle s && openAiNames == s.openAiNames && shareGptFrom.equals(s.shareGptFrom);
    }

    @Override
    public int hashCode() {
        return shareGptFrom.hashCode() * 31 + Boolean.hashCode(openAiNames);
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder();
        shareGptFrom.forEach((r, n) -> b.append(b.length() == 0 ? "" : ",").append(r.wireName()).append('=').append(n));
        return (openAiNames ? "names," : "") + b;
    }
}
