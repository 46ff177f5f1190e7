package dev.colloquy.repair;

import java.util.List;

/*
 * The code pages we undo, and per-character bit masks over them that make the fast path cheap.
 *
 * For every BMP char we precompute, over all code pages, the set in which it encodes to a UTF-8
 * lead byte (0xC2..0xF4) and the set in which it encodes to a continuation byte (0x80..0xBF).
 * Mojibake of a multi-byte UTF-8 char starts with a lead char, so a line with no lead char and no
 * C1 control cannot hold mojibake of any supported code page: such lines skip all work.
 * The order of the list is the tie-break order when two code pages explain a line equally well:
 * the most common mis-decodings first.
 */
final class CodePages {

    static final List<CodePage> ALL;
    private static final int[] LEAD = new int[0x10000];
    private static final int[] CONT = new int[0x10000];
    private static final int[] LEAD2 = new int[0x10000];
    private static final int[] LEAD3 = new int[0x10000];
    private static final int[] LEAD4 = new int[0x10000];
    private static final int[] EMOJI_LEAD = new int[0x10000];
    private static final int[] EMOJI_SECOND = new int[0x10000];
    private static final int[] EMOJI_LEAD_CUT = new int[0x10000];
    private static final int[] EMOJI_SECOND_ALONE = new int[0x10000];
    private static final int[] PUNCTUATION_LEAD = new int[0x10000];
    private static final int[] PUNCTUATION_SECOND = new int[0x10000];
    /**
     * LEAD2, LEAD3 and LEAD4 of a char in one load (bits 0, 21 and 42; see {@link #leads}), bit 63 set when the char is
     * a {@link #lossyOnlyLetter} that is a 2-byte lead somewhere (a place MojibakeScan.lossyOnlyPages may flag). The gate's
     * first pass reads every char of every line; separate tables and Character.isUpperCase were a third of its time.
     */
    private static final long[] LEADS = new long[0x10000];
    /**
     * EMOJI_LEAD (bits 0..20) and PUNCTUATION_LEAD (bits 21..41) in one load, the states the gate's first pass carries,
     * and EMOJI_CUT.
     */
    private static final long[] STARTS = new long[0x10000];
    /**
     * EMOJI_SECOND (bits 0..20) and PUNCTUATION_SECOND (bits 21..41) in one load, laid out as {@link #STARTS}: where
     * {@code starts(previous) & seconds(c)} is 0, the pair reads neither F0 9F nor E2 80 in any page.
     */
    private static final long[] SECONDS = new long[0x10000];
    static final int PAGE_BITS = 21;
    static final long PAGES = (1L << PAGE_BITS) - 1;
    static final long UPPER_CASE_LEAD2 = 1L << 63;
    /** In {@link #starts}: the char may begin an emoji cut short at its first bytes (MojibakeScan.cutEmojiPages). */
    static final long EMOJI_CUT = 1L << 63;
    /**
     * In {@link #starts}: the char may begin an emoji cut short as an F0 or a 9F (MojibakeScan.cutEmojiPages' four-byte
     * places). Without it, an {@link #EMOJI_CUT} char is an E2 only, which is no such place after a letter.
     */
    static final long FOUR_BYTE_CUT = 1L << 62;
    /**
     * In {@link #starts}: the char is a {@link #lossyOnlyLetter} of a script without case and a 2-byte lead somewhere
     * (an Arabic or Hebrew letter). MojibakeScan.lossyOnlyPages flags it only after a lower-case letter (or as the
     * second char of a quote's E2 80), so clean Arabic, where such letters follow each other, is cleared without
     * asking.
     */
    static final long UNCASED_LEAD2 = 1L << 61;
    /** In {@link #starts}: the char is a lower-case letter (Character.isLowerCase). */
    static final long LOWER_CASE = 1L << 60;
    /** The bits of {@link #starts} that read as a pair's first char (F0 and E2 pages), as {@link #seconds} reads the second. */
    static final long PAIR_STARTS = (1L << 2 * PAGE_BITS) - 1;

    static {
        // The loops fill the tables through locals: until this initializer returns, every access to a static field of
        // CodePages goes through the VM's class-initialization check (the interpreter does not cache its resolution),
        // and the walk over all 65,536 chars below took ~150 ms of every start that way (~10 ms through locals).
        int[] lead = LEAD, cont = CONT, lead2 = LEAD2, lead3 = LEAD3, lead4 = LEAD4;
        int[] emojiLead = EMOJI_LEAD, emojiSecond = EMOJI_SECOND, emojiLeadCut = EMOJI_LEAD_CUT;
        int[] emojiSecondAlone = EMOJI_SECOND_ALONE, punctuationLead = PUNCTUATION_LEAD;
        int[] punctuationSecond = PUNCTUATION_SECOND;
        long[] leads = LEADS, starts = STARTS, seconds = SECONDS;
        String[][] names = {
            {"windows-1252", "windows-1252"}, {"iso-8859-1", "ISO-8859-1"}, {"windows-1250", "windows-1250"},
            {"windows-1251", "windows-1251"}, {"windows-1253", "windows-1253"}, {"windows-1254", "windows-1254"},
            {"windows-1255", "windows-1255"}, {"windows-1256", "windows-1256"}, {"windows-1257", "windows-1257"},
            {"windows-1258", "windows-1258"}, {"iso-8859-2", "ISO-8859-2"}, {"iso-8859-5", "ISO-8859-5"},
            {"iso-8859-7", "ISO-8859-7"}, {"iso-8859-9", "ISO-8859-9"}, {"iso-8859-15", "ISO-8859-15"},
            {"koi8-r", "KOI8-R"}, {"koi8-u", "KOI8-U"}, {"macroman", "x-MacRoman"}, {"cp437", "IBM437"},
            {"cp850", "IBM850"}, {"cp866", "IBM866"},
        };
        CodePage[] pages = new CodePage[names.length];
        for (int i = 0; i < names.length; i++) {
            pages[i] = new CodePage(names[i][0], names[i][1], i);
            boolean drops9F = pages[i].drops(0x9F);
            boolean dropsF0 = pages[i].drops(0xF0);
            for (int b = 0x80; b < 0x100; b++) {
                char c = pages[i].charOf(b);
                if (c == '\uFFFD' || pages[i].byteOf(c) != b) {
                    continue;
                }
                if (b >= 0xC2 && b <= 0xF4) {
                    lead[c] |= 1 << i;
                    if (b < 0xE0) {
                        lead2[c] |= 1 << i;
                    } else if (b < 0xF0) {
                        lead3[c] |= 1 << i;
                        if (b == 0xE2) {
                            punctuationLead[c] |= 1 << i;
                        }
                    } else {
                        lead4[c] |= 1 << i;
                        if (b == 0xF0) {
                            emojiLead[c] |= 1 << i;
                            if (drops9F) {
                                emojiLeadCut[c] |= 1 << i;
                            }
                        }
                    }
                } else if (b < 0xC0) {
                    cont[c] |= 1 << i;
                    if (b == 0x9F) {
                        emojiSecond[c] |= 1 << i;
                        if (dropsF0) {
                            emojiSecondAlone[c] |= 1 << i;
                        }
                    }
                    if (b == 0x80) {
                        punctuationSecond[c] |= 1 << i;
                    }
                }
            }
        }
        ALL = List.of(pages);
        if (pages.length > PAGE_BITS) {
            throw new AssertionError("the packed masks hold " + PAGE_BITS + " pages");
        }
        for (int c = 0x80; c < 0x10000; c++) {
            leads[c] = lead2[c] | (long) lead3[c] << PAGE_BITS | (long) lead4[c] << 2 * PAGE_BITS
                    | (lead2[c] != 0 && lossyOnlyLetter(c) ? UPPER_CASE_LEAD2 : 0);
            starts[c] = emojiLead[c] | (long) punctuationLead[c] << PAGE_BITS
                    | ((emojiLeadCut[c] | emojiSecondAlone[c] | punctuationLead[c]) != 0 ? EMOJI_CUT : 0)
                    | ((emojiLeadCut[c] | emojiSecondAlone[c]) != 0 ? FOUR_BYTE_CUT : 0)
                    | (lead2[c] != 0 && lossyOnlyLetter(c) && !Character.isUpperCase((char) c) ? UNCASED_LEAD2 : 0)
                    | (Character.isLowerCase((char) c) ? LOWER_CASE : 0);
            seconds[c] = emojiSecond[c] | (long) punctuationSecond[c] << PAGE_BITS;
        }
    }

    private CodePages() {
    }

    /** Code pages (bit i = ALL.get(i)) in which {@code c} encodes to a UTF-8 lead byte. */
    static int leadMask(char c) {
        return LEAD[c];
    }

    /** Code pages in which {@code c} encodes to the lead byte of a 2-byte UTF-8 sequence. */
    static int lead2Mask(char c) {
        return LEAD2[c];
    }

    /** Code pages in which {@code c} encodes to the lead byte of a 3-byte UTF-8 sequence. */
    static int lead3Mask(char c) {
        return LEAD3[c];
    }

    /** Code pages in which {@code c} encodes to the lead byte of a 4-byte UTF-8 sequence (0xF0..0xF4). */
    static int lead4Mask(char c) {
        return LEAD4[c];
    }

    /**
     * {@link #lead2Mask}, {@link #lead3Mask} and {@link #lead4Mask} of {@code c} packed at bits 0, {@link #PAGE_BITS}
     * and twice that, with {@link #UPPER_CASE_LEAD2} when {@code c} is a {@link #lossyOnlyLetter} and a 2-byte lead in
     * some page.
     */
    static long leads(char c) {
        return LEADS[c];
    }

    /**
     * Whether {@code c}, a 2-byte lead under some page, may stand for a lower-case letter cut short where clean text
     * does not put it (MojibakeScan.lossyOnlyPages): an upper-case letter, or a letter or mark of a script without
     * case ({@code ֳ}, a Hebrew point, is C3 under windows-1255: {@code auֳerhalb} is außerhalb whose 9F was
     * undefined; {@code أ} is C3 under windows-1256). Marks that belong to no script of their own (U+0301, a
     * Vietnamese tone under windows-1258) combine with any letter in clean text, and are not.
     */
    static boolean lossyOnlyLetter(int c) {
        if (Character.isUpperCase(c)) {
            return true;
        }
        int type = Character.getType(c);
        if (type != Character.OTHER_LETTER && type != Character.NON_SPACING_MARK) {
            return false;
        }
        int script = com.ibm.icu.lang.UScript.getScript(c);
        return script != com.ibm.icu.lang.UScript.COMMON && script != com.ibm.icu.lang.UScript.INHERITED;
    }

    /**
     * {@link #emojiLeadMask} and {@link #punctuationLeadMask} of {@code c}, packed at bits 0 and {@link #PAGE_BITS},
     * with {@link #EMOJI_CUT} where {@link #emojiLeadCutMask}, {@link #emojiSecondAloneMask} or
     * {@link #symbolLeadCutMask} is not empty.
     */
    static long starts(char c) {
        return STARTS[c];
    }

    /** {@link #emojiSecondMask} and {@link #punctuationSecondMask} of {@code c}, packed as {@link #starts}. */
    static long seconds(char c) {
        return SECONDS[c];
    }

    /** Code pages in which {@code c} encodes to 0xF0, the first byte of every emoji. */
    static int emojiLeadMask(char c) {
        return EMOJI_LEAD[c];
    }

    /** Code pages in which {@code c} encodes to 0x9F, the second byte of every emoji. */
    static int emojiSecondMask(char c) {
        return EMOJI_SECOND[c];
    }

    /**
     * Code pages in which {@code c} encodes to 0xF0 and that drop 0x9F (windows-1253, -1255, -1257 leave it
     * undefined): an emoji's F0 there is followed by its third and fourth bytes only.
     */
    static int emojiLeadCutMask(char c) {
        return EMOJI_LEAD_CUT[c];
    }

    /**
     * Code pages in which {@code c} encodes to 0x9F and that drop 0xF0 (cp850 reads it as a soft hyphen): an emoji
     * there starts with its second byte.
     */
    static int emojiSecondAloneMask(char c) {
        return EMOJI_SECOND_ALONE[c];
    }

    /**
     * Code pages in which {@code c} encodes to 0xE2, the lead of the symbol and dingbat emoji (☺ ❤ ✅ ✔ ⚽ ✈, U+2300..U+2BFF):
     * every page drops some continuation byte, so one of them may have come cut short. The same pages as
     * {@link #punctuationLeadMask}: E2 leads both, and no page is left out for dropping nothing.
     */
    static int symbolLeadCutMask(char c) {
        return PUNCTUATION_LEAD[c];
    }

    /** Code pages in which {@code c} encodes to 0xE2, the first byte of U+2000..U+2FFF (quotes, dashes: E2 80). */
    static int punctuationLeadMask(char c) {
        return PUNCTUATION_LEAD[c];
    }

    /** Code pages in which {@code c} encodes to 0x80, the second byte of U+2000..U+203F after 0xE2. */
    static int punctuationSecondMask(char c) {
        return PUNCTUATION_SECOND[c];
    }

    /** Code pages in which {@code c} encodes to a UTF-8 continuation byte. */
    static int contMask(char c) {
        return CONT[c];
    }
}
