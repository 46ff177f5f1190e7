package dev.colloquy.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class FindingTest {

    private record Plain(String type) implements Finding {
    }

    private record Scored(double confidence) implements Finding {
        @Override
        public String type() {
            return "scored";
        }

        @Override
        public Optional<Score> statsScore() {
            return Optional.of(new Score("confidence", confidence));
        }
    }

    @Test
    void reportsNoScoreAndNoLanguageUnlessAKindOptsIn() {
        Finding f = new Plain("anything");

        assertThat(f.statsScore()).isEmpty();
        assertThat(f.statsLanguage()).isEmpty();
    }

    @Test
    void aKindOptsInToReportItsScore() {
        assertThat(new Scored(0.7).statsScore()).contains(new Finding.Score("confidence", 0.7));
    }
}
