package dev.colloquy.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

class RepairViewTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode repair(int start, int end, String before) throws Exception {
        return JSON.readTree("{\"type\":\"mojibake_repaired\",\"outputStart\":" + start + ",\"outputEnd\":" + end
                + ",\"before\":\"" + before + "\"}");
    }

    @Test
    void rebuildsTheTextAsReadFromTheRecordedRepairs() throws Exception {
        String[] pair = RepairView.beforeAfter("café crème", List.of(repair(3, 4, "Ã©"), repair(7, 8, "Ã¨")), 100)
                .orElseThrow();

        assertThat(pair[0]).isEqualTo("caf<mark class=\"before\">Ã©</mark> cr<mark class=\"before\">Ã¨</mark>me");
        assertThat(pair[1]).isEqualTo("caf<mark class=\"after\">é</mark> cr<mark class=\"after\">è</mark>me");
    }

    @Test
    void countsOffsetsInCodePoints() throws Exception {
        String[] pair = RepairView.beforeAfter("🎬 née", List.of(repair(3, 4, "Ã©")), 100).orElseThrow();

        assertThat(pair[0]).isEqualTo("🎬 n<mark class=\"before\">Ã©</mark>e");
    }

    @Test
    void givesNothingWhenSpansNoLongerFitTheText() throws Exception {
        assertThat(RepairView.beforeAfter("short", List.of(repair(3, 9, "x")), 100)).isEmpty();
        assertThat(RepairView.beforeAfter("overlapping", List.of(repair(1, 4, "x"), repair(2, 3, "y")), 100)).isEmpty();
        assertThat(RepairView.beforeAfter("none", List.of(), 100)).isEmpty();
    }

    @Test
    void escapesBothSides() throws Exception {
        String[] pair = RepairView.beforeAfter("<é>", List.of(repair(1, 2, "Ã©")), 100).orElseThrow();

        assertThat(pair[0]).startsWith("&lt;").endsWith("&gt;");
        assertThat(pair[1]).isEqualTo("&lt;<mark class=\"after\">é</mark>&gt;");
    }
}
