package dev.colloquy.format;

import static org.assertj.core.api.Assertions.assertThat;

import dev.colloquy.io.InputSources;
import dev.colloquy.model.Conversation;
import dev.colloquy.model.Role;
import dev.colloquy.model.SourcePosition;
import dev.colloquy.model.Turn;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Preference pairs read from real files (LLaMA-Factory's DPO demos, HH-RLHF rows in TRL's conversational form;
 * see golden/layouts/README.md) and round-tripped through OpenAI's preference format and LLaMA-Factory's layout.
 */
class PreferencePairsGoldenTest {

    @TempDir
    Path dir;

    private Path golden(String name) throws IOException {
        Path p = dir.resolve(name);
        try (InputStream in = Objects.requireNonNull(getClass().getResourceAsStream("/golden/layouts/" + name))) {
            Files.copy(in, p);
        }
        return p;
    }

    private static List<ReadResult> read(Path p) {
        try (Stream<ReadResult> s = ConversationReader.read(InputSources.of(p), InputFormat.AUTO, RoleMap.defaults())) {
            return s.toList();
        }
    }

    private static List<Conversation> kept(List<ReadResult> rs) {
        assertThat(rs.stream().filter(ReadResult.Bad.class::isInstance)
                .map(r -> ((ReadResult.Bad) r).rejection().message())).isEmpty();
        return rs.stream().map(r -> ((ReadResult.Ok) r).conversation()).toList();
    }

    private String written(List<Conversation> cs, OutputFormat f) throws IOException {
        StringWriter w = new StringWriter();
        ConversationWriter cw = ConversationWriter.of(f, w);
        for (Conversation c : cs) {
            cw.write(c);
        }
        return w.toString();
    }

    private List<Conversation> writeAndRead(List<Conversation> cs, OutputFormat f) throws IOException {
        Path p = dir.resolve("round." + f.cliName());
        Files.writeString(p, written(cs, f), StandardCharsets.UTF_8);
        return kept(read(p));
    }

    private static List<Object> trees(List<Conversation> cs) {
        return cs.stream().map(c -> (Object) RecordJson.toTree(c, OutputFormat.OPENAI)).toList();
    }

    private static ReadResult line(String json) {
        return JsonlRecords.parse(json, new SourcePosition("p.jsonl", 1), RoleMap.defaults());
    }

    private static Conversation ok(String json) {
        ReadResult r = line(json);
        assertThat(r).as(r instanceof ReadResult.Bad b ? b.rejection().message() : "").isInstanceOf(ReadResult.Ok.class);
        return ((ReadResult.Ok) r).conversation();
    }

    private static String reason(String json) {
        return ((ReadResult.Bad) line(json)).rejection().reason();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "dpo_en_demo.json,  1, 1",
            "dpo_zh_demo.json,  2, 1",
            "hh_rlhf_trl.jsonl, 3, 1"})
    void readsEachPairWholeAndRoundTripsItThroughOpenAiAndShareGpt(String file, int pairs, int firstPrompt)
            throws IOException {
        List<Conversation> cs = kept(read(golden(file)));
        assertThat(cs).hasSize(pairs).allMatch(Conversation::isPair);
        assertThat(cs.get(0).prompt()).hasSize(firstPrompt);
        for (Conversation c : cs) {
            assertThat(c.prompt().get(c.prompt().size() - 1).role()).isEqualTo(Role.USER);
            assertThat(c.chosen()).extracting(Turn::role).containsExactly(Role.ASSISTANT);
            assertThat(c.rejected()).extracting(Turn::role).containsExactly(Role.ASSISTANT);
        }
        for (OutputFormat f : List.of(OutputFormat.OPENAI, OutputFormat.SHAREGPT)) {
            // the trees hold the pair's split and meta.source, which names the original file and line
            assertThat(trees(writeAndRead(cs, f))).as(f.cliName()).isEqualTo(trees(cs));
        }
    }

    @Test
    void keepsLlamaFactoryTextVerbatimIncludingEmojiAndChinese() throws IOException {
        Conversation en = kept(read(golden("dpo_en_demo.json"))).get(0);
        assertThat(en.rejected().get(0).text()).endsWith("honest assistant! 😊");
        Conversation zh = kept(read(golden("dpo_zh_demo.json"))).get(1);
        assertThat(zh.prompt()).extracting(Turn::role).containsExactly(Role.SYSTEM, Role.USER);
        assertThat(zh.chosen().get(0).text()).isEqualTo("每个房间里的展品都共享相同的主题。");
    }

    @Test
    void writesOpenAiPreferenceFineTuningRecords() throws IOException {
        List<Conversation> cs = kept(read(golden("hh_rlhf_trl.jsonl")));
        Map<?, ?> rec = Json.MAPPER.readValue(written(cs, OutputFormat.OPENAI).split("\n")[1], Map.class);
        assertThat(rec.keySet().stream().map(String::valueOf)).containsExactly("id", "input", "preferred_output", "non_preferred_output", "meta");
        assertThat((List<?>) ((Map<?, ?>) rec.get("input")).get("messages")).hasSize(3);
        assertThat(rec.get("preferred_output")).isEqualTo(List.of(Map.of("role", "assistant", "content",
                "If you’d like something a little different, I recommend grating some horseradish on top of the sandwich.")));
        assertThat(rec.get("non_preferred_output"))
                .isEqualTo(List.of(Map.of("role", "assistant", "content", "Maybe some nice fresh basil?")));
    }

    @Test
    void writesLlamaFactoryRankingRecordsWithOneMessagePerAnswer() throws IOException {
        List<Conversation> cs = kept(read(golden("dpo_zh_demo.json")));
        Map<?, ?> rec = Json.MAPPER.readValue(written(cs, OutputFormat.SHAREGPT).split("\n")[0], Map.class);
        assertThat(rec.keySet().stream().map(String::valueOf)).containsExactly("id", "conversations", "chosen", "rejected", "meta");
        assertThat(rec.get("conversations")).isEqualTo(List.of(Map.of("from", "human", "value", "构建一个逻辑推理链。")));
        assertThat(((Map<?, ?>) rec.get("chosen")).get("from")).isEqualTo("gpt");
        assertThat(((Map<?, ?>) rec.get("rejected")).get("value")).asString().startsWith("前提1：所有哺乳动物都有脊椎。");
    }

    @Test
    void readsTrlStringPairsAsOneUserTurnAndOneAnswerEach() {
        Conversation c = ok("{\"prompt\":\"The sky is\",\"chosen\":\" blue.\",\"rejected\":\" green.\"}");
        assertThat(c.turns()).extracting(Turn::role).containsExactly(Role.USER, Role.ASSISTANT, Role.ASSISTANT);
        assertThat(c.chosen().get(0).text()).isEqualTo(" blue.");
        assertThat(c.rejected().get(0).text()).isEqualTo(" green.");
    }

    @Test
    void takesTheCommonStartOfTwoDialoguesAsTheImplicitPrompt() {
        String u = "{\"role\":\"user\",\"content\":\"Τι χρώμα έχει ο ουρανός;\"}";
        Conversation c = ok("{\"chosen\":[" + u + ",{\"role\":\"assistant\",\"content\":\"Μπλε.\"}],"
                + "\"rejected\":[" + u + ",{\"role\":\"assistant\",\"content\":\"Πράσινο.\"}]}");
        assertThat(c.prompt()).extracting(Turn::text).containsExactly("Τι χρώμα έχει ο ουρανός;");
        assertThat(c.chosen()).extracting(Turn::text).containsExactly("Μπλε.");
        assertThat(c.rejected()).extracting(Turn::text).containsExactly("Πράσινο.");
        Conversation lf = ok("{\"chosen_messages\":[" + u + ",{\"role\":\"assistant\",\"content\":\"Μπλε.\"}],"
                + "\"rejected_messages\":[" + u + ",{\"role\":\"assistant\",\"content\":\"Πράσινο.\"}]}");
        assertThat(lf.turns()).isEqualTo(c.turns());
        assertThat(lf.preference()).isEqualTo(c.preference());
    }

    @Test
    void readsLlamaFactoryAlpacaRankingAndKeepsKtoStyleFieldsAsMetadata() {
        Conversation c = ok("{\"instruction\":\"Переведи на английский\",\"input\":\"Кошка спит.\","
                + "\"chosen\":\"The cat is sleeping.\",\"rejected\":\"The dog barks.\",\"label\":true}");
        assertThat(c.prompt()).extracting(Turn::text).containsExactly("Переведи на английский\nКошка спит.");
        assertThat(c.chosen().get(0).text()).isEqualTo("The cat is sleeping.");
        assertThat(c.metadata()).containsEntry("label", true);
    }

    @Test
    void mapsOtherPairColumnNamesWithColumns() {
        String json = "{\"question\":\"¿Capital de Francia?\",\"good\":\"París.\",\"bad\":\"Lyon.\"}";
        RoleMap roles = RoleMap.defaults().withColumns(Columns.parse("prompt=question,chosen=good,rejected=bad"));
        Conversation c = ((ReadResult.Ok) JsonlRecords.parse(json, new SourcePosition("p.jsonl", 1), roles))
                .conversation();
        assertThat(c.isPair()).isTrue();
        assertThat(c.rejected().get(0).text()).isEqualTo("Lyon.");
    }

    @Test
    void quarantinesAPairWhoseAnswersAreTheSame() {
        assertThat(reason("{\"prompt\":\"2+2?\",\"chosen\":\"4\",\"rejected\":\"4\"}")).isEqualTo("identical_answers");
        assertThat(reason("{\"conversations\":[{\"from\":\"human\",\"value\":\"hi\"}],"
                + "\"chosen\":{\"from\":\"gpt\",\"value\":\"hello\"},\"rejected\":{\"from\":\"gpt\",\"value\":\"hello\"}}"))
                .isEqualTo("identical_answers");
    }

    @Test
    void quarantinesAPairWithAnEmptyOrMissingAnswer() {
        assertThat(reason("{\"prompt\":\"2+2?\",\"chosen\":\"4\",\"rejected\":\"  \"}")).isEqualTo("empty_answer");
        assertThat(reason("{\"prompt\":\"2+2?\",\"chosen\":[],\"rejected\":\"5\"}")).isEqualTo("empty_answer");
        assertThat(reason("{\"prompt\":\"2+2?\",\"chosen\":7,\"rejected\":\"5\"}")).isEqualTo("empty_answer");
        // implicit prompt: one dialogue is the start of the other, so one answer is nothing
        assertThat(reason("{\"chosen\":[{\"role\":\"user\",\"content\":\"hi\"}],\"rejected\":[{\"role\":\"user\","
                + "\"content\":\"hi\"},{\"role\":\"assistant\",\"content\":\"yo\"}]}")).isEqualTo("empty_answer");
    }

    @Test
    void quarantinesAPairWhoseAnswerIsNotTheAssistants() {
        assertThat(reason("{\"prompt\":\"2+2?\",\"chosen\":[{\"role\":\"user\",\"content\":\"4\"}],\"rejected\":\"5\"}"))
                .isEqualTo("answer_not_assistant");
        assertThat(reason("{\"conversations\":[{\"from\":\"human\",\"value\":\"hi\"}],"
                + "\"chosen\":{\"from\":\"human\",\"value\":\"a\"},\"rejected\":{\"from\":\"gpt\",\"value\":\"b\"}}"))
                .isEqualTo("answer_not_assistant");
    }

    @Test
    void keepsTheWholeRecordInTheQuarantineOfABadPair() {
        String json = "{\"prompt\":\"2+2?\",\"chosen\":\"4\",\"rejected\":\"4\",\"source_id\":17}";
        Object record = ((ReadResult.Bad) line(json)).rejection().record();
        assertThat(record).isEqualTo(Map.of("prompt", "2+2?", "chosen", "4", "rejected", "4", "source_id", 17));
    }
}
