package dev.colloquy.format;

import java.util.Locale;

/** What a writer produces. */
public enum OutputFormat {
    /** OpenAI chat JSONL, training-ready: {@code {"id","messages":[...],"meta":{...}}}. */
    OPENAI,
    /** ShareGPT JSONL: {@code {"id","conversations":[{"from","value"}],"meta":{...}}}. */
    SHAREGPT,
    /** Speaker-tagged text, {@code [A]: text}, conversations separated by a {@code ---} line. */
    TRANSCRIPT,
    /**
     * Parquet in Hugging Face's chat schema ({@code messages: list<struct<role, content>>}, {@code meta} a JSON
     * string column), written by the installed {@link TableFormat}; the records are the OpenAI ones.
     */
    PARQUET;

    /** The name used on the command line. */
    public String cliName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
