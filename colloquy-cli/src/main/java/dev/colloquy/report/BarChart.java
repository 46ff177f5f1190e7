package dev.colloquy.report;

import java.util.List;
import java.util.Locale;

/**
 * A horizontal bar chart as inline SVG: one row per label, bar length proportional to the count, the count
 * printed after the bar. Drawn in Java so the report needs no script library and no network.
 */
final class BarChart {

    /** One bar. */
    record Bar(String label, long count) {
    }

    private static final int ROW = 20;
    private static final int LABEL_WIDTH = 225;
    private static final int BAR_WIDTH = 205;
    private static final int WIDTH = LABEL_WIDTH + BAR_WIDTH + 70;

    private BarChart() {
    }

    static String svg(String title, List<Bar> bars, String color) {
        if (bars.isEmpty()) {
            return "<p class=\"empty\">" + Html.text(title) + ": none</p>";
        }
        long max = bars.stream().mapToLong(Bar::count).max().orElse(1);
        int height = bars.size() * ROW + 28;
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT,
                "<figure><figcaption>%s</figcaption><svg width=\"%d\" height=\"%d\""
                        + " viewBox=\"0 0 %d %d\" role=\"img\" aria-label=\"%s\">",
                Html.text(title), WIDTH, height, WIDTH, height, Html.text(title)));
        int y = 4;
        for (Bar b : bars) {
            double w = max == 0 ? 0 : Math.max(b.count() > 0 ? 1.5 : 0, BAR_WIDTH * (double) b.count() / max);
            sb.append(String.format(Locale.ROOT,
                    "<text x=\"%d\" y=\"%d\" text-anchor=\"end\" class=\"lbl\">%s</text>"
                            + "<rect x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"%d\" fill=\"%s\"><title>%s: %,d</title></rect>"
                            + "<text x=\"%.1f\" y=\"%d\" class=\"val\">%,d</text>",
                    LABEL_WIDTH - 8, y + 14, Html.text(Html.clip(b.label(), 36)),
                    LABEL_WIDTH, y + 2, w, ROW - 6, color, Html.text(b.label()), b.count(),
                    LABEL_WIDTH + w + 6, y + 14, b.count()));
            y += ROW;
        }
        sb.append("</svg></figure>");
        return sb.toString();
    }
}
