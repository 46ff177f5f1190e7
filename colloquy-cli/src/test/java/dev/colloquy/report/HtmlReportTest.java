package dev.colloquy.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.colloquy.model.Conversation;
import dev.colloquy.model.Rejection;
import dev.colloquy.model.Role;
import dev.colloquy.model.SourcePosition;
import dev.colloquy.model.Turn;
import dev.colloquy.pipeline.RunExamples;
import dev.colloquy.pipeline.RunStats;
import dev.colloquy.pipeline.RunSummary;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HtmlReportTest {

    private static final String EVIL = "<script>alert('x')</script><img src=\"https://evil.example/x.png\">";

    private static RunSummary summary() {
        RunStats stats = new RunStats();
        Conversation kept = new Conversation("c1" + EVIL, new SourcePosition("in.jsonl", 1), List.of(
                new Turn("A", Role.USER, "Hello " + EVIL), new Turn("B", Role.ASSISTANT, "Hi there.")));
        stats.countIn();
        stats.countKept(kept);
        Conversation bad = new Conversation("c2", new SourcePosition("in.jsonl", 2), List.of(
                new Turn("A", Role.USER, "only me")));
        stats.countIn();
        stats.countQuarantined(new Rejection(new SourcePosition("in.jsonl", 2), "turns", "too_few" + EVIL,
                "has 1 turn", bad));
        RunExamples examples = new RunExamples();
        examples.addQuarantined("turns/too_few", "{\"source\":\"in.jsonl:2\",\"step\":\"turns\",\"reason\":\"too_few\","
                + "\"message\":\"has 1 turn " + EVIL.replace("\"", "\\\"") + "\",\"record\":{\"id\":\"c2\","
                + "\"messages\":[{\"role\":\"user\",\"content\":\"only me &amp; <b>you</b>\"}]}}");
        examples.addFinding("mojibake_repaired", "{\"id\":\"c3\",\"messages\":[{\"role\":\"user\",\"content\":\"café <i>\"}],"
                + "\"meta\":{\"turn_findings\":[[{\"type\":\"mojibake_repaired\",\"outputStart\":3,\"outputEnd\":4,"
                + "\"before\":\"Ã©\",\"after\":\"é\",\"chain\":\"utf-8 read as windows-1252\",\"confidence\":0.9}]]}}");
        examples.addFinding("holes", "{\"id\":\"c4\",\"messages\":[{\"role\":\"user\",\"content\":\"I believe in .\"}],"
                + "\"meta\":{\"turn_findings\":[[{\"type\":\"holes\",\"offset\":13,\"confidence\":0.8,\"cue\":\"SPACE_BEFORE_PUNCTUATION\"}]]}}");
        examples.addFinding("agreement_loop", "{\"id\":\"c5\",\"messages\":[{\"role\":\"user\",\"content\":\"Right?\"},"
                + "{\"role\":\"assistant\",\"content\":\"Absolutely!\"},{\"role\":\"user\",\"content\":\"Well said!\"}],"
                + "\"meta\":{\"findings\":[{\"type\":\"agreement_loop\",\"turns\":[1,2],\"score\":0.7,"
                + "\"cues\":[[\"absolutely\"],[\"well said\"]]}]}}");
        return new RunSummary(stats, examples, Map.of("total", 1.5, "step.repair", 0.5),
                List.of("kept.jsonl", "quarantine.jsonl", "stats.json"), 1234, 1.5);
    }

    @Test
    void isSelfContainedWithNoNetworkReferences() {
        String html = new HtmlReport().render(summary());

        assertThat(html).doesNotContainPattern(Pattern.compile("(?i)(src|href)\\s*=\\s*[\"']?\\s*(https?:)?//"));
        assertThat(html).doesNotContainPattern(Pattern.compile("(?i)<link|@import|url\\("));
        assertThat(html).doesNotContainPattern(Pattern.compile("(?i)<script"));
    }

    @Test
    void escapesEverythingTakenFromTheData() {
        String html = new HtmlReport().render(summary());

        assertThat(html).doesNotContain("<img").doesNotContain("<b>you</b>").doesNotContain("<i>");
        assertThat(html).contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;");
        assertThat(html).contains("only me &amp;amp; &lt;b&gt;you&lt;/b&gt;");
    }

    @ParameterizedTest
    @ValueSource(strings = {"overview", "languages", "shape", "signals", "rejections", "dedup", "repairs", "holes",
        "loop", "quarantine", "timings"})
    void hasEachSection(String id) {
        String html = new HtmlReport().render(summary());

        assertThat(html).contains("<section id=\"" + id + "\">").contains("href=\"#" + id + "\"");
    }

    @Test
    void showsRepairsHolesAndTheLoopFromTheSamples() {
        String html = new HtmlReport().render(summary());

        assertThat(html).contains("Ã©").contains("utf-8 read as windows-1252");
        assertThat(html).contains("I believe in <mark class=\"hole\">▢</mark>.");
        assertThat(html).contains("<mark class=\"cue\">well said</mark>");
    }

    @Test
    void writesReportHtmlIntoTheOutputDirectory(@TempDir Path dir) throws Exception {
        new HtmlReport().write(dir, summary());

        String html = Files.readString(dir.resolve("report.html"), StandardCharsets.UTF_8);
        assertThat(html).startsWith("<!DOCTYPE html>").endsWith("</html>\n");
        assertThat(Files.list(dir)).containsExactly(dir.resolve("report.html"));
    }
}
