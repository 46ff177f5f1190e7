package dev.colloquy.step;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TurnAnalysesTest {

    /** An analysis that writes down every text it is made of. */
    private static final class Recorded implements TurnAnalysis<Integer> {
        final List<String> made = new ArrayList<>();

        @Override
        public Integer of(String text) {
            made.add(text);
            return text.length();
        }
    }

    @Test
    void makesEachAnalysisOfATextOnceHoweverManyStepsAskForIt() {
        Recorded length = new Recorded();
        TurnAnalyses analyses = new TurnAnalyses();
        for (int step = 0; step < 3; step++) {
            assertThat(analyses.of(length, "hello")).isEqualTo(5);
            assertThat(analyses.of(length, "world!")).isEqualTo(6);
        }
        assertThat(length.made).containsExactly("hello", "world!");
    }

    @Test
    void readsAnEqualTextAsTheSameText() {
        Recorded length = new Recorded();
        TurnAnalyses analyses = new TurnAnalyses();
        analyses.of(length, "hello");
        analyses.of(length, new StringBuilder("hel").append("lo").toString());
        assertThat(length.made).containsExactly("hello");
    }

    @Test
    void makesTheAnalysisOfAChangedTextAnew() {
        Recorded length = new Recorded();
        TurnAnalyses analyses = new TurnAnalyses();
        assertThat(analyses.of(length, "call me at 555-0100")).isEqualTo(19);
        assertThat(analyses.of(length, "call me at [PHONE]")).isEqualTo(18);
        assertThat(length.made).containsExactly("call me at 555-0100", "call me at [PHONE]");
    }

    @Test
    void keepsTwoAnalysesOfOneTextApart() {
        Recorded a = new Recorded();
        TurnAnalysis<String> upper = text -> text.toUpperCase(java.util.Locale.ROOT);
        TurnAnalyses analyses = new TurnAnalyses();
        assertThat(analyses.of(a, "hi")).isEqualTo(2);
        assertThat(analyses.of(upper, "hi")).isEqualTo("HI");
        assertThat(analyses.of(a, "hi")).isEqualTo(2);
        assertThat(a.made).containsExactly("hi");
    }
}
