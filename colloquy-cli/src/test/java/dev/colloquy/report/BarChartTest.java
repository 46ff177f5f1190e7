package dev.colloquy.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class BarChartTest {

    @Test
    void drawsOneBarPerRowScaledToTheLargest() {
        String svg = BarChart.svg("Turns", List.of(new BarChart.Bar("en", 200), new BarChart.Bar("de", 50)), "#123456");

        assertThat(svg).contains("<svg ").contains("<figcaption>Turns</figcaption>");
        assertThat(svg.split("<rect ", -1)).hasSize(3);
        assertThat(svg).contains("width=\"205.0\"").contains("width=\"51.3\"");
        assertThat(svg).contains(">200</text>").contains(">50</text>");
    }

    @Test
    void escapesLabelsAndTitle() {
        String svg = BarChart.svg("<t>", List.of(new BarChart.Bar("<script>", 1)), "#000");

        assertThat(svg).doesNotContain("<script>").doesNotContain("<t>").contains("&lt;script&gt;");
    }

    @Test
    void saysNoneWhenThereIsNothingToDraw() {
        assertThat(BarChart.svg("Clusters", List.of(), "#000")).isEqualTo("<p class=\"empty\">Clusters: none</p>");
    }
}
