package dev.colloquy.model;

import java.util.Locale;
import java.util.Optional;

/** The role a turn plays for a chat template. Wire names are those of OpenAI's chat format. */
public enum Role {
    SYSTEM("system"),
    USER("user"),
    ASSISTANT("assistant"),
    TOOL("tool");

    private final String wireName;

    Role(String wireName) {
        this.wireName = wireName;
    }

    /** The name used in OpenAI-style JSON ({@code "user"}, {@code "assistant"}, ...). */
    public String wireName() {
        return wireName;
    }

    /** Parses a wire name, case-insensitively; empty for anything that is not one. */
    public static Optional<Role> parse(String name) {
        if (name == null) {
            return Optional.empty();
        }
        String n = name.trim().toLowerCase(Locale.ROOT);
        for (Role r : values()) {
            if (r.wireName.equals(n)) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return wireName;
    }
}
