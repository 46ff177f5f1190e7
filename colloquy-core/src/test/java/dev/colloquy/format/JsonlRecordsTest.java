package dev.colloquy.format;

import static org.assertj.core.api.Assertions.assertThat;

import dev.colloquy.model.Conversation;
import dev.colloquy.model.Role;
import dev.colloquy.model.SourcePosition;
import dev.colloquy.model.Turn;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JsonlRecordsTest {

    private static final SourcePosition POS = new SourcePosition("in.jsonl", 7);

    private static ReadResult parse(String line) {
        return JsonlRecords.parse(line, POS, RoleMap.defaults());
    }

    private static Conversation ok(String line) {
        ReadResult r = parse(line);
        assertThat(r).isInstanceOf(ReadResult.Ok.class);
        return ((ReadResult.Ok) r).conversation();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "{\"messages\":[{\"role\":\"user\",\"content\":\"a\"}                 | malformed_json",
            "{\"messages\": tru}                                                    | malformed_json",
            "{\"messages\":[]} trailing                                             | malformed_json",
            "[1,2]                                                                  | not_an_object",
            "42                                                                     | not_an_object",
            "{\"prompt\":\"x\"}                                                     | no_messages",
            "{\"messages\":[]}                                                      | no_messages",
            "{\"messages\":\"hi\"}                                                  | no_messages",
            "{\"messages\":[\"hi\"]}                                                | malformed_message",
            "{\"messages\":[{\"role\":\"user\",\"content\":5}]}                     | malformed_message",
            "{\"messages\":[{\"content\":\"x\"}]}                                   | unknown_role",
            "{\"messages\":[{\"role\":\"user\",\"content\":\"a\",\"name\":7}]}           | malformed_message",
            "{\"messages\":[{\"role\":\"user\",\"content\":\"a\",\"weight\":\"1\"}]}     | malformed_message",
            "{\"messages\":[{\"role\":\"user\",\"content\":\"a\",\"tool_calls\":{}}]}    | malformed_message",
            "{\"messages\":[{\"role\":\"user\",\"content\":\"a\",\"tool_call_id\":1}]}   | malformed_message",
            "{\"messages\":[{\"role\":\"user\",\"content\":\"a\",\"function_call\":1}]}  | malformed_message",
            "{\"messages\":[{\"role\":\"user\",\"content\":\"a\"}],\"messages\":[]}      | duplicate_key",
            "{\"messages\":[{\"role\":\"user\",\"content\":\"a\",\"role\":\"tool\"}]}  | duplicate_key",
            "{\"messages\":[{\"role\":\"wizard\",\"content\":\"x\"}]}               | unknown_role",
            "{\"conversations\":[{\"from\":\"narrator\",\"value\":\"x\"}]}          | unknown_role",
            "{\"conversations\":[{\"from\":\"human\",\"value\":[1]}]}               | malformed_message",
            "'   '                                                                  | no_messages"})
    void quarantinesBadRecordsWithAReason(String line, String reason) {
        ReadResult r = parse(line.equals("'   '") ? "   " : line);
        assertThat(r).isInstanceOfSatisfying(ReadResult.Bad.class, b -> {
            assertThat(b.rejection().reason()).isEqualTo(reason);
            assertThat(b.rejection().source()).isEqualTo(POS);
            assertThat(b.rejection().step()).isEqualTo("read");
            assertThat(b.rejection().message()).isNotBlank().hasSizeLessThan(400);
        });
    }

    @Test
    void namesOddCharactersByCodePoint() {
        ReadResult r = parse("{\"messages\":[{\"role\":\"us\u200Ber\",\"content\":\"x\"}]}");
        assertThat(((ReadResult.Bad) r).rejection().message()).contains("<U+200B>");
    }

    @Test
    void keepsTheParsedRecordWhenItParsed() {
        ReadResult r = parse("{\"prompt\":\"x\"}");
        assertThat(((ReadResult.Bad) r).rejection().record()).isEqualTo(Map.of("prompt", "x"));
    }

    @Test
    void flagsControlCharacterJunk() {
        ReadResult r = parse("{\u0000\u0001}");
        assertThat(((ReadResult.Bad) r).rejection().reason()).isEqualTo("binary_junk");
    }

    @Test
    void readsOpenAiFieldsIntoTheTurn() {
        Conversation c = ok("{\"id\":7,\"messages\":[{\"role\":\"user\",\"name\":\"kim\",\"content\":\"q\",\"weight\":0},"
                + "{\"role\":\"assistant\",\"content\":\"a\",\"extra\":true}],\"lang\":\"en\"}");
        assertThat(c.id()).isEqualTo("7");
        assertThat(c.source()).isEqualTo(POS);
        Turn user = c.turns().get(0);
        assertThat(user.speaker()).isEqualTo("kim");
        assertThat(user.role()).isEqualTo(Role.USER);
        assertThat(user.extra()).containsEntry("weight", 0).doesNotContainKey("name");
        assertThat(c.turns().get(1).speaker()).isEqualTo("assistant");
        assertThat(c.turns().get(1).extra()).containsEntry("extra", true);
        assertThat(c.metadata()).containsEntry("lang", "en");
    }

    @ParameterizedTest
    @CsvSource({"human, USER", "gpt, ASSISTANT", "chatgpt, ASSISTANT", "bard, ASSISTANT", "bing, ASSISTANT",
            "system, SYSTEM", "tool, TOOL", "function, TOOL", "observation, TOOL", "Human, USER"})
    void mapsShareGptFromValuesToRoles(String from, Role role) {
        Conversation c = ok("{\"conversations\":[{\"from\":\"" + from + "\",\"value\":\"x\"}]}");
        assertThat(c.turns().get(0).role()).isEqualTo(role);
        assertThat(c.turns().get(0).speaker()).isEqualTo(from);
    }

    @Test
    void explicitRolesMapUnknownShareGptSpeakers() {
        ReadResult r = JsonlRecords.parse("{\"conversations\":[{\"from\":\"narrator\",\"value\":\"x\"}]}", POS,
                RoleMap.parse("narrator=system"));
        assertThat(((ReadResult.Ok) r).conversation().turns().get(0).role()).isEqualTo(Role.SYSTEM);
    }

    @Test
    void derivesAStableIdWhenTheRecordHasNone() {
        String line = "{\"messages\":[{\"role\":\"user\",\"content\":\"q\"}]}";
        assertThat(ok(line).id()).isEqualTo(ok(line).id()).matches("[0-9a-f]{16}");
        assertThat(JsonlRecords.parse(line, new SourcePosition("other/dir/in.jsonl", 7), RoleMap.defaults()))
                .isInstanceOfSatisfying(ReadResult.Ok.class, o -> assertThat(o.conversation().id()).isEqualTo(ok(line).id()));
        assertThat(JsonlRecords.parse(line, new SourcePosition("in.jsonl", 8), RoleMap.defaults()))
                .isInstanceOfSatisfying(ReadResult.Ok.class, o -> assertThat(o.conversation().id()).isNotEqualTo(ok(line).id()));
    }
}
