package dev.colloquy.report;

import com.fasterxml.jackson.databind.JsonNode;
import dev.colloquy.pipeline.RunExamples;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The report sections that show sample records the run collected ({@link RunExamples}): mojibake repairs
 * before and after, holes in their context, an agreement-loop excerpt, and quarantined records by reason.
 * Offsets in findings are code points into the turn's text; an offset outside the text (a later step changed
 * it) is skipped rather than trusted.
 */
final class ExampleSections {

    private static final int MAX_REPAIR_ROWS = 6;
    private static final int MAX_HOLE_ROWS = 12;
    private static final int CONTEXT = 60;
    private static final int OPEN_REASONS = 3;
    /** Quarantine samples are many and only need to be recognised: fewer, shorter turns. */
    private static final int QUARANTINE_TURNS = 3;
    private static final int QUARANTINE_CLIP = 200;
    private static final int TURN_CLIP = 420;

    private final RunExamples examples;

    ExampleSections(RunExamples examples) {
        this.examples = examples;
    }

    String repairs() {
        StringBuilder sb = ReportSections.open("repairs", "Repairs: before and after");
        sb.append("<p class=\"note\">Turns as read (mis-decoded spans in red) and as repaired (green); the text"
                + " before is rebuilt from the recorded repairs.</p>");
        StringBuilder rows = new StringBuilder();
        int n = 0;
        for (SampleRecord r : samples("mojibake_repaired")) {
            int perRecord = 0;
            for (int t = 0; t < r.turns().size() && n < MAX_REPAIR_ROWS && perRecord < 2; t++) {
                List<JsonNode> spans = r.findingsOfTurn(t).stream()
                        .filter(f -> f.path("type").asText().equals("mojibake_repaired")).toList();
                Optional<String[]> pair = RepairView.beforeAfter(r.turns().get(t).text(), spans, TURN_CLIP);
                if (pair.isEmpty()) {
                    continue;
                }
                n++;
                perRecord++;
                rows.append("<tr><td class=\"mono\">").append(Html.text(r.id())).append(" #").append(t)
                        .append("<br><span class=\"note\">").append(spans.size()).append(" repairs · ")
                        .append(Html.text(spans.get(0).path("chain").asText())).append("</span></td><td>")
                        .append(pair.get()[0]).append("</td><td>").append(pair.get()[1]).append("</td></tr>");
            }
        }
        return closeTable(sb, n, "No repairs among the kept records.",
                "<table class=\"fixed\"><tr><th>record #turn</th><th>before</th><th>after</th></tr>", rows);
    }

    String holes() {
        StringBuilder sb = ReportSections.open("holes", "Holes in context");
        sb.append("<p class=\"note\">Places where an inline span (italics, a link) was probably stripped with its"
                + " content; <mark class=\"hole\">▢</mark> marks the spot.</p>");
        StringBuilder rows = new StringBuilder();
        int n = 0;
        for (SampleRecord r : samples("holes")) {
            for (int t = 0; t < r.turns().size() && n < MAX_HOLE_ROWS; t++) {
                String text = r.turns().get(t).text();
                for (JsonNode f : r.findingsOfTurn(t)) {
                    if (!f.path("type").asText().equals("holes") || n >= MAX_HOLE_ROWS) {
                        continue;
                    }
                    int at = f.path("offset").asInt(-1);
                    if (at < 0 || at > text.codePointCount(0, text.length())) {
                        continue;
                    }
                    n++;
                    rows.append("<tr><td class=\"mono\">").append(Html.text(r.id())).append(" #").append(t)
                            .append("</td><td>").append(holeContext(text, at)).append("</td><td>")
                            .append(Html.text(f.path("cue").asText().toLowerCase(Locale.ROOT)))
                            .append("</td><td class=\"n\">").append(String.format(Locale.ROOT, "%.2f",
                                    f.path("confidence").asDouble())).append("</td></tr>");
                }
            }
        }
        return closeTable(sb, n, "No holes found among the kept records.",
                "<table><tr><th>record #turn</th><th>context</th><th>cue</th><th>confidence</th></tr>", rows);
    }

    String loop() {
        StringBuilder sb = ReportSections.open("loop", "Agreement loop excerpt");
        for (SampleRecord r : samples("agreement_loop")) {
            for (JsonNode f : r.findings()) {
                if (!f.path("type").asText().equals("agreement_loop") || !f.path("turns").isArray()) {
                    continue;
                }
                List<Integer> turns = new java.util.ArrayList<>();
                f.path("turns").forEach(t -> turns.add(t.asInt()));
                if (turns.isEmpty()) {
                    continue;
                }
                sb.append(String.format(Locale.ROOT, "<p class=\"note\">Record <span class=\"mono\">%s</span>: turns %d–%d"
                                + " of %d form a degenerate agreement tail (score %.2f). The turn before it, then the loop:</p>",
                        Html.text(r.id()), turns.get(0), turns.get(turns.size() - 1), r.turns().size(),
                        f.path("score").asDouble()));
                int first = Math.max(0, turns.get(0) - 1);
                for (int t = first; t <= turns.get(turns.size() - 1) && t < r.turns().size(); t++) {
                    int inLoop = turns.indexOf(t);
                    String cues = "";
                    if (inLoop >= 0 && f.path("cues").path(inLoop).isArray() && !f.path("cues").path(inLoop).isEmpty()) {
                        StringBuilder c = new StringBuilder(" · cues: ");
                        f.path("cues").path(inLoop).forEach(x -> c.append("<mark class=\"cue\">")
                                .append(Html.text(x.asText())).append("</mark> "));
                        cues = c.toString();
                    }
                    sb.append(turn(r.turns().get(t), "turn " + t + " · " + r.turns().get(t).speaker()
                            + (inLoop >= 0 ? " (loop)" : ""), cues));
                }
                return ReportSections.close(sb);
            }
        }
        sb.append("<p class=\"empty\">No agreement loop among the kept records.</p>");
        return ReportSections.close(sb);
    }

    String quarantined() {
        StringBuilder sb = ReportSections.open("quarantine", "Quarantine samples by reason");
        Map<String, List<String>> q = examples.quarantined();
        if (q.isEmpty()) {
            sb.append("<p class=\"empty\">Nothing was quarantined.</p>");
        }
        int shown = 0;
        for (Map.Entry<String, List<String>> e : q.entrySet()) {
            // The first few open, so a printed or captured page shows some records; the rest fold.
            sb.append(shown++ < OPEN_REASONS ? "<details open><summary>" : "<details><summary>").append(Html.text(e.getKey().replace("/", " / ")))
                    .append(" <span class=\"note\">(").append(e.getValue().size()).append(" shown)</span></summary>");
            for (String line : e.getValue()) {
                Optional<JsonNode> n = SampleRecord.parse(line);
                if (n.isEmpty()) {
                    sb.append("<p class=\"mono\">").append(Html.text(Html.clip(line, TURN_CLIP))).append("</p>");
                    continue;
                }
                JsonNode j = n.get();
                sb.append("<h3><span class=\"mono\">").append(Html.text(j.path("source").asText())).append("</span> — ")
                        .append(Html.text(j.path("message").asText())).append("</h3>");
                JsonNode record = j.path("record");
                Optional<SampleRecord> r = record.isObject() ? SampleRecord.of(record) : Optional.empty();
                if (r.isPresent() && !r.get().turns().isEmpty()) {
                    List<SampleRecord.Turn> turns = r.get().turns();
                    for (int t = 0; t < Math.min(QUARANTINE_TURNS, turns.size()); t++) {
                        sb.append(turn(turns.get(t), turns.get(t).speaker(), "", QUARANTINE_CLIP));
                    }
                    if (turns.size() > QUARANTINE_TURNS) {
                        sb.append("<p class=\"note\">… ").append(turns.size() - QUARANTINE_TURNS).append(" more turns</p>");
                    }
                } else {
                    String raw = record.isTextual() ? record.asText() : record.toString();
                    sb.append("<div class=\"turn mono\">").append(Html.text(Html.clip(raw, TURN_CLIP))).append("</div>");
                }
            }
            sb.append("</details>");
        }
        return ReportSections.close(sb);
    }

    /** Sample records dedup removed, each with the message naming the kept record it duplicates. */
    String dedupPairs() {
        StringBuilder rows = new StringBuilder();
        for (Map.Entry<String, List<String>> e : examples.quarantined().entrySet()) {
            if (!e.getKey().startsWith("dedup/")) {
                continue;
            }
            for (String line : e.getValue()) {
                Optional<JsonNode> n = SampleRecord.parse(line);
                if (n.isEmpty()) {
                    continue;
                }
                JsonNode j = n.get();
                Optional<SampleRecord> r = SampleRecord.of(j.path("record"));
                String firstTurn = r.isPresent() && !r.get().turns().isEmpty() ? r.get().turns().get(0).text() : "";
                rows.append("<tr><td>").append(Html.text(j.path("reason").asText())).append("</td><td class=\"mono\">")
                        .append(Html.text(j.path("source").asText())).append("</td><td>")
                        .append(Html.text(j.path("message").asText())).append("</td><td>")
                        .append(Html.text(Html.clip(firstTurn, 90))).append("</td></tr>");
            }
        }
        if (rows.isEmpty()) {
            return "";
        }
        return "<h3>Removed duplicates (samples)</h3><table class=\"fixed\"><tr><th>reason</th><th>removed record</th>"
                + "<th>duplicate of</th><th>first turn</th></tr>" + rows + "</table>";
    }

    /** Closes section {@code sb} with its table ({@code head}, then the {@code n} rows), or {@code empty} for none. */
    private static String closeTable(StringBuilder sb, int n, String empty, String head, StringBuilder rows) {
        if (n == 0) {
            sb.append("<p class=\"empty\">").append(empty).append("</p>");
        } else {
            sb.append(head).append(rows).append("</table>");
        }
        return ReportSections.close(sb);
    }

    private List<SampleRecord> samples(String findingType) {
        return examples.withFinding().getOrDefault(findingType, List.of()).stream()
                .map(SampleRecord::parse).flatMap(Optional::stream)
                .map(SampleRecord::of).flatMap(Optional::stream).toList();
    }

    private static String turn(SampleRecord.Turn t, String label, String extraHtml) {
        return turn(t, label, extraHtml, TURN_CLIP);
    }

    private static String turn(SampleRecord.Turn t, String label, String extraHtml, int clip) {
        String role = t.speaker().toLowerCase(Locale.ROOT);
        String cls = role.equals("user") || role.equals("human") ? "user"
                : role.equals("assistant") || role.equals("gpt") ? "assistant" : "other";
        return "<div class=\"turn " + cls + "\"><div class=\"who\">" + Html.text(label) + extraHtml + "</div>"
                + Html.text(Html.clip(t.text(), clip)) + "</div>";
    }

    private static String holeContext(String text, int at) {
        int len = text.codePointCount(0, text.length());
        int from = Math.max(0, at - CONTEXT);
        int to = Math.min(len, at + CONTEXT);
        return (from > 0 ? "…" : "") + Html.text(slice(text, from, at)) + "<mark class=\"hole\">▢</mark>"
                + Html.text(slice(text, at, to)) + (to < len ? "…" : "");
    }

    private static String slice(String s, int fromCp, int toCp) {
        int a = s.offsetByCodePoints(0, fromCp);
        int b = s.offsetByCodePoints(a, toCp - fromCp);
        return s.substring(a, b);
    }
}
