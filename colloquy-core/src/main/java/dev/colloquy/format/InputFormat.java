package dev.colloquy.format;

import java.util.Locale;

/** What an input holds. {@link #AUTO} detects it per file and, for JSON Lines, per line. */
public enum InputFormat {
    AUTO,
    /** Speaker-tagged text: {@code [A]: ...}, {@code A: ...}, {@code Name: ...}; {@code ---} separates conversations. */
    TRANSCRIPT,
    /** OpenAI chat JSONL: {@code {"messages":[{"role","content"}]}}. */
    OPENAI,
    /** ShareGPT JSONL or a JSON array: {@code {"conversations":[{"from","value"}]}}. */
    SHAREGPT;

    /** The name used on the command line. */
    public String cliName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
