package dev.colloquy.pipeline.steps;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.colloquy.format.InputFormat;
import dev.colloquy.format.JsonlRecords;
import dev.colloquy.format.ReadResult;
import dev.colloquy.format.RoleMap;
import dev.colloquy.model.Conversation;
import dev.colloquy.model.SourcePosition;
import dev.colloquy.pipeline.FormatCodec;
import dev.colloquy.step.StepResult;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Tool calling as OpenAI's fine-tuning format writes it, read by the real JSON Lines reader. */
class TrainingReadyToolCallsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final String USER = "{\"role\":\"user\",\"content\":\"What is the weather in Paris and Oslo?\"}";
    private static final String CALL_1 = "{\"id\":\"call_1\",\"type\":\"function\",\"function\":"
            + "{\"name\":\"get_weather\",\"arguments\":\"{\\\"city\\\":\\\"Paris\\\"}\"}}";
    private static final String CALL_2 = "{\"id\":\"call_2\",\"type\":\"function\",\"function\":"
            + "{\"name\":\"get_weather\",\"arguments\":\"{\\\"city\\\":\\\"Oslo\\\"}\"}}";
    private static final String CALLS = "{\"role\":\"assistant\",\"content\":null,\"tool_calls\":[" + CALL_1 + ","
            + CALL_2 + "]}";
    private static final String RESULT_1 = "{\"role\":\"tool\",\"tool_call_id\":\"call_1\",\"content\":\"18 C, sunny\"}";
    private static final String RESULT_2 = "{\"role\":\"tool\",\"tool_call_id\":\"call_2\",\"content\":\"4 C, rain\"}";
    private static final String FINAL = "{\"role\":\"assistant\",\"content\":\"Paris: 18 C and sunny. Oslo: 4 C, rain.\"}";

    @Test
    void anAssistantToolCallWithNullContentAnsweredByToolTurnsIsTrainingReady() {
        Conversation c = read(USER, CALLS, RESULT_1, RESULT_2, FINAL);
        assertThat(new TrainingReadyFilter().apply(c)).isInstanceOf(StepResult.Kept.class);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            results in another order          | USER,CALLS,RESULT_2,RESULT_1,FINAL
            two tool rounds before the answer | USER,CALL1,RESULT_1,CALL2,RESULT_2,FINAL
            a system turn and a second question | SYSTEM,USER,CALLS,RESULT_1,RESULT_2,FINAL,USER,FINAL
            legacy function_call and function turn | USER,LEGACY_CALL,LEGACY_RESULT,FINAL
            a call with text beside it         | USER,CALL1_TEXT,RESULT_1,FINAL
            ends on a follow-up question       | USER,CALLS,RESULT_1,RESULT_2,FINAL,USER
            """)
    void validToolShapesAreKept(String what, String shape) {
        assertThat(new TrainingReadyFilter().apply(read(shape))).isInstanceOf(StepResult.Kept.class);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            a tool turn with no call before it | USER,RESULT_1,FINAL                    | turn 1 is a tool turn without a tool call before it
            a tool turn after the answer       | USER,CALLS,RESULT_1,RESULT_2,FINAL,RESULT_1 | turn 5 is a tool turn without a tool call before it
            a call left unanswered             | USER,CALLS,RESULT_1,FINAL              | tool call 'call_2' of turn 1 has no tool result after it
            a result for an unknown call       | USER,CALL1,RESULT_2,FINAL              | turn 2 (tool) answers 'call_2', which is not an open call of turn 1
            a call answered twice              | USER,CALL1,RESULT_1,RESULT_1,FINAL     | turn 3 (tool) answers no open call: every call of turn 1 is answered
            a result without tool_call_id      | USER,CALL1,RESULT_NO_ID,FINAL          | turn 2 (tool) has no tool_call_id
            a result with null content         | USER,CALL1,RESULT_NULL,FINAL           | turn 2 (tool) has no content
            ends in tool results               | USER,CALLS,RESULT_1,RESULT_2           | ends with tool results and no assistant turn after them
            a call without an id               | USER,CALL_NO_ID,RESULT_1,FINAL         | turn 1 (assistant) tool call 0 is malformed: no id
            arguments that are an object       | USER,CALL_OBJECT_ARGS,RESULT_1,FINAL   | turn 1 (assistant) tool call 0 is malformed: arguments are not a JSON string
            two calls with one id              | USER,CALL_SAME_IDS,RESULT_1,FINAL      | turn 1 (assistant) tool call 1 is malformed: id 'call_1' is used twice
            an empty tool_calls list           | USER,CALL_EMPTY,FINAL                  | turn 1 (assistant) has tool_calls that are not a non-empty list
            a null-content turn without calls  | USER,EMPTY_ASSISTANT,FINAL             | turn 1 (assistant) is empty
            only tool rounds, no text reply    | USER,CALL1,RESULT_1,USER               | turn 3 is user where assistant was due
            """)
    void malformedToolShapesAreQuarantinedWithTheReason(String what, String shape, String why) {
        StepResult r = new TrainingReadyFilter().apply(read(shape));
        assertThat(r).isInstanceOf(StepResult.Rejected.class);
        assertThat(((StepResult.Rejected) r).reason()).isEqualTo("not_training_ready");
        assertThat(((StepResult.Rejected) r).message()).endsWith(why);
    }

    /**
     * What is kept must still render through strict templates: the written line carries content null, the
     * tool_calls and tool_call_id exactly as read, only keys fine-tuning accepts, and reads back as training-ready.
     */
    @Test
    void theKeptLineKeepsTheToolCallingShapeAndReadsBackTrainingReady() throws Exception {
        Conversation c = read(USER, CALLS, RESULT_1, RESULT_2, FINAL);
        String line = new FormatCodec().keptLine(c, dev.colloquy.format.OutputFormat.OPENAI);
        JsonNode messages = JSON.readTree(line).path("messages");
        assertThat(messages).hasSize(5);
        assertThat(messages.get(1).has("content")).isTrue();
        assertThat(messages.get(1).get("content").isNull()).isTrue();
        assertThat(messages.get(1).get("tool_calls")).isEqualTo(JSON.readTree("[" + CALL_1 + "," + CALL_2 + "]"));
        assertThat(messages.get(2).get("tool_call_id").asText()).isEqualTo("call_1");
        assertThat(messages.get(3).get("role").asText()).isEqualTo("tool");
        Set<String> allowed = Set.of("role", "content", "name", "weight", "tool_calls", "tool_call_id", "function_call");
        for (JsonNode m : messages) {
            m.fieldNames().forEachRemaining(k -> assertThat(allowed).contains(k));
        }
        ReadResult again = JsonlRecords.parse(line, new SourcePosition("kept.jsonl", 1), RoleMap.defaults());
        assertThat(new TrainingReadyFilter().apply(((ReadResult.Ok) again).conversation()))
                .isInstanceOf(StepResult.Kept.class);
    }

    private static Conversation read(String shape) {
        String[] names = shape.split(",");
        String[] messages = new String[names.length];
        for (int i = 0; i < names.length; i++) {
            messages[i] = message(names[i].trim());
        }
        return read(messages);
    }

    private static String message(String name) {
        return switch (name) {
            case "SYSTEM" -> "{\"role\":\"system\",\"content\":\"You can look up the weather.\"}";
            case "USER" -> USER;
            case "CALLS" -> CALLS;
            case "CALL1" -> "{\"role\":\"assistant\",\"content\":null,\"tool_calls\":[" + CALL_1 + "]}";
            case "CALL2" -> "{\"role\":\"assistant\",\"content\":null,\"tool_calls\":[" + CALL_2 + "]}";
            case "CALL1_TEXT" -> "{\"role\":\"assistant\",\"content\":\"Let me check.\",\"tool_calls\":[" + CALL_1 + "]}";
            case "CALL_NO_ID" -> "{\"role\":\"assistant\",\"content\":null,\"tool_calls\":[{\"type\":\"function\","
                    + "\"function\":{\"name\":\"get_weather\",\"arguments\":\"{}\"}}]}";
            case "CALL_OBJECT_ARGS" -> "{\"role\":\"assistant\",\"content\":null,\"tool_calls\":[{\"id\":\"call_1\","
                    + "\"type\":\"function\",\"function\":{\"name\":\"get_weather\",\"arguments\":{\"city\":\"Paris\"}}}]}";
            case "CALL_SAME_IDS" -> "{\"role\":\"assistant\",\"content\":null,\"tool_calls\":[" + CALL_1 + ","
                    + CALL_1 + "]}";
            case "CALL_EMPTY" -> "{\"role\":\"assistant\",\"content\":null,\"tool_calls\":[]}";
            case "EMPTY_ASSISTANT" -> "{\"role\":\"assistant\",\"content\":null}";
            case "RESULT_1" -> RESULT_1;
            case "RESULT_2" -> RESULT_2;
            case "RESULT_NO_ID" -> "{\"role\":\"tool\",\"content\":\"18 C\"}";
            case "RESULT_NULL" -> "{\"role\":\"tool\",\"tool_call_id\":\"call_1\",\"content\":null}";
            case "LEGACY_CALL" -> "{\"role\":\"assistant\",\"content\":null,\"function_call\":"
                    + "{\"name\":\"get_weather\",\"arguments\":\"{\\\"city\\\":\\\"Paris\\\"}\"}}";
            case "LEGACY_RESULT" -> "{\"role\":\"function\",\"name\":\"get_weather\",\"content\":\"18 C, sunny\"}";
            case "FINAL" -> FINAL;
            default -> throw new IllegalArgumentException(name);
        };
    }

    private static Conversation read(String... messages) {
        String line = "{\"messages\":[" + String.join(",", messages) + "]}";
        ReadResult r = JsonlRecords.parse(line, new SourcePosition("tools.jsonl", 1), RoleMap.defaults(),
                InputFormat.OPENAI);
        assertThat(r).as(line).isInstanceOf(ReadResult.Ok.class);
        return ((ReadResult.Ok) r).conversation();
    }
}
