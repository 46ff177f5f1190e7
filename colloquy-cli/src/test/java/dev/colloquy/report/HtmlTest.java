package dev.colloquy.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HtmlTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "<b>bold</b>|&lt;b&gt;bold&lt;/b&gt;",
        "a & b|a &amp; b",
        "say \"hi\"|say &quot;hi&quot;",
        "it's|it&#39;s",
        "café 中文 🎬|café 中文 🎬",
    })
    void escapesMarkupAndKeepsTheRest(String in, String out) {
        assertThat(Html.text(in)).isEqualTo(out);
    }

    @ParameterizedTest
    @CsvSource({"0081,U+0081", "0007,U+0007", "009D,U+009D"})
    void showsControlCharactersAsBadges(String hex, String badge) {
        String c = Character.toString(Integer.parseInt(hex, 16));

        assertThat(Html.text("a" + c + "b")).isEqualTo("a<span class=\"cc\">" + badge + "</span>b");
    }

    @ParameterizedTest
    @CsvSource({"abcdef,3,abc…", "abc,3,abc", "🎬🎬🎬🎬,2,🎬🎬…"})
    void clipsByCodePoints(String in, int max, String out) {
        assertThat(Html.clip(in, max)).isEqualTo(out);
    }
}
