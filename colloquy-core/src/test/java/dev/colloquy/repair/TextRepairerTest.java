package dev.colloquy.repair;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TextRepairerTest {

    private final TextRepairer repairer = TextRepairer.defaults();

    @ParameterizedTest
    @ValueSource(strings = {
        "NÃO, não é verdade", "AÇÃO E REAÇÃO", "Ağaç ve şişe, İstanbul'da", "Příliš žluťoučký kůň úpěl ďábelské ódy",
        "Tiếng Việt có dấu", "Ελληνικά γράμματα", "Съешь же ещё этих мягких французских булок", "Гёте",
        "Цена: 5 € или 10 €", "x ≤ √π ± ∞", "“curly” ‘quotes’", "全角，標點。", "😀🎬✨💡", "ŻÓŁW", "Ölçü",
        "SELKÄ\u00A0EDELLÄ\u00A0MAAHAN", "TRANSFORMATORIŲ™", "AHÅ™", "(-1/2)! = √π", "OK??:(   `¬´    ):",
        "┌┬┐ box ├┼┤", "Maß·Straße", "Æbleskiver på Ærø", "Þú ert", "ŒUVRE", "ﬁnance", "à la carte",
        // Zero-width non-joiners inside Arabic and Persian words (windows-1256 has them at 0x9D).
        "دي\u200cڤي\u200cدي", "می\u200cخواهم", "नमस्\u200dते",
        // Serbian acronyms whose last three letters spell a complete UTF-8 sequence in cp866 (сБМ = E1 81 8C, a
        // Myanmar sign): a script's own sign appearing out of a clean word of another script is no evidence
        "Компанија ИксБМ је позната", "ИксБМ и ИксКБ", "ИксБМ",
        // the unit кБ twice in a line reads as the same Arabic letter twice in ISO-8859-5 (к = DA, Б = B1: ڱ), and
        // a Bulgarian line with a Latin e typed into a word reads as two Han chars in cp866 (чан, шно): company for
        // each other, not evidence (both from the clean per-script bench texts)
        "avrxmega4 - XMEGA, > 64 кБ, <= 128 кБ FLASH, <= 64 кБ RAM",
        "Прескачанe на знака за подредба на байтовете 💡 “Неуспешно отваряне",
        // тод in the middle of a clean Ukrainian word reads as the arrow ⮤ in cp866 (E2 AE A4), which removes the
        // Cyrillic-Latin join before HTTP
        "Вам слід вказати метод за допомогою параметра --method=МетодHTTP",
        // KOI8-R reads я│ (D1 81) as с: a table's rule glued to a clean word's last letter is no sequence, since no
        // Cyrillic letter of a mis-decoded word stands alone beside it
        "│Имя│Фамилия│", "│ Имя│ Фамилия│ Возраст│",
        "│Ваша│версія│бібліотеки│OpenSSL│є│надто│старою│",
        // Ã’ is Ò (C3 92) in windows-1252, but ’ before a word's last letter or two is an apostrophe: the plural of
        // a letter named as a word (ftfy's negative case 154); a root of π is math, not MacRoman's ù (C3 B9)
        "There are a lot of Ã’s in mojibake text", "(-1/2)! = √π",
        // a letter-symbol pair before a lower-case letter, read as a letter whose case does not fit the word there
        // (ģ between two capitals, a capital İ after a letter), or a symbol after the word (Ä° alone)
        "MÄ£ÄM ÌÑÌ", "XÄ°s", "Ä° C",
    })
    void leavesCorrectTextUnchanged(String text) {
        RepairResult r = repairer.repair(text);
        assertThat(r.text()).isEqualTo(text);
        assertThat(r.repairs()).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "cafÃ© au lait|café au lait",
        "ÐŸÑ€Ð¸Ð²ÐµÑ‚ Ð¼Ð¸Ñ€|Привет мир",
        "doesnâ€™t|doesn’t",
        "Iggy Pop (nÃƒÂ© Jim Osterberg)|Iggy Pop (né Jim Osterberg)",
        "Heyï¼Œå…³|Hey，关",
        // â™ is E2 99, the lead of the Miscellaneous Symbols (♥ ♪ ♫), and √ before a Latin letter MacRoman's C3
        "Engkau masih yg terindah, indah di dalam hatikuâ™«~|Engkau masih yg terindah, indah di dalam hatiku♫~",
        "wei√ü|weiß",
        // ’ is A2 in ISO-8859-7: â (C3 A2) inside a word before its last letter is no apostrophe
        "Il PNG trasformΓ’t al largjece|Il PNG trasformât al largjece",
        // a Latin letter and a symbol inside a word, one 2-byte sequence as the line's only damage (ftfy's 9 and 11)
        "Ä°stanbul|İstanbul",
        "RÄ«ga|Rīga",
        "Ä°stanbul'da bir gÃ¼n|İstanbul'da bir gün",
    })
    void undoesMojibake(String broken, String fixed) {
        assertThat(repairer.repair(broken).text()).isEqualTo(fixed);
    }

    /**
     * Windows-1255 reads » and « (C2 BB, C2 AB) as a Hebrew point before the guillemet: a point with no Hebrew
     * letter to sit on is no text, so the pair is undone even where it is a line's only damage; the same point on
     * a Hebrew letter before a guillemet is pointed Hebrew, and stays.
     */
    @ParameterizedTest
    @ValueSource(strings = {"wilde Spezifikation von »zic_t« zur Laufzeit", "der Wert «%s» ist falsch",
        "»min_wal_size« muss mindestens zweimal so groß sein", "le paramètre « %s » doit être READ_ONLY"})
    void undoesGuillemetsReadAsHebrewPoints(String text) {
        String broken = misread(text, "windows-1255");
        assertThat(broken).contains("\u05B2");
        assertThat(repairer.repair(broken).text()).isEqualTo(text);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Erreur après la lecture de « %s »|IBM866",
            "Datei »%.250s« ist defekt - falsche Anzahl der Teile für angegebene Größen|IBM850",
            "Sicht-Regel für »%s« muss »%s« heißen|IBM850"})
    void decodesTheGuillemetsOfALineItsOtherSequencesProveDamaged(String original, String page) {
        // « and » (C2 AB, C2 BB) are two box-drawing chars under the DOS pages (┬½ ┬╗, ┬л): a pair of symbols that
        // decodes to a symbol clears a higher bar than a letter, but on a line the page's letters prove, a quote
        // that reads no worse than its chars is the rest of the damage
        assertThat(repairer.repair(misread(original, page)).text()).isEqualTo(original);
    }

    /** {@code text} as UTF-8 read back with {@code page}. */
    private static String misread(String text, String page) {
        return new String(text.getBytes(java.nio.charset.StandardCharsets.UTF_8), java.nio.charset.Charset.forName(page));
    }

    /**
     * An emoji whose four bytes all stand as chars the page reads as letters costs nothing in Plausibility
     * (windows-1251 {@code рџ‘Ќ}, cp866 {@code ЁЯСН}, windows-1250 {@code đź‘Ť}), and a strict layer that decoded two
     * emoji leaves the ZWJ between them ({@code ÔÇì} under cp850, {@code ‚Äç} under MacRoman): no clean text spells an
     * emoji's F0 9F and two chars that complete a pictograph.
     */
    @ParameterizedTest(name = "{1}: {0}")
    @CsvSource(delimiter = '|', value = {
            "the object %s is broken 👍|windows-1251",
            "the object %s is broken 💡🙏|windows-1251",
            "the object %s is broken 👍🏽|windows-1251",
            "l'oggetto sciolto %s è corrotto 😂🎸|IBM866",
            "Файл не найден 🙏🎬|IBM866",
            "the object %s is broken 💡|windows-1250",
            "the object %s is broken 👨‍👩‍👧|IBM850",
            "the object %s is broken 🏳️‍🌈📚|IBM850",
            "the object %s is broken 👨‍👩‍👧✈️|x-MacRoman"})
    void decodesAWholeEmojiThePagesLettersHide(String original, String page) {
        assertThat(repairer.repair(misread(original, page)).text()).isEqualTo(original);
    }

    /**
     * What goes on an emoji tells where one stood: ✍🏽 under windows-1252, which drops ✍'s 8D, leaves {@code âœ} glued
     * to the skin tone (œ is a letter, but no word goes on with a skin tone); ☺️ under windows-1251, which drops its
     * 98, leaves {@code вє} glued to the selector's letters {@code пёЏ}, and ❤️ there is whole before its selector.
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "the object %s is broken âœðŸ½|the object %s is broken ✍🏽",
            "the object %s is broken вєпёЏ|the object %s is broken ☺️",
            "the object %s is broken вєпёЏвќ¤пёЏ|the object %s is broken ☺️❤️"})
    void restoresAnEmojiBesideWhatGoesOnIt(String damaged, String original) {
        assertThat(repairer.repair(damaged).text()).isEqualTo(original);
    }

    @Test
    void leavesAWordThatSpellsAnEmojisBytesInsideIt() {
        // cp866 reads ЁЯСН as 👍's four bytes, but glued inside a word of capitals (each a continuation byte there)
        // it stands where no emoji does
        String text = "ПРИВЕТЁЯСНМИР и всё";
        assertThat(repairer.repair(text).text()).isEqualTo(text);
    }

    @Test
    void leavesABoxDrawingPairThatOnlyReadsAsAGuillemet() {
        // nothing else on the line is mojibake: ┬╗ stays what it is
        String text = "Tabelle ┬╗ Spalte ┬½ Zeile";
        assertThat(repairer.repair(text).text()).isEqualTo(text);
    }

    /**
     * Two pages can decode a line's sequences to text that Plausibility rates alike, differing only in letters
     * (ISO-8859-2 reads Hungarian {@code ĂĄ} as á where windows-1250 reads å, and {@code Ăź} as ü where it reads ß):
     * the character model, which knows the line's language, decides before the more common page does.
     */
    @ParameterizedTest(name = "{1}: {0}")
    @CsvSource(delimiter = '|', value = {
        "Átváltás a fenti munkaterületre|ISO-8859-2",
        "Zbyt dużo plików|ISO-8859-2",
        "Il file non è stato trovato|ISO-8859-15",
        "Programa žaidimo žymėjimas|IBM850",
    })
    void readsALineUnderThePageWhoseLettersMakeItsLanguage(String text, String page) {
        assertThat(repairer.repair(misread(text, page)).text()).isEqualTo(text);
    }

    @Test
    void leavesAPointedHebrewLetterBeforeAGuillemet() {
        String text = "המילה «אֲ» קצרה";
        assertThat(repairer.repair(text).text()).isEqualTo(text);
        assertThat(repairer.repair(text).repairs()).isEmpty();
    }

    @Test
    void explainsEachRepairWithCodePointSpans() {
        RepairResult r = repairer.repair("😀 cafÃ©");
        assertThat(r.repairs()).singleElement().satisfies(x -> {
            assertThat(x.kind()).isEqualTo("mojibake");
            assertThat(x.inputStart()).isEqualTo(5);
            assertThat(x.inputEnd()).isEqualTo(7);
            assertThat(x.outputStart()).isEqualTo(5);
            assertThat(x.outputEnd()).isEqualTo(6);
            assertThat(x.before()).isEqualTo("Ã©");
            assertThat(x.after()).isEqualTo("é");
            assertThat(x.chain()).isEqualTo("utf-8 read as windows-1252");
            assertThat(x.type()).isEqualTo("mojibake_repaired");
        });
    }

    @Test
    void explainsTwoLayersAsOneRepairWithTheWholeChain() {
        RepairResult r = repairer.repair("nÃƒÂ©");
        assertThat(r.text()).isEqualTo("né");
        assertThat(r.repairs()).singleElement().satisfies(x -> {
            assertThat(x.before()).isEqualTo("Ãƒâ©".replace("â", "Â"));
            assertThat(x.chain()).isEqualTo("utf-8 read as windows-1252, then as windows-1252");
        });
    }

    @Test
    void turnsC1ControlsIntoWindows1252Punctuation() {
        RepairResult r = repairer.repair("It\u0092s");
        assertThat(r.text()).isEqualTo("It’s");
        assertThat(r.repairs()).singleElement().satisfies(x -> assertThat(x.kind()).isEqualTo("c1_controls"));
    }

    @Test
    void decodesBytesThatAreNotUtf8() {
        RepairResult r = repairer.repairBytes("Größe und Maß für die Straße".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        assertThat(r.text()).isEqualTo("Größe und Maß für die Straße");
        assertThat(r.repairs().get(0).kind()).isEqualTo("charset_detected");
    }

    @Test
    void offersNonEncodingCleanUpsOnlyWhenAsked() {
        TextRepairer extras = TextRepairer.builder().uncurlQuotes(true).fullwidthToAscii(true).unescapeHtml(true).build();
        assertThat(extras.repair("“ＡＢ” &amp; cafÃ©").text()).isEqualTo("\"AB\" & café");
        assertThat(repairer.repair("“ＡＢ” &amp;").text()).isEqualTo("“ＡＢ” &amp;");
    }
}
