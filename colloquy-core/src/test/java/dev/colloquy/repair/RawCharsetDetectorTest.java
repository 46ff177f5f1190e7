package dev.colloquy.repair;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class RawCharsetDetectorTest {

    private static final RawCharsetDetector DETECTOR = new RawCharsetDetector(CharLikelihood.standard());
    /** Of the fixture's 24 per locale: enough for a rate, quick enough for every build. */
    private static final int SENTENCES_PER_LOCALE = 12;

    @ParameterizedTest(name = "{1} sentences in {0}")
    @CsvSource({
            "GBK, zh_CN, 0.95",
            "Big5, zh_TW, 0.95",
            "Shift_JIS, ja, 0.95",
            "EUC-KR, ko, 0.95",
            "windows-1251, ru uk bg sr, 0.95",
            "windows-1252, fr es de pt_BR it sv da fi nl, 0.9",
    })
    void detectsAndDecodesRealSentencesLineByLine(String charsetName, String locales, double floor) {
        Charset charset = Charset.forName(charsetName);
        Set<String> wanted = Set.of(locales.split(" "));
        List<String> failures = new ArrayList<>();
        Map<String, Integer> perLocale = new HashMap<>();
        int total = 0;
        for (MultilingualSentences s : MultilingualSentences.load()) {
            CharsetEncoder encoder = charset.newEncoder();
            if (!wanted.contains(s.locale()) || !encoder.canEncode(s.text())
                    || perLocale.merge(s.locale(), 1, Integer::sum) > SENTENCES_PER_LOCALE) {
                continue;
            }
            byte[] bytes = s.text().getBytes(charset);
            if (new String(bytes, StandardCharsets.US_ASCII).equals(s.text())) {
                continue;
            }
            total++;
            RawCharsetDetector.Detection detection = DETECTOR.detect(bytes).orElseThrow();
            if (!detection.text().equals(s.text())) {
                failures.add(detection.charset() + ": " + detection.text());
            }
        }
        double rate = 1 - (double) failures.size() / total;
        System.out.printf(Locale.ROOT, "raw %s (%s): %d/%d decoded exactly = %.3f%n", charsetName, locales,
                total - failures.size(), total, rate);
        assertThat(total).isGreaterThan(5);
        assertThat(rate).as("misdetected: %s", failures).isGreaterThanOrEqualTo(floor);
    }

    @Test
    void detectsWholeMixedScriptFileInGbk() {
        String text = "[A]: 你好，关于这个话题，你怎么想的？\n[B]: 我觉得这是一个很好的问题。\n";

        RawCharsetDetector.Detection detection = DETECTOR.detect(text.getBytes(Charset.forName("GBK"))).orElseThrow();

        assertThat(detection.text()).isEqualTo(text);
        assertThat(detection.charset()).isIn("GBK", "GB18030");
        assertThat(detection.confidence()).isBetween(0.5, 1.0);
    }

    @Test
    void reportsValidUtf8AsUtf8() {
        String text = "Größe: 5 €";

        assertThat(DETECTOR.detect(text.getBytes(StandardCharsets.UTF_8)).orElseThrow().charset()).isEqualTo("UTF-8");
    }
}
