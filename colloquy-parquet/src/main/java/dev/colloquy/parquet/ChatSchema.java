package dev.colloquy.parquet;

import static org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName.BINARY;

import org.apache.parquet.schema.GroupType;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.Type;
import org.apache.parquet.schema.Types;

/*
 * The Parquet schema we write: Hugging Face's chat layout, which datasets, TRL, pyarrow and DuckDB read as
 * messages: list<struct<role: string, content: string>>. Lists use the standard three-level form
 * (repeated group "list" holding "element"), as pyarrow writes them.
 *
 *   id: string, messages: list<struct<role, content[, tool_calls, tool_call_id]>>, meta: string (JSON)
 *
 * Tool columns exist only in files whose records have tool calls (see ParquetChatWriter): tool_calls is
 * list<struct<id, type, function: struct<name, arguments>>>, OpenAI's shape, all strings.
 *
 * Files of preference pairs (see ParquetChatWriter) have TRL's preference columns instead of messages, each the
 * same message list:
 *
 *   id: string, prompt: list<struct<...>>, chosen: list<struct<...>> (null), rejected: list<...> (null), meta
 */
final class ChatSchema {

    static final String ID = "id";
    static final String MESSAGES = "messages";
    static final String META = "meta";
    static final String TOOL_CALLS = "tool_calls";
    static final String TOOL_CALL_ID = "tool_call_id";
    static final String PROMPT = "prompt";
    static final String CHOSEN = "chosen";
    static final String REJECTED = "rejected";

    private ChatSchema() {
    }

    static MessageType of(boolean tools) {
        return of(tools, false);
    }

    /** The schema, with prompt/chosen/rejected columns instead of messages when {@code pairs}. */
    static MessageType of(boolean tools, boolean pairs) {
        Types.GroupBuilder<GroupType> message = Types.requiredGroup()
                .addField(string("role", Type.Repetition.REQUIRED))
                .addField(string("content", Type.Repetition.OPTIONAL));
        if (tools) {
            GroupType function = Types.optionalGroup()
                    .addField(string("name", Type.Repetition.OPTIONAL))
                    .addField(string("arguments", Type.Repetition.OPTIONAL))
                    .named("function");
            GroupType call = Types.requiredGroup()
                    .addField(string("id", Type.Repetition.OPTIONAL))
                    .addField(string("type", Type.Repetition.OPTIONAL))
                    .addField(function)
                    .named("element");
            message.addField(list(TOOL_CALLS, Type.Repetition.OPTIONAL, call))
                    .addField(string(TOOL_CALL_ID, Type.Repetition.OPTIONAL));
        }
        GroupType element = message.named("element");
        Types.MessageTypeBuilder b = Types.buildMessage();
        b.addField(string(ID, Type.Repetition.REQUIRED));
        if (pairs) {
            b.addField(list(PROMPT, Type.Repetition.REQUIRED, element))
                    .addField(list(CHOSEN, Type.Repetition.OPTIONAL, element))
                    .addField(list(REJECTED, Type.Repetition.OPTIONAL, element));
        } else {
            b.addField(list(MESSAGES, Type.Repetition.REQUIRED, element));
        }
        return b.addField(string(META, Type.Repetition.OPTIONAL)).named("conversation");
    }

    static Type string(String name, Type.Repetition repetition) {
        return Types.primitive(BINARY, repetition).as(LogicalTypeAnnotation.stringType()).named(name);
    }

    static GroupType list(String name, Type.Repetition repetition, Type element) {
        return Types.buildGroup(repetition).as(LogicalTypeAnnotation.listType())
                .addField(Types.repeatedGroup().addField(element).named("list"))
                .named(name);
    }
}
