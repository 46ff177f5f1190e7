package dev.colloquy.repair;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

class LossyUtf8DecoderTest {

    private static final CharLikelihood MODEL = CharLikelihood.standard();
    private static final Charset CP1254 = Charset.forName("windows-1254");
    /** Sentences per locale in the code-page table (the fixture has 24; 6 keeps the test quick). */
    private static final int SENTENCES_PER_LOCALE = 6;

    /** What a tool did to UTF-8 read as {@code codePage}: undefined bytes and 0xAD dropped, 0xA0 made 0x20. */
    static byte[] mangle(String text, Charset codePage) {
        List<Integer> undefined = DroppedBytes.undefinedBytes(codePage);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte value : text.getBytes(StandardCharsets.UTF_8)) {
            int b = value & 0xFF;
            if (undefined.contains(b) || b == 0xAD) {
                continue;
            }
            out.write(b == 0xA0 ? 0x20 : b);
        }
        return out.toByteArray();
    }

    private static String decode(String original, Charset codePage, String before, String after) {
        return LossyUtf8Decoder.decode(mangle(original, codePage), DroppedBytes.of(codePage), MODEL, before, after)
                .orElseThrow().text();
    }

    @Test
    void restoresChineseWhoseLastByteWindows1254Dropped() {
        byte[] bytes = "å…³äº".getBytes(CP1254);

        LossyDecoding decoding = LossyUtf8Decoder.decode(bytes, DroppedBytes.of(CP1254), MODEL,
                "[A]: Hey，", "'你相信soulmate存在吗？'这个话题，你怎么想的？").orElseThrow();

        assertThat(decoding.text()).isEqualTo("关于");
        assertThat(decoding.bytesRestored()).isEqualTo(1);
    }

    @Test
    void restoresTheSeedsChineseLineWithEveryLostByteAndNoBreakSpace() {
        String original = "[A]: Hey，关于'你相信soulmate存在吗？'这个话题，你怎么想的？";
        byte[] bytes = "[A]: Heyï¼Œå…³äº'ä½ ç›¸ä¿¡soulmateå˜åœ¨å—ï¼Ÿ'è¿™ä¸ªè¯é¢˜ï¼Œä½ æ€ä¹ˆæƒ³çš„ï¼Ÿ"
                .getBytes(CP1254);

        LossyDecoding decoding = LossyUtf8Decoder.decode(bytes, DroppedBytes.of(CP1254), MODEL).orElseThrow();

        assertThat(decoding.text()).isEqualTo(original);
        assertThat(decoding.bytesRestored()).as("于 存 吗 话 怎 and two no-break spaces").isEqualTo(7);
    }

    @Test
    void restoresClapperBoardEmojiAndReportsTheTieWithOtherEmoji() {
        byte[] bytes = "ğŸ¬".getBytes(CP1254);
        DroppedBytes seedDamage = DroppedBytes.of(true, 0x8E, 0x8F, 0x90, 0x9D, 0x9E, 0xAD);

        LossyDecoding decoding = LossyUtf8Decoder.decode(bytes, seedDamage, MODEL,
                "Now, if you ever decide to write that screenplay about AI ethics... call me. I’ll produce it.\n\n",
                "").orElseThrow();

        assertThat(decoding.text()).isEqualTo("🎬");
        assertThat(decoding.alternatives()).extracting(LossyDecoding.Alternative::text).contains("🏬", "🐬");
        assertThat(decoding.confidence()).isLessThan(0.5);
    }

    @Test
    void restoresClosingQuoteAfterOpeningQuote() {
        byte[] bytes = "â€".getBytes(CP1254);

        LossyDecoding decoding = LossyUtf8Decoder.decode(bytes, DroppedBytes.of(CP1254), MODEL,
                "told me something I never forgot: “Love isn’t found, Michael. It’s built—frame by frame.",
                " And honestly, the more I watched").orElseThrow();

        assertThat(decoding.text()).isEqualTo("”");
        assertThat(decoding.confidence()).isGreaterThan(0.5);
    }

    @Test
    void turnsSpaceBackIntoNoBreakSpaceInsideSequence() {
        assertThat(decode("Voilà le résultat", Charset.forName("windows-1252"), "", "")).isEqualTo("Voilà le résultat");
    }

    @Test
    void leavesValidUtf8Unchanged() {
        String text = "Größe: 5 €, “quoted” — 日本語 🎬";

        LossyDecoding decoding = LossyUtf8Decoder.decode(text.getBytes(StandardCharsets.UTF_8),
                DroppedBytes.of(CP1254), MODEL).orElseThrow();

        assertThat(decoding.text()).isEqualTo(text);
        assertThat(decoding.bytesRestored()).isZero();
    }

    @Test
    void returnsEmptyWhenNoFillingMakesValidUtf8() {
        byte[] orphan = {'a', (byte) 0x85, 'b'};

        assertThat(LossyUtf8Decoder.decode(orphan, DroppedBytes.of(CP1254), MODEL)).isEmpty();
    }

    /** Floors: the measured whole-sentence restoration rate (docs/lossy.md) less about 0.08. */
    @ParameterizedTest(name = "{0} (floor {1})")
    @CsvSource({"windows-1250, 0.54", "windows-1251, 0.90", "windows-1252, 0.64", "windows-1253, 0.35",
            "windows-1254, 0.58", "windows-1255, 0.38", "windows-1256, 0.90", "windows-1257, 0.45",
            "windows-1258, 0.53"})
    void restoresRealMultilingualSentencesAfterBytesWereDropped(String codePageName, double floor) {
        Charset codePage = Charset.forName(codePageName);
        Map<String, int[]> byLocale = new TreeMap<>();
        int damaged = 0;
        int restored = 0;
        Map<String, Integer> perLocale = new TreeMap<>();
        for (MultilingualSentences s : MultilingualSentences.load()) {
            if (perLocale.merge(s.locale(), 1, Integer::sum) > SENTENCES_PER_LOCALE) {
                continue;
            }
            byte[] mangled = mangle(s.text(), codePage);
            if (mangled.length == s.text().getBytes(StandardCharsets.UTF_8).length
                    && new String(mangled, StandardCharsets.UTF_8).equals(s.text())) {
                continue;
            }
            damaged++;
            String decoded = LossyUtf8Decoder.decode(mangled, DroppedBytes.of(codePage), MODEL)
                    .map(LossyDecoding::text).orElse("");
            int[] counts = byLocale.computeIfAbsent(s.locale(), l -> new int[2]);
            counts[1]++;
            if (decoded.equals(s.text())) {
                restored++;
                counts[0]++;
            }
        }
        StringBuilder table = new StringBuilder(codePageName).append(": ");
        byLocale.forEach((locale, c) -> table.append(String.format(Locale.ROOT, "%s %d/%d  ", locale, c[0], c[1])));
        double rate = damaged == 0 ? 1 : (double) restored / damaged;
        System.out.printf(Locale.ROOT, "%s%n  restored %d/%d damaged sentences = %.3f%n", table, restored, damaged, rate);
        assertThat(rate).as(table.toString()).isGreaterThanOrEqualTo(floor);
    }
}
