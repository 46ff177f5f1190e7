package dev.colloquy.format;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.colloquy.model.Conversation;
import dev.colloquy.model.Turn;
import java.util.Map;

/**
 * One conversation as one output record: a pure function, usable from writers and from Spark. JSON formats give
 * one line without its newline; {@link OutputFormat#TRANSCRIPT} gives the conversation's tagged lines (several
 * lines, without the {@code ---} separator). See {@code docs/formats.md} for the record shapes.
 */
public final class RecordJson {

    private RecordJson() {
    }

    /** The record as text in {@code format}. */
    public static String toJson(Conversation conversation, OutputFormat format) {
        return switch (format) {
            case OPENAI -> write(RecordEncoder.openAi(conversation, false, RecordEncoder.Form.WRITE));
            case SHAREGPT ->
                    write(RecordEncoder.shareGpt(conversation, OutputStyle.defaults(), RecordEncoder.Form.WRITE));
            case TRANSCRIPT -> transcript(conversation);
            case PARQUET -> throw new IllegalArgumentException("Parquet is a binary table: write it with a TableWriter");
        };
    }

    /**
     * As {@link #toJson(Conversation, OutputFormat)}; with {@code openAiNames}, OpenAI messages carry the speaker
     * label as {@code name} (OpenAI's optional field) instead of only in {@code meta.speakers}.
     */
    public static String toJson(Conversation conversation, OutputFormat format, boolean openAiNames) {
        return toJson(conversation, format, OutputStyle.of(openAiNames, null));
    }

    /** As {@link #toJson(Conversation, OutputFormat)}, naming things as {@code style} says. */
    public static String toJson(Conversation conversation, OutputFormat format, OutputStyle style) {
        return switch (format) {
            case OPENAI -> write(RecordEncoder.openAi(conversation, style.openAiNames(), RecordEncoder.Form.WRITE));
            case SHAREGPT -> write(RecordEncoder.shareGpt(conversation, style, RecordEncoder.Form.WRITE));
            default -> toJson(conversation, format);
        };
    }

    /**
     * The record as a JSON-like tree (maps, lists, strings, numbers) in {@code format} (OPENAI or SHAREGPT;
     * PARQUET gives the OpenAI record a Parquet row is made of).
     */
    public static Map<String, Object> toTree(Conversation conversation, OutputFormat format) {
        return switch (format) {
            case OPENAI, PARQUET -> RecordEncoder.openAi(conversation);
            case SHAREGPT -> RecordEncoder.shareGpt(conversation);
            case TRANSCRIPT -> throw new IllegalArgumentException("a transcript is text, not a JSON tree");
        };
    }

    /** Any JSON-like value as one line of JSON. */
    static String write(Object tree) {
        try {
            return Json.MAPPER.writeValueAsString(tree);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialize a JSON tree: " + e.getOriginalMessage(), e);
        }
    }

    private static String transcript(Conversation c) {
        if (c.isPair()) {
            // a transcript has no place for two answers: the pair's two dialogues, as two conversations
            return transcript(c.dialogue(c.chosen())) + "\n---\n" + transcript(c.dialogue(c.rejected()));
        }
        StringBuilder b = new StringBuilder();
        if (c.metadata().get(MetaKeys.PREAMBLE) instanceof String pre) {
            b.append(pre).append('\n');
        }
        for (Turn t : c.turns()) {
            b.append('[').append(t.speaker()).append("]: ").append(t.text()).append('\n');
        }
        b.setLength(Math.max(0, b.length() - 1));
        return b.toString();
    }
}
