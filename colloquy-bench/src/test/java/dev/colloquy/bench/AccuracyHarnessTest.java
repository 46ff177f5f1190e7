package dev.colloquy.bench;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class AccuracyHarnessTest {

    @Test
    void tellsExactRestorationFromNoChangeAndFromAWrongChange() {
        DamageCase c = new DamageCase("de", Damage.SINGLE, "utf-8 read as windows-1252", "Größe", "GrÃ¶ÃŸe");
        assertThat(AccuracyHarness.Outcome.of(c, "Größe")).isEqualTo(AccuracyHarness.Outcome.EXACT);
        assertThat(AccuracyHarness.Outcome.of(c, "GrÃ¶ÃŸe")).isEqualTo(AccuracyHarness.Outcome.UNTOUCHED);
        assertThat(AccuracyHarness.Outcome.of(c, "Grösse")).isEqualTo(AccuracyHarness.Outcome.WRONG);
    }

    @Test
    void buildsCasesOfEveryFamilyFromTheCatalogsItFinds(@TempDir Path root) throws IOException {
        Path dir = Files.createDirectories(root.resolve("de/LC_MESSAGES"));
        String[] pairs = new String[40];
        for (int i = 0; i < 20; i++) {
            pairs[2 * i] = "id" + i;
            pairs[2 * i + 1] = "Die Größe „" + i + "“ der Übertragung ist ungültig";
        }
        Files.write(dir.resolve("x.mo"), MoCatalogTest.catalog(StandardCharsets.UTF_8,
                "Content-Type: text/plain; charset=UTF-8\n", pairs));
        List<DamageCase> cases = AccuracyHarness.buildCases(root, 2, 7);
        assertThat(cases).extracting(DamageCase::family).containsOnly(Damage.values())
                .hasSize(2 * Damage.values().length);
        assertThat(cases).allSatisfy(c -> assertThat(c.language()).isEqualTo("de"));
        assertThat(AccuracyHarness.buildCases(root, 2, 7)).isEqualTo(cases);
    }
}
