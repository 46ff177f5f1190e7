package dev.colloquy.format;

import dev.colloquy.model.Conversation;
import java.io.IOException;
import java.io.Writer;

/**
 * Writes conversations to a character stream: JSON formats one record per line, transcripts as tagged lines
 * with a {@code ---} line between conversations. Not thread-safe; {@link #close()} closes the writer.
 */
public final class ConversationWriter extends LineWriter {

    private final OutputFormat format;
    private final OutputStyle style;

    private ConversationWriter(OutputFormat format, Writer out, OutputStyle style) {
        super(out);
        this.format = format;
        this.style = style;
    }

    public static ConversationWriter of(OutputFormat format, Writer out) {
        return new ConversationWriter(format, out, OutputStyle.defaults());
    }

    /** With {@code openAiNames}, OpenAI messages also carry the speaker label as {@code name}. */
    public static ConversationWriter of(OutputFormat format, Writer out, boolean openAiNames) {
        return new ConversationWriter(format, out, OutputStyle.of(openAiNames, null));
    }

    /** Naming things as {@code style} says (OpenAI names, the ShareGPT vocabulary). */
    public static ConversationWriter of(OutputFormat format, Writer out, OutputStyle style) {
        return new ConversationWriter(format, out, style);
    }

    public void write(Conversation conversation) throws IOException {
        if (format == OutputFormat.TRANSCRIPT && written() > 0) {
            out.write("---\n");
        }
        writeLine(RecordJson.toJson(conversation, format, style));
    }
}
