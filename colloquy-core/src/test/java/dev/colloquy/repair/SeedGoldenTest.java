package dev.colloquy.repair;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The seed transcript through the engine line by line, against the reviewed golden output (see golden/repair/README.md). */
class SeedGoldenTest {

    private static List<String> fixed;
    private static List<String> expected;

    @BeforeAll
    static void repairSeed() throws IOException {
        TextRepairer.Session session = TextRepairer.defaults().session();
        fixed = new ArrayList<>();
        for (String line : lines("/golden/repair/seed.txt")) {
            fixed.add(session.repair(line).text());
        }
        expected = lines("/golden/repair/seed.fixed.txt");
    }

    private static List<String> lines(String resource) throws IOException {
        try (InputStream in = SeedGoldenTest.class.getResourceAsStream(resource)) {
            return List.of(new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n", -1));
        }
    }

    @Test
    void matchesTheReviewedGoldenOutput() {
        assertThat(fixed).containsExactlyElementsOf(expected);
    }

    @Test
    void restoresTheChineseFirstLineExactly() {
        // 吗 against 字 is the hardest guess on the seed: see golden/repair/README.md
        assertThat(fixed.get(0))
                .isEqualTo("[A]: Hey，关于'你相信soulmate存在吗？'这个话题，你怎么想的？");
    }

    @Test
    void leavesNoReplacementCharacterAndNoMojibake() {
        String all = String.join("\n", fixed);
        assertThat(all).doesNotContain("\uFFFD").doesNotContainPattern("[ÃÂâåäæçèéïğĞŸ€ž]");
        assertThat(MojibakeScan.mayHoldMojibake(all)).isFalse();
    }

    @Test
    void restoresTheEmoji() {
        String all = String.join("\n", fixed);
        assertThat(all).contains("🎬", "✨", "💡");
    }

    @Test
    void keepsCurlyQuotesInWholePairs() {
        for (String line : fixed) {
            assertThat(line).doesNotContain("†");
            long open = line.chars().filter(c -> c == '“').count();
            long close = line.chars().filter(c -> c == '”').count();
            assertThat(open).as(line).isEqualTo(close);
        }
        assertThat(String.join("\n", fixed)).contains("“The right person");
    }
}
