package dev.colloquy.report;

import com.fasterxml.jackson.databind.JsonNode;
import dev.colloquy.pipeline.RunSummary;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The report sections drawn from {@code stats.json}: overview, languages, conversation shape, signals,
 * rejections, dedup and timings. Each method returns one {@code <section>}.
 */
final class ReportSections {

    static final String[][] NAV = {
        {"overview", "Overview"}, {"languages", "Languages"}, {"shape", "Turns &amp; lengths"},
        {"signals", "Signals"}, {"rejections", "Rejections"}, {"dedup", "Dedup"}, {"repairs", "Repairs"},
        {"holes", "Holes"}, {"loop", "Agreement loop"}, {"quarantine", "Quarantine samples"}, {"timings", "Timings"},
    };
    private static final int MAX_LANGUAGES = 24;
    /** Finding types every kept record carries by construction: charting them says nothing. */
    private static final java.util.Set<String> EVERY_RECORD = java.util.Set.of("language", "structure_counts");
    private static final String BLUE = "#2f6fdf";
    private static final String GREEN = "#2e9e5b";
    private static final String ORANGE = "#e07b24";
    private static final String RED = "#c8432f";
    private static final String PURPLE = "#7a5bd6";

    private final JsonNode stats;
    private final RunSummary summary;

    ReportSections(JsonNode stats, RunSummary summary) {
        this.stats = stats;
        this.summary = summary;
    }

    String overview() {
        long in = stats.path("records_in").asLong();
        long kept = stats.path("kept").asLong();
        long quarantined = stats.path("quarantined").asLong();
        boolean ok = stats.path("accounting_ok").asBoolean();
        double mb = summary.inputBytes() / 1e6;
        StringBuilder sb = open("overview", "Overview");
        sb.append("<div class=\"cards\">")
                .append(card(String.format(Locale.ROOT, "%,d", in), "records in"))
                .append(card(String.format(Locale.ROOT, "%,d", kept), "kept (" + percent(kept, in) + ")"))
                .append(card(String.format(Locale.ROOT, "%,d", quarantined), "quarantined (" + percent(quarantined, in) + ")"))
                .append(card("<span class=\"" + (ok ? "ok\">✓ balanced" : "bad\">✗ mismatch") + "</span>",
                        "in = kept + quarantined"))
                .append(card(String.format(Locale.ROOT, "%.2f MB", mb), "input read"))
                .append(card(String.format(Locale.ROOT, "%.1f s", summary.seconds()),
                        String.format(Locale.ROOT, "wall clock, %.2f MB/s", summary.seconds() > 0 ? mb / summary.seconds() : 0)))
                .append("</div>");
        sb.append("<p class=\"note\">Outputs: ");
        List<String> outs = new ArrayList<>(summary.outputs());
        for (String f : List.of("stats.json", HtmlReport.FILE_NAME)) {
            if (!outs.contains(f)) {
                outs.add(f);
            }
        }
        sb.append(Html.text(String.join(", ", outs))).append("</p>");
        return close(sb);
    }

    String languages() {
        List<BarChart.Bar> bars = new ArrayList<>();
        stats.path("languages").fields().forEachRemaining(e -> bars.add(new BarChart.Bar(e.getKey(), e.getValue().asLong())));
        bars.sort(Comparator.comparingLong(BarChart.Bar::count).reversed().thenComparing(BarChart.Bar::label));
        if (bars.size() > MAX_LANGUAGES) {
            long rest = bars.subList(MAX_LANGUAGES - 1, bars.size()).stream().mapToLong(BarChart.Bar::count).sum();
            int others = bars.size() - MAX_LANGUAGES + 1;
            bars.subList(MAX_LANGUAGES - 1, bars.size()).clear();
            bars.add(new BarChart.Bar("other (" + others + " languages)", rest));
        }
        StringBuilder sb = open("languages", "Languages");
        sb.append("<p class=\"note\">Kept turns by detected language (ISO 639-1; <code>und</code> = undetermined,"
                + " e.g. too short or symbols only).</p>");
        sb.append(BarChart.svg("Turns per language", bars, BLUE));
        return close(sb);
    }

    String shape() {
        StringBuilder sb = open("shape", "Turns & lengths");
        sb.append("<div class=\"charts\">");
        sb.append(BarChart.svg("Kept conversations by number of turns", plain(stats.path("turn_counts")), BLUE));
        sb.append(BarChart.svg("Kept turns by role", plain(stats.path("roles")), PURPLE));
        sb.append(BarChart.svg("Kept conversations by length (characters)", powers(stats.path("conversation_chars")), GREEN));
        sb.append(BarChart.svg("Kept turns by length (characters)", powers(stats.path("turn_chars")), GREEN));
        sb.append("</div>");
        return close(sb);
    }

    String signals() {
        StringBuilder sb = open("signals", "Signals");
        sb.append("<p class=\"note\">Findings on kept conversations: how many conversations carry each finding type,"
                + " then per type how many findings one conversation carries. (Per-turn <code>language</code> and"
                + " per-record <code>structure_counts</code> are on every record: see Languages and Turns.)</p>");
        List<BarChart.Bar> totals = new ArrayList<>();
        List<Map.Entry<String, JsonNode>> types = new ArrayList<>();
        stats.path("findings").fields().forEachRemaining(e -> {
            if (!EVERY_RECORD.contains(e.getKey())) {
                types.add(e);
            }
        });
        types.forEach(e -> {
            long n = 0;
            for (JsonNode v : e.getValue()) {
                n += v.asLong();
            }
            totals.add(new BarChart.Bar(e.getKey(), n));
        });
        sb.append(BarChart.svg("Kept conversations with at least one finding, by type", totals, ORANGE));
        sb.append("<div class=\"charts\">");
        types.forEach(e -> sb.append(BarChart.svg(
                e.getKey() + ": findings per conversation", plain(e.getValue()), ORANGE)));
        sb.append("</div>");
        return close(sb);
    }

    String rejections() {
        StringBuilder sb = open("rejections", "Rejections");
        List<BarChart.Bar> bars = new ArrayList<>();
        stats.path("rejections").fields().forEachRemaining(step -> step.getValue().fields().forEachRemaining(
                r -> bars.add(new BarChart.Bar(step.getKey() + " / " + r.getKey(), r.getValue().asLong()))));
        bars.sort(Comparator.comparingLong(BarChart.Bar::count).reversed().thenComparing(BarChart.Bar::label));
        sb.append("<p class=\"note\">Records set aside in <code>quarantine.jsonl</code>, by step and reason"
                + " (the first step that rejects a record is the one counted).</p>");
        sb.append(BarChart.svg("Quarantined records by step / reason", bars, RED));
        return close(sb);
    }

    String dedup(String examplesHtml) {
        JsonNode d = stats.path("dedup");
        StringBuilder sb = open("dedup", "Dedup clusters");
        sb.append("<div class=\"cards\">")
                .append(card(String.format(Locale.ROOT, "%,d", d.path("removed").asLong()), "duplicates removed"))
                .append(card(String.format(Locale.ROOT, "%,d", d.path("clusters").asLong()), "clusters (kept records with duplicates)"))
                .append("</div>");
        sb.append("<div class=\"charts\">");
        sb.append(BarChart.svg("Clusters by size (kept + removed)", powers(d.path("cluster_sizes")), PURPLE));
        List<BarChart.Bar> largest = new ArrayList<>();
        d.path("largest_clusters").fields().forEachRemaining(e -> largest.add(new BarChart.Bar(e.getKey(), e.getValue().asLong())));
        largest.sort(Comparator.comparingLong(BarChart.Bar::count).reversed().thenComparing(BarChart.Bar::label));
        sb.append(BarChart.svg("Largest clusters (kept record id → size)", largest, PURPLE));
        sb.append("</div>").append(examplesHtml);
        return close(sb);
    }

    String timings() {
        StringBuilder sb = open("timings", "Timings");
        sb.append("<p class=\"note\">Seconds in this process; step times are summed over worker threads, so they can"
                + " exceed the wall clock.</p><table><tr><th>phase / step</th><th>seconds</th></tr>");
        new TreeMap<>(summary.timings()).entrySet().stream()
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .forEach(e -> sb.append("<tr><td>").append(Html.text(e.getKey())).append("</td><td class=\"n\">")
                        .append(String.format(Locale.ROOT, "%.2f", e.getValue())).append("</td></tr>"));
        sb.append("</table>");
        return close(sb);
    }

    /** Histogram keys as they are ({@code "2"}, {@code "64+"}). */
    private static List<BarChart.Bar> plain(JsonNode histogram) {
        List<BarChart.Bar> bars = new ArrayList<>();
        histogram.fields().forEachRemaining(e -> bars.add(new BarChart.Bar(e.getKey(), e.getValue().asLong())));
        return bars;
    }

    /** Power-of-two buckets keyed by lower bound, labelled as ranges ({@code "256–511"}). */
    private static List<BarChart.Bar> powers(JsonNode histogram) {
        List<BarChart.Bar> bars = new ArrayList<>();
        histogram.fields().forEachRemaining(e -> {
            String k = e.getKey();
            String label = k;
            try {
                long lo = Long.parseLong(k);
                label = lo <= 1 ? k : String.format(Locale.ROOT, "%,d–%,d", lo, lo * 2 - 1);
            } catch (NumberFormatException ignored) {
                // a pooled key such as "64+" is already a label
            }
            bars.add(new BarChart.Bar(label, e.getValue().asLong()));
        });
        return bars;
    }

    static StringBuilder open(String id, String title) {
        return new StringBuilder("<section id=\"").append(id).append("\"><h2>").append(Html.text(title)).append("</h2>");
    }

    static String close(StringBuilder sb) {
        return sb.append("</section>\n").toString();
    }

    private static String card(String valueHtml, String label) {
        return "<div class=\"card\"><b>" + valueHtml + "</b><span>" + Html.text(label) + "</span></div>";
    }

    private static String percent(long part, long whole) {
        return whole == 0 ? "0 %" : String.format(Locale.ROOT, "%.1f %%", 100.0 * part / whole);
    }
}
