package dev.colloquy.repair;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * ftfy's own real-world test cases (Apache-2.0, Robyn Speer; see resources/conformance/NOTICE.md),
 * compared with {@code fixed-encoding} when present, else {@code fixed}.
 */
class FtfyConformanceTest {

    /** Cases where we differ from ftfy on purpose: index -> why (also listed in docs/repair.md). */
    static final Map<Integer, String> EXCLUDED = Map.of();

    /**
     * Cases we do not pass yet (listed in docs/repair.md as known gaps); this list may only shrink.
     * 9 ({@code Ä°stanbul}) and 11 ({@code RÄ«ga}), one two-char sequence as a line's only evidence, pass since a
     * letter and a symbol splitting an ASCII word count more (LayerDecoder.symbolSplittingWord).
     */
    static final Set<Integer> KNOWN_GAPS = Set.of(
            22, 23, 24, 35, 36, 38, 60, 83, 86, 88, 102, 149);

    /** As {@link #KNOWN_GAPS}, for the check with one more latin-1 layer. */
    static final Set<Integer> KNOWN_LAYERED_GAPS = Set.of(
            22, 23, 24, 35, 36, 38, 60, 83, 86, 88, 102, 115, 128, 149);

    static List<JsonNode> cases() throws IOException {
        try (InputStream in = FtfyConformanceTest.class.getResourceAsStream("/conformance/ftfy-test-cases.json")) {
            JsonNode all = new ObjectMapper().readTree(in);
            List<JsonNode> out = new ArrayList<>();
            all.forEach(out::add);
            return out;
        }
    }

    static Stream<Arguments> passingCases() throws IOException {
        return cases(KNOWN_GAPS);
    }

    static Stream<Arguments> passingLayeredCases() throws IOException {
        return cases(KNOWN_LAYERED_GAPS);
    }

    private static Stream<Arguments> cases(Set<Integer> gaps) throws IOException {
        List<JsonNode> all = cases();
        List<Arguments> out = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            JsonNode c = all.get(i);
            if (c.get("expect").asText().equals("pass") && !EXCLUDED.containsKey(i) && !gaps.contains(i)) {
                out.add(Arguments.of(i, c.get("label").asText(), c.get("original").asText(), expected(c)));
            }
        }
        return out.stream();
    }

    private static String expected(JsonNode c) {
        return c.has("fixed-encoding") ? c.get("fixed-encoding").asText() : c.get("fixed").asText();
    }

    @ParameterizedTest(name = "[{0}] {1}")
    @MethodSource("passingCases")
    void fixesEveryCaseFtfyFixes(int index, String label, String original, String expected) {
        assertThat(TextRepairer.defaults().repair(original).text()).as("case %d %s", index, label).isEqualTo(expected);
    }

    @ParameterizedTest(name = "[{0}] {1}")
    @MethodSource("passingLayeredCases")
    void stillFixesWithOneMoreLayerOfLatin1(int index, String label, String original, String expected) {
        String layered = new String(original.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
        assertThat(TextRepairer.defaults().repair(layered).text()).as("case %d %s", index, label).isEqualTo(expected);
    }

    @Test
    void countsTheKnownFtfyFailuresWeFix() throws IOException {
        List<JsonNode> all = cases();
        int passed = 0;
        for (JsonNode c : all) {
            if (c.get("expect").asText().equals("fail")
                    && TextRepairer.defaults().repair(c.get("original").asText()).text().equals(expected(c))) {
                passed++;
            }
        }
        // documented in docs/repair.md; a drop means a regression
        assertThat(passed).isGreaterThanOrEqualTo(2);
    }
}
