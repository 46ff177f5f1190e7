package dev.colloquy.repair;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The gate's shortcuts clear only what the full computation would clear: a char pair told quiet by class costs
 * nothing in every term, a capital inside a word is a lossy-only place only where the filler could make a
 * lower-case letter of it, and the bound leaves out only gains no accepted edit can carry.
 */
class GateShortcutsTest {

    private static final TextRepairer ENGINE = TextRepairer.defaults();
    /** ASCII, guillemets and a combining mark, to put between the chars of a code page. */
    private static final String OTHERS = " a.Z«»\u0301";

    /** Whether some term of the Plausibility cost that ends at {@code cp} is above 0, asked term by term. */
    private static boolean anyTermAbove0(int prev2, int prev, int cp) {
        if (Plausibility.charCost(cp) > 0) {
            return true;
        }
        if (prev < 0) {
            int type = Character.getType(cp);
            return type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK;
        }
        return Plausibility.pairCost(prev, cp) > 0 || Plausibility.tripleCost(prev2, prev, cp) > 0;
    }

    @Test
    void aPairToldQuietByClassCostsNothingInAnyTerm() {
        int[] before = {-1, 'A', 'a', '1', 0x410, 0x430, 0x391, 0xC0, 0x2160, 0x2170};
        List<String> wrong = new ArrayList<>();
        // every pair of the Latin, Greek, Cyrillic, Armenian, Hebrew and Arabic blocks and general punctuation
        for (int prev = -1; prev < 0x700; prev++) {
            for (int cp = 0; cp < 0x700; cp++) {
                checkQuiet(before[Math.floorMod(prev + cp, before.length)], prev, cp, wrong);
                checkQuiet(before[Math.floorMod(prev * 7 + cp, before.length)], prev, 0x2000 + cp % 0x200, wrong);
            }
        }
        Random random = new Random(20261207L);
        for (int i = 0; i < 2_000_000; i++) {
            int prev = random.nextInt(8) == 0 ? -1 : random.nextInt(0x10000);
            checkQuiet(random.nextBoolean() ? before[random.nextInt(before.length)] : random.nextInt(0x10000), prev,
                    random.nextInt(0x10000), wrong);
        }
        assertThat(wrong).as("pairs told quiet whose terms cost something").isEmpty();
    }

    private static void checkQuiet(int prev2, int prev, int cp, List<String> wrong) {
        if (Plausibility.quietPair(prev, cp) && anyTermAbove0(prev2, prev, cp) && wrong.size() < 20) {
            wrong.add(String.format("U+%04X U+%04X U+%04X", prev2, prev, cp));
        }
    }

    @Test
    void runWordsFindANoisyPairExactlyWhereTheQuietClassesDo() {
        // MojibakeScan.quietRun tells a run's pairs from their run words without a branch: a class that is not
        // quiet, a lower-case char before an upper-case one, letters of two alphabets
        java.util.Set<Integer> classes = new java.util.TreeSet<>();
        for (char c = 0; c < 0xFFFF; c++) {
            classes.add(Plausibility.quietClass(c));
        }
        classes.add(Plausibility.LINE_START);
        List<String> wrong = new ArrayList<>();
        for (int a : classes) {
            int wa = Plausibility.runWord(a);
            for (int b : classes) {
                int wb = Plausibility.runWord(b);
                boolean noisy = (~wa & Plausibility.RUN_QUIET) != 0 || (~wb & Plausibility.RUN_QUIET) != 0
                        || (wa & wb >>> 1 & Plausibility.RUN_LOWER) != 0 || Plausibility.manyAlphabets(wa | wb);
                if (noisy == Plausibility.quietClasses(a, b) && wrong.size() < 20) {
                    wrong.add(Integer.toHexString(a) + " " + Integer.toHexString(b));
                }
            }
            // the line's start reads as "no char before" does
            assertThat(Plausibility.quietClasses(Plausibility.LINE_START, a)).isEqualTo(Plausibility.quietClasses(Plausibility.NO_CHAR, a));
        }
        assertThat(classes).hasSizeGreaterThan(10);
        assertThat(wrong).as("class pairs the run words judge otherwise").isEmpty();
        assertThat(Plausibility.isQuietLetter(Plausibility.LINE_START)).isFalse();
    }

    @Test
    void aRunTheQuietPassClearsIsOneTheCharByCharPassFindsNothingInOnRandomLines() {
        // MojibakeScan.quietRun clears a run of non-ASCII chars in one pass; scanRun, char by char, must then find
        // no trace and no costly page there, and the same complete pages. Lines of one alphabet clear most often;
        // the other chars put traces, lossy-only places, E2 and F0 places and noisy pairs among them
        String[] alphabets = {
                "абвгдежзийклмнопрстуфхцчшщъыьэюяёАБВГДЕЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯЁіїєґІЇЄҐ",
                "αβγδεζηθικλμνξοπρστυφχψωάέήίόύώϊϋΐΰςΑΒΓΔΕΖΗΘΙΚΛΜΝΞΟΠΡΣΤΥΦΧΨΩ",
                "àáâãäåæçèéêëìíîïðñòóôõöøùúûüýþÿßÀÁÂÃÄÅÆÇÈÉÊËÌÍÎÏÐÑÒÓÔÕÖØÙÚÛÜÝÞąćęłńśźżčďěňřšťůžőű",
                "אבגדהוזחטיכלמנסעפצקרשתךםןףץابتثجحخدذرزسشصضطظعغفقكلمنهوي",
        };
        String others = "€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ¡¢£¤¥¦§¨©ª«¬®¯°±²³´µ¶·¸¹º»¼½¾¿×÷░▒▓│┤╡╢╖╕╣║╗╝╜╛┐└┴┬├─┼"
                + "ÐÑÒ€™ðŸ\u00A0\u0301\u0085\uFFFD❤✨中한ªºⓐˢ";
        String ascii = " a.Z1  z-";
        Random random = new Random(20261207L);
        List<String> wrong = new ArrayList<>();
        int quiet = 0;
        int loud = 0;
        for (int i = 0; i < 200_000 && wrong.size() < 20; i++) {
            String text = randomLine(random, alphabets[random.nextInt(alphabets.length)], others, ascii, 2, 24);
            char[] cs = text.toCharArray();
            for (int s = 0; s < cs.length; s++) {
                if (cs[s] < 0x80 || s > 0 && cs[s - 1] >= 0x80) {
                    continue;
                }
                int before = s > 0 ? MojibakeScan.quietClass(cs[s - 1]) : Plausibility.LINE_START;
                long starts = s > 0 ? MojibakeScan.asciiStarts(cs[s - 1]) : 0;
                MojibakeScan.Second full = new MojibakeScan.Second();
                int e = s;
                while (e < cs.length && cs[e] >= 0x80) {
                    e++;
                }
                boolean trace = MojibakeScan.scanRun(text, cs, s, e, before, starts, new MojibakeScan.EmojiMemo(), full);
                // after scanRun, which fills the memo of quiet classes the quiet pass reads
                long cleared = MojibakeScan.quietRun(cs, s, starts, new MojibakeScan.Second());
                if (cleared < 0) {
                    loud++;
                } else {
                    quiet++;
                    if ((trace || full.costly != 0 || full.complete != (int) cleared) && wrong.size() < 20) {
                        wrong.add(text.substring(s, e) + (trace ? " trace" : " costly " + full.costly));
                    }
                }
            }
        }
        assertThat(wrong).as("runs cleared that the char by char pass would not").isEmpty();
        assertThat(quiet).as("runs the quiet pass clears").isGreaterThan(20_000);
        assertThat(loud).as("runs it leaves to scanRun").isGreaterThan(20_000);
    }

    @Test
    void theFirstPassDecidesEveryLineAsTheSecondPassDoesOverTheWholeLine() {
        // the first pass steps over chars that ask nothing (FIRST_PASS) and reads its state back where one asks; the
        // second pass from the line's first non-ASCII char walks every char with the full bookkeeping, and finds the
        // same traces, complete pages and pages to bound (a run with no complete sequence adds none)
        String[] alphabets = {
            "абвгдежзийклмнопрстуфхцчшщъыьэюяАБВГДЕЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯёЁіїєґІЇЄҐ",
            "αβγδεζηθικλμνξοπρστυφχψωάέήίόύώΑΒΓΔΕΖΗΘΙΚΛΜΝΞΟΠΡΣΤΥΦΧΨΩΆΈΉΊΌΎΏ",
            "ابتثجحخدذرزسشصضطظعغفقكلمنهويپچژگ،؛؟",
            "àáâãäåæçèéêëìíîïðñòóôõöøùúûüýþÿÀÁÂÃÄÅÆÇÈÉÊËÌÍÎÏÐÑÒÓÔÕÖØÙÚÛÜÝÞßŁłŃńŚśŹźŻżĆćĘęĄąŒœŠšŽžŸƒğıİşŞĞ",
            "אבגדהוזחטיכלמנסעפצקרשתםןףךץ\u05B8\u05B7",
        };
        String others = "€‚„…†‡ˆ‰‹‘’“”•–—˜™›¡¢£¤¥¦§¨©ª«¬®¯°±²³´µ¶·¸¹º»¼½¾¿\u00A0\u00AD│┤╡╢╖╕╣║╗╝┐└┴┬├─┼░▒▓"
                + "ÐÑÒðŸ中한ไहि😀🎬✨❤\uFE0F\u200D\u0081\u009F\uFFFD";
        String ascii = " a.Z1  z-%s";
        Random random = new Random(20261208L);
        List<String> wrong = new ArrayList<>();
        int traces = 0;
        int complete = 0;
        for (int i = 0; i < 300_000 && wrong.size() < 20; i++) {
            // emoji halves too: a lone surrogate is a char the gate reads like any other
            String text = randomLine(random, alphabets[random.nextInt(alphabets.length)], others, ascii, 6, 30);
            char[] cs = text.toCharArray();
            int from = 0;
            while (from < cs.length && cs[from] < 0x80) {
                from++;
            }
            long whole = MojibakeScan.scanFrom(text, cs, from, null);
            int expectedComplete = whole == -1 ? -1 : (int) (whole >>> 32);
            int actualComplete = MojibakeScan.completeSequencePages(text);
            traces += whole == -1 ? 1 : 0;
            complete += expectedComplete > 0 ? 1 : 0;
            if (actualComplete != expectedComplete || whole != -1 && MojibakeScan.pagesToBound(text) != (int) whole) {
                wrong.add(text + " complete " + actualComplete + " expected " + expectedComplete);
            }
        }
        assertThat(wrong).as("lines the first pass decides otherwise").isEmpty();
        assertThat(traces).as("lines with a trace").isGreaterThan(20_000);
        assertThat(complete).as("lines with a complete sequence").isGreaterThan(20_000);
    }

    @Test
    void theCyrillicTableAnswersAsTheQuietPassOnRandomRuns() {
        // CyrillicRuns clears a run of Cyrillic with one table load per char; its answer (quiet or not, the complete
        // pages, the run's end) must be quietRun's for every run of the chars it reads, and a run holding another
        // char must be left to quietRun. Words of Russian and Ukrainian letters of both cases, with the punctuation
        // the table reads, chars it does not, and the ASCII chars that start and end runs (any printable one)
        StringBuilder letters = new StringBuilder();
        for (char c = 0x400; c < 0x460; c++) {
            letters.append(c);
        }
        String common = "абвгдежзийклмнопрстуфхцчшщъыьэюяіїєґ";
        String read = "\u0490\u0491\u00A0\u2013\u2014\u2018\u2019\u201C\u201D\u201E\u2026\u2116";
        String unread = "«»\u0301éЀ₴∙ѣ";
        String ascii = " a.Z1  z-%";
        Random random = new Random(20261207L);
        List<String> wrong = new ArrayList<>();
        int quiet = 0;
        int loud = 0;
        int left = 0;
        for (int i = 0; i < 300_000 && wrong.size() < 20; i++) {
            StringBuilder line = new StringBuilder();
            int length = 1 + random.nextInt(30);
            int mix = random.nextInt(4);
            for (int k = 0; k < length; k++) {
                int pick = random.nextInt(100);
                line.append(pick < 8 ? (random.nextBoolean() ? ascii.charAt(random.nextInt(ascii.length()))
                                : (char) (0x20 + random.nextInt(0x5F)))
                        : pick < 8 + mix ? unread.charAt(random.nextInt(unread.length()))
                        : pick < 10 + 2 * mix ? read.charAt(random.nextInt(read.length()))
                        : pick < 70 ? common.charAt(random.nextInt(common.length()))
                        : letters.charAt(random.nextInt(letters.length())));
            }
            char[] cs = line.toString().toCharArray();
            for (char c : cs) {
                // the memo of run words quietRun reads, filled as the table's are
                MojibakeScan.runWord(c);
            }
            for (int s = 0; s < cs.length; s++) {
                if (cs[s] < 0x80 || s > 0 && cs[s - 1] >= 0x80 || !CyrillicRuns.reads(cs[s])) {
                    continue;
                }
                long starts = s > 0 ? MojibakeScan.asciiStarts(cs[s - 1]) : 0;
                MojibakeScan.Second full = new MojibakeScan.Second();
                long expected = MojibakeScan.quietRun(cs, s, starts, full);
                MojibakeScan.Second table = new MojibakeScan.Second();
                long answer = CyrillicRuns.quietRun(cs, s, table);
                if (answer == CyrillicRuns.UNREAD) {
                    left++;
                    boolean holdsUnread = false;
                    for (int k = s; k < full.end; k++) {
                        holdsUnread |= !CyrillicRuns.reads(cs[k]);
                    }
                    if (!holdsUnread) {
                        wrong.add(new String(cs, s, full.end - s) + " left to quietRun");
                    }
                } else if (answer != expected || table.end != full.end) {
                    wrong.add(new String(cs, s, full.end - s) + ": " + answer + " where quietRun gives " + expected);
                } else if (answer < 0) {
                    loud++;
                } else {
                    quiet++;
                }
            }
        }
        assertThat(wrong).as("runs the table judges otherwise than quietRun").isEmpty();
        assertThat(quiet).as("runs the table clears").isGreaterThan(30_000);
        assertThat(loud).as("runs it finds not quiet").isGreaterThan(30_000);
        assertThat(left).as("runs it leaves to quietRun").isGreaterThan(10_000);
    }

    @Test
    void aRunWordCallsALetterOnlyWhatIsOne() {
        // quietRun's E2 rules: after a letter an E2 is no emoji's place; before a letter that is no capital neither
        // (cutEmojiPages asks Character.isLetter and isUpperCase)
        for (char c = 0; c < 0xFFFF; c++) {
            int w = Plausibility.runWord(Plausibility.quietClass(c));
            if ((w & Plausibility.RUN_LETTER) != 0) {
                assertThat(Character.isLetter(c)).as("U+%04X", (int) c).isTrue();
            }
            if ((w & Plausibility.RUN_LETTER_NOT_UPPER) != 0) {
                assertThat(Character.isLetter(c) && !Character.isUpperCase(c)).as("U+%04X", (int) c).isTrue();
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {
            // Ν (windows-1253 CD) is a lower-case Greek letter only with B1..BD, which neither Greek page drops
            "Νήσος Χερντ και Νήσοι ΜακΝτόναλντ",
            // cp866 reads clean Russian as touching chance sequences: ъек is the Hangul-block ꥪ, тов the arrow ⮢,
            // and тов only looks better beside ꥪ, which never looks better itself
            "Перечисление объектов", "не добавлять, только обновить индекс",
            "система БД готова принимать подключения в режиме \"только чтение\"",
            // в… is E2 85 under windows-1251, where an emoji may stand cut short; but E2 85 xx and E2 xx 85 with a
            // byte windows-1251 drops make no emoji, and the line holds none
            "Використовувати світлодіод для показу модифікаторів… Зображення має нульову висоту…",
    })
    void theGateProvesTheseCleanLinesCleanAndTheSlowPathAgrees(String clean) {
        assertThat(MojibakeScan.mayHoldMojibake(clean)).isFalse();
        RepairResult slow = ENGINE.repairSlow(clean, null);
        assertThat(slow.text()).isEqualTo(clean);
        assertThat(slow.repairs()).isEmpty();
    }

    @Test
    void theBoundLeavesOutAGainThatOnlyANeighbourNeverKeptCouldGive() {
        int[] cps = MojibakeScan.codePoints("Перечисление объектов");
        LayerDecoder cp866 = new LayerDecoder(TestCodePages.byName("cp866"), null);

        assertThat(cp866.strictEvidenceBound(cps)).isLessThan(TextRepairer.STRICT_EVIDENCE)
                .isGreaterThanOrEqualTo(TextRepairer.strictEvidence(cp866.decode(cps, false)));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            // рек is ४ (best -4.5: never kept after the first round), and тна (⭠) gains 2.0 only beside it
            "cp866|Некоректна максимальна кількість аргументів (%u) функції %s",
            "cp866|необходимо задать имя старейшего сохраняемого файла WAL",
            // ді is the Latin Ħ, an alphabet neither лі's decoding (a combining comma) nor its letters have
            "koi8-u|%X%P: у особливому розділі %s не передбачено підтримки пересування %s для набору %s",
    })
    void theBoundLeavesOutTheContextsOfANeighbourDecodeDropsAfterItsFirstRound(String pageName, String clean) {
        int[] cps = MojibakeScan.codePoints(clean);
        LayerDecoder decoder = new LayerDecoder(TestCodePages.byName(pageName), null);

        assertThat(decoder.strictEvidenceBound(cps)).isLessThan(TextRepairer.STRICT_EVIDENCE)
                .isGreaterThanOrEqualTo(TextRepairer.strictEvidence(decoder.decode(cps, false)));
    }

    @Test
    void theBoundStaysAboveTheStrictEvidenceOnRandomWordsOfOneAlphabetUnderEveryPage() {
        // words of one alphabet, packed tight, make the chains of touching chance sequences whose first round alone
        // may reach LOSSY_EVIDENCE; Latin with punctuation makes clear decodings beside dead ones
        String[] alphabets = {
                "абвгдежзийклмнопрстуфхцчшщъыьэюяёАБВГДЕЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯЁіїєґІЇЄҐ",
                "αβγδεζηθικλμνξοπρστυφχψωάέήίόύώϊϋΐΰςΑΒΓΔΕΖΗΘΙΚΛΜΝΞΟΠΡΣΤΥΦΧΨΩ",
                "אבגדהוזחטיכלמנסעפצקרשתךםןףץ",
                "àáâãäåæçèéêëìíîïðñòóôõöøùúûüýþÿÀÁÂÃÄÅÆÇÈÉÊËÌÍÎÏÐÑÒÓÔÕÖØÙÚÛÜÝÞŸœŒšŠžŽłŁőŐűŰăĂşŞ€™“”‘’–—…•",
        };
        Random random = new Random(20261208L);
        List<String> wrong = new ArrayList<>();
        for (int i = 0; i < 20_000 && wrong.size() < 20; i++) {
            String line = randomWords(random, alphabets, 6);
            int[] cps = MojibakeScan.codePoints(line);
            for (CodePage page : CodePages.ALL) {
                LayerDecoder decoder = new LayerDecoder(page, null);
                double bound = decoder.strictEvidenceBound(cps);
                double evidence = TextRepairer.strictEvidence(decoder.decode(cps, false));
                if (evidence > bound + 1e-9) {
                    wrong.add(page.name() + ": " + line + " bound " + bound + " evidence " + evidence);
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            // cp866 reads рек and тив as touching chance sequences (U+096A, U+2A22): each looks better beside the
            // other's decoding, but neither can pass MARGIN, so the bound counts neither
            "директива .ent не имеет имени", "неправильный формат директивы .dim", "группа %lu (действительная %lu)",
            "Перечисление объектов",
    })
    void aChainOfTouchingSequencesIsSkippedWhenNoneOfThemCanPassMargin(String clean) {
        int[] cps = MojibakeScan.codePoints(clean);
        int cp866 = 1 << TestCodePages.byName("cp866").index();

        assertThat(MojibakeScan.completeSequencePages(clean) & cp866).isNotZero();
        assertThat(MojibakeScan.pagesToBound(clean) & cp866).isZero();
        assertThat(new LayerDecoder(TestCodePages.byName("cp866"), null).strictEvidenceBound(cps)).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            // cp866 reads рек as the Devanagari digit ४ and тни, тво, рен as symbols and digits: each ends a chain
            // inside a word, beside a letter no candidate holds, and pays LayerDecoder.wordInterior in every context
            "Некоректний накопичувальний регістр.", "Помилка під час перетворення: %s",
            "Некоректний аргумент параметра --mach: %s",
    })
    void aChainIsSkippedWhenItsEndsPayForASymbolReadOutOfAWord(String clean) {
        int[] cps = MojibakeScan.codePoints(clean);
        int cp866 = 1 << TestCodePages.byName("cp866").index();

        assertThat(MojibakeScan.completeSequencePages(clean) & cp866).isNotZero();
        assertThat(MojibakeScan.pagesToBound(clean) & cp866).isZero();
        assertThat(new LayerDecoder(TestCodePages.byName("cp866"), null).strictEvidenceBound(cps)).isZero();
    }

    @Test
    void anE2ThatIsNoF0Or9FIsNoPlaceOfACutEmojiAfterALetter() {
        // the second pass's trace pre-test skips cutEmojiPages there: т (cp866 E2) and в (windows-1251 E2) inside words
        String letters = "aZéßжЖвтБλΩאשعب中あ한";
        String after = " a.вт❤\u0301\uFE0F" + "\u0080";
        List<String> wrong = new ArrayList<>();
        for (char c = 0xA0; c < 0xFFFF; c++) {
            long starts = CodePages.starts(c);
            if (starts >= 0 || (starts & CodePages.FOUR_BYTE_CUT) != 0) {
                continue;
            }
            for (int l = 0; l < letters.length(); l++) {
                for (int a = 0; a < after.length(); a++) {
                    String text = "" + letters.charAt(l) + c + after.charAt(a) + after.charAt((a + l) % after.length());
                    if (MojibakeScan.cutEmojiPages(text, 1) != 0 && wrong.size() < 20) {
                        wrong.add(String.format("U+%04X in %s", (int) c, text));
                    }
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void anUncasedLeadAfterNoLowerCaseLetterIsNoLossyOnlyPlace() {
        // the gate asks lossyOnlyPages of an Arabic or Hebrew lead only after a lower-case letter (ASCII or not)
        String before = " A1.،بאЖΩ中\u0301" + "\u00A0";
        String after = " aبאz.";
        List<String> wrong = new ArrayList<>();
        int uncased = 0;
        for (char c = 0xA0; c < 0xFFFF; c++) {
            if ((CodePages.starts(c) & CodePages.UNCASED_LEAD2) == 0) {
                continue;
            }
            uncased++;
            for (int b = 0; b < before.length(); b++) {
                char previous = before.charAt(b);
                if (Character.isLowerCase(previous) || (CodePages.starts(previous) & CodePages.seconds(c)) != 0) {
                    continue;
                }
                for (int a = 0; a < after.length(); a++) {
                    String text = "" + previous + c + after.charAt(a) + after.charAt((a + b) % after.length());
                    if (MojibakeScan.lossyOnlyPages(text, 1) != 0 && wrong.size() < 20) {
                        wrong.add(String.format("U+%04X in %s", (int) c, text));
                    }
                }
            }
        }
        assertThat(uncased).as("uncased 2-byte leads (Arabic, Hebrew)").isGreaterThan(20);
        assertThat(wrong).isEmpty();
    }

    @Test
    void aPairReadsF09FOrE280ExactlyWhereTheStartsOfTheFirstMeetTheSecondsOfTheOther() {
        Random random = new Random(20261207L);
        for (int i = 0; i < 2_000_000; i++) {
            char previous = (char) (0x80 + random.nextInt(i % 2 == 0 ? 0x600 : 0xFF7F));
            char c = (char) (0x80 + random.nextInt(i % 3 == 0 ? 0x600 : 0xFF7F));
            long starts = CodePages.starts(previous);
            boolean pair = (CodePages.emojiLeadMask(previous) & CodePages.emojiSecondMask(c)) != 0
                    || (CodePages.punctuationLeadMask(previous) & CodePages.punctuationSecondMask(c)) != 0;
            assertThat((starts & CodePages.seconds(c)) != 0).as("U+%04X U+%04X", (int) previous, (int) c).isEqualTo(pair);
        }
    }

    @Test
    void theBoundStaysAboveTheStrictEvidenceOnRandomLinesOfTouchingSequences() {
        Random random = new Random(104729L);
        List<String> wrong = new ArrayList<>();
        for (int i = 0; i < 30_000; i++) {
            CodePage page = CodePages.ALL.get(random.nextInt(CodePages.ALL.size()));
            StringBuilder line = new StringBuilder();
            int length = 2 + random.nextInt(14);
            for (int k = 0; k < length; k++) {
                char c = random.nextInt(8) == 0 ? OTHERS.charAt(random.nextInt(OTHERS.length()))
                        : page.charOf(0x80 + random.nextInt(128));
                if (c != '\uFFFD') {
                    line.append(c);
                }
            }
            int[] cps = MojibakeScan.codePoints(line.toString());
            LayerDecoder decoder = new LayerDecoder(page, null);
            double bound = decoder.strictEvidenceBound(cps);
            double evidence = TextRepairer.strictEvidence(decoder.decode(cps, false));
            if (evidence > bound + 1e-9 && wrong.size() < 20) {
                wrong.add(page.name() + ": " + line + " bound " + bound + " evidence " + evidence);
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void aPageSkippedForItsQuietJoinsHasNothingToGainOnRandomWordsOfOneAlphabet() {
        // touching chance sequences are what cp866 makes of Russian (р..я lead, а..п and А..Я continue), KOI8 and
        // ISO-8859-5 of Ukrainian and Bulgarian, windows-1253 of Greek: words of one alphabet, packed tight
        String[] alphabets = {
                "абвгдежзийклмнопрстуфхцчшщъыьэюяёАБВГДЕЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯЁіїєґІЇЄҐ",
                "αβγδεζηθικλμνξοπρστυφχψωάέήίόύώϊϋΐΰςΑΒΓΔΕΖΗΘΙΚΛΜΝΞΟΠΡΣΤΥΦΧΨΩ",
                "אבגדהוזחטיכלמנסעפצקרשתךםןףץ",
        };
        Random random = new Random(20261207L);
        List<String> wrong = new ArrayList<>();
        for (int i = 0; i < 30_000 && wrong.size() < 20; i++) {
            String text = randomWords(random, alphabets, 4);
            int complete = MojibakeScan.completeSequencePages(text);
            if (complete == -1) {
                continue;
            }
            int toBound = MojibakeScan.pagesToBound(text);
            int[] cps = MojibakeScan.codePoints(text);
            for (CodePage page : CodePages.ALL) {
                if ((complete & ~toBound & 1 << page.index()) != 0
                        && new LayerDecoder(page, null).strictEvidenceBound(cps) > 0) {
                    wrong.add(page.name() + ": " + text);
                }
            }
        }
        assertThat(wrong).as("pages skipped whose strict evidence bound is above 0").isEmpty();
    }

    /**
     * One to {@code maxWords} words of 2 to 11 letters of one of {@code alphabets}, picked at random, between spaces
     * and now and then a comma.
     */
    /**
     * Up to {@code maxLength} chars: of {@code letters} mostly, or, one line in three, only ASCII and other chars; per
     * char one chance in {@code asciiWeight} + 4 + 20..220 of an {@code ascii} char, four of one of {@code others}.
     */
    private static String randomLine(Random random, String letters, String others, String ascii, int asciiWeight,
            int maxLength) {
        StringBuilder line = new StringBuilder();
        int length = 1 + random.nextInt(maxLength);
        int foreign = random.nextInt(3) == 0 ? 0 : 20 + random.nextInt(200);
        for (int k = 0; k < length; k++) {
            int pick = random.nextInt(foreign + asciiWeight + 4);
            line.append(pick < asciiWeight ? ascii.charAt(random.nextInt(ascii.length()))
                    : pick < asciiWeight + 4 ? others.charAt(random.nextInt(others.length()))
                    : letters.charAt(random.nextInt(letters.length())));
        }
        return line.toString();
    }

    private static String randomWords(Random random, String[] alphabets, int maxWords) {
        String letters = alphabets[random.nextInt(alphabets.length)];
        StringBuilder line = new StringBuilder();
        int words = 1 + random.nextInt(maxWords);
        for (int w = 0; w < words; w++) {
            line.append(w == 0 ? "" : random.nextInt(6) == 0 ? ", " : " ");
            int length = 2 + random.nextInt(10);
            for (int k = 0; k < length; k++) {
                line.append(letters.charAt(random.nextInt(letters.length())));
            }
        }
        return line.toString();
    }
}
