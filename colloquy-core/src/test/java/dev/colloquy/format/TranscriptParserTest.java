package dev.colloquy.format;

import static org.assertj.core.api.Assertions.assertThat;

import dev.colloquy.model.Conversation;
import dev.colloquy.model.Role;
import dev.colloquy.model.Turn;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TranscriptParserTest {

    private static ReadResult parse(String text, RoleMap roles) {
        return TranscriptParser.parse(List.of(text.split("\n", -1)), "t.txt", 1, roles);
    }

    private static Conversation ok(String text) {
        ReadResult r = parse(text, RoleMap.defaults());
        assertThat(r).isInstanceOf(ReadResult.Ok.class);
        return ((ReadResult.Ok) r).conversation();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "bracketed tags                 | [A]: hi\\n[B]: yo                          | A,B",
            "plain single letters           | A: hi\\nB: yo\\nA: again                  | A,B,A",
            "plain names                    | Jane Doe: hi\\nBot: yo                    | Jane Doe,Bot",
            "a one-off prose colon is text  | User: see\\nNote: this\\nBot: ok\\nUser: k\\nBot: k | User,Bot,User,Bot",
            "urls are not tags              | A: see http://x.y\\nhttp://a.b\\nB: ok     | A,B",
            "long prefixes are not tags     | A: hi\\nThis is a long sentence here: no\\nB: yo | A,B",
            "bracketed mode ignores plain   | [A]: hi\\nB: not a tag\\n[B]: yo          | A,B",
            "preamble before the first tag  | Title line\\n[A]: hi\\n[B]: yo            | A,B"})
    void recognizesSpeakerTags(String why, String text, String speakers) {
        assertThat(ok(text.replace("\\n", "\n")).turns()).extracting(Turn::speaker)
                .containsExactly(speakers.split(","));
    }

    @Test
    void keepsInnerBlankLinesAndTrailingSpacesButDropsNewlinesBeforeTheNextTag() {
        Conversation c = ok("[A]: one\n\ntwo  \n\n\n[B]: three\n");
        assertThat(c.turns()).extracting(Turn::text).containsExactly("one\n\ntwo  ", "three");
    }

    @Test
    void keepsTextBeforeTheFirstTagAsPreamble() {
        Conversation c = ok("Title\n\n[A]: hi\n[B]: yo");
        assertThat(c.metadata()).containsEntry("preamble", "Title");
        assertThat(c.source().line()).isEqualTo(1);
    }

    @Test
    void mapsFirstSpeakerToUserAndSecondToAssistant() {
        assertThat(ok("[B]: first\n[A]: second\n[B]: third").turns()).extracting(Turn::role)
                .containsExactly(Role.USER, Role.ASSISTANT, Role.USER);
    }

    @Test
    void keepsRoleNamesAsRoles() {
        assertThat(ok("[system]: rules\n[A]: hi\n[B]: yo").turns()).extracting(Turn::role)
                .containsExactly(Role.SYSTEM, Role.USER, Role.ASSISTANT);
    }

    @Test
    void rejectsAThirdSpeakerWithoutARole() {
        ReadResult r = parse("[A]: hi\n[B]: yo\n[C]: hey", RoleMap.defaults());
        assertThat(r).isInstanceOfSatisfying(ReadResult.Bad.class, b -> {
            assertThat(b.rejection().reason()).isEqualTo("unknown_role");
            assertThat(b.rejection().message()).contains("'C'").contains("--roles");
        });
    }

    @Test
    void usesExplicitRoles() {
        ReadResult r = parse("[A]: hi\n[B]: yo\n[C]: hey", RoleMap.of(Map.of("C", Role.USER, "A", Role.ASSISTANT)));
        assertThat(((ReadResult.Ok) r).conversation().turns()).extracting(Turn::role)
                .containsExactly(Role.ASSISTANT, Role.USER, Role.USER);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "a lone usage line            | Usage: %s [OPTION]\\nprints things",
            "a colon line inside prose    | Some prose here\\nlsfd:   Masatake Y.\\nmore prose",
            "one plain turn               | A: just one line"})
    void rejectsProseThatOnlyLooksTagged(String why, String text) {
        assertThat(parse(text.replace("\\n", "\n"), RoleMap.defaults())).isInstanceOfSatisfying(ReadResult.Bad.class,
                b -> assertThat(b.rejection().reason()).isEqualTo("no_messages"));
    }

    @Test
    void rejectsTextWithoutTags() {
        ReadResult r = parse("just some prose\nover two lines", RoleMap.defaults());
        assertThat(r).isInstanceOfSatisfying(ReadResult.Bad.class,
                b -> assertThat(b.rejection().reason()).isEqualTo("no_messages"));
    }
}
