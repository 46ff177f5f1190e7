package dev.colloquy.repair;

import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.lang.UProperty;
import com.ibm.icu.lang.UScript;
import dev.colloquy.io.Utf8;

/*
 * The gate: proves a line clean, meaning the slow path would return it unchanged, without deciding anything.
 *
 * The slow path changes a line that shows none of the other traces below only when the complete UTF-8
 * sequences under one code page reach TextRepairer.STRICT_EVIDENCE. So the gate is not a heuristic of its own
 * but an upper bound of that very quantity, in two steps:
 *
 *  1. One pass over the chars with per-char bit masks over the 21 code pages (CodePages: the pages in which
 *     the char is a 2-, 3- or 4-byte lead, or a continuation), carrying one mask per "continuations still
 *     needed" (1, 2 or 3). At each char, the pages where a sequence just completed are need1 & cont, and the
 *     new states shift by one: need1 = need2 & cont | lead2, need2 = need3 & cont | lead3, need3 = lead4.
 *     This finds every page in which some lead is followed by its full count of continuations (a superset of
 *     the candidates LayerDecoder finds). No such page: no strict candidate, so no strict evidence at all.
 *     ASCII costs one compare per char; CJK, Hangul, Thai, Hindi and emoji chars have empty masks. A char that
 *     is no continuation and can fire no trace's pre-test (most of Greek, Arabic and accented Latin) costs one
 *     table load: the state after it is its own leads, read back at the next char that asks (FIRST_PASS).
 *     A second pass, on lines with such pages, keeps only the pages where some sequence may gain. A candidate's gain is at most its
 *     Plausibility cost as it stands (costs are never negative), which is a sum of terms ending at its chars
 *     and at the char after it, with the neighbours it is judged beside: the original ones, or the decoding
 *     of a candidate that touches it. So where a sequence completes, the terms ending at its chars are asked
 *     (Plausibility.costsAnythingAt), the char after it is asked at the next step, and a sequence that begins
 *     right where one of the same page ended is joined to that one's decoding (costlyJoin, which also sends
 *     decodings that could nest to step 2). In clean text nearly all of them cost nothing: clean Cyrillic has
 *     complete cp866 sequences in 81% of its lines, but one that may gain in a few percent. ASCII ends every
 *     sequence and chain, so the second pass judges each run of non-ASCII chars on its own: a run whose chars all
 *     make quiet pairs, with no two sequences of one page touching and no possible trace, is cleared by one
 *     branch-free loop over bit words (quietRun), or, for a run of Cyrillic, by a table built from quietRun's own
 *     step (CyrillicRuns); only the others are read char by char (scanRun).
 *  2. Only for the pages left, LayerDecoder.strictEvidenceBound sums an upper bound of each candidate's
 *     gain over every context decode can judge it in. Below STRICT_EVIDENCE on every page: proven clean.
 *     Where two touching candidates decode to chars that read as lead + continuation in some page, a nested
 *     layer's evidence may count too (LayerDecoder.innerEvidence); the bound does not model it and is infinite.
 *  3. A page whose bound is not below it (adjacent candidates whose decodings could vouch for each other:
 *     Cyrillic under cp866, where р..я are leads and а..п continuations; or a possible nested layer) gets the
 *     quantity itself: the
 *     strict evidence of that page's strict decoding, exactly as the slow path's first layer computes it,
 *     without the lookahead over the other pages, the lossy model or the session.
 *
 * The other traces send a line to the slow path at once: C1 controls (their own repair), U+FFFD (decoded
 * through the lossy filler even in strict mode), a char pair reading as F0 9F in some page (an emoji cut short)
 * and the places of the other lossy repairs that need no strict evidence (lossyOnlyPages: an upper-case lead
 * right after a lower-case letter, or alone before two spaces; a pair reading E2 80, a quote or dash). Because the bound is sound, no accuracy result
 * depends on the gate; MojibakeScanTest checks it against the slow path on clean and damaged text.
 */
final class MojibakeScan {

    /** step 1's answer when a line holds a trace that needs the slow path whatever the evidence. */
    private static final int TRACE = -1;

    private MojibakeScan() {
    }

    /** False when {@code text} is proven clean: the slow path would return it unchanged with no repairs. */
    static boolean mayHoldMojibake(String text) {
        long scanned = scan(text);
        if (scanned == TRACE) {
            return true;
        }
        int pages = (int) scanned;
        if (pages == 0) {
            return false;
        }
        int[] cps = codePoints(text);
        for (CodePage page : CodePages.ALL) {
            if ((pages & (1 << page.index())) == 0) {
                continue;
            }
            // no filler: a strict decoding only uses it for U+FFFD, which step 1 sent to the slow path already
            LayerDecoder decoder = new LayerDecoder(page, null);
            if (decoder.strictEvidenceBound(cps) >= TextRepairer.STRICT_EVIDENCE
                    && TextRepairer.strictEvidence(decoder.decode(cps, false)) >= TextRepairer.STRICT_EVIDENCE) {
                return true;
            }
        }
        return false;
    }

    /** The code points of {@code text}; a plain loop, as String.codePoints() streams cost a sixth of clean Cyrillic's gate. */
    static int[] codePoints(String text) {
        int[] cps = new int[text.length()];
        int n = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            cps[n++] = cp;
            i += Character.charCount(cp);
        }
        return n == cps.length ? cps : java.util.Arrays.copyOf(cps, n);
    }

    /**
     * The code pages (bit mask over {@link CodePages#ALL}) under which some char of {@code text} is a UTF-8 lead
     * followed by its full count of continuations; {@link #TRACE} for a C1 control, U+FFFD or an emoji's F0 9F.
     */
    static int completeSequencePages(String text) {
        long scanned = scan(text);
        return scanned == TRACE ? TRACE : (int) (scanned >>> 32);
    }

    /**
     * Steps 1 and 2 over the chars: {@link #TRACE} for a line with a trace; else the pages with a complete sequence
     * in bits 32 and up, and the pages {@link #pagesToBound} keeps in the low bits. Most lines of most scripts have
     * no complete sequence and only pay step 1's loop; at the first one, step 2's pass starts over from the
     * beginning of that run of non-ASCII chars (ASCII resets every state), so a Cyrillic line is read about once.
     * Step 2 does not start at a line's first Cyrillic run: that cost mixed-script chat a quarter of its speed.
     */
    private static long scan(String text) {
        // the chars as an array only for a line that reaches the second pass: most lines of most scripts never do
        int n = text.length();
        // made at the first char that may be a trace: most lines have none
        EmojiMemo emoji = null;
        // what the previous char asks of this one (ASKED_AFTER_LOWER_CASE, ASKED_AFTER_PAIR_START; none at the start)
        int asks = 0;
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                // ASCII is the same byte in every code page: it ends every sequence under way, and decides nothing
                while (i + 1 < n && text.charAt(i + 1) < 0x80) {
                    i++;
                }
                asks = FIRST_PASS[text.charAt(i)] >>> ASKS_SHIFT;
                continue;
            }
            int x = FIRST_PASS[c];
            if ((x & (asks | ASKED_ALWAYS)) == 0) {
                asks = x >>> ASKS_SHIFT;
                continue;
            }
            // a char that asks: the state after the char before it, which asked nothing (so is no continuation: the
            // state is its leads alone), then carried char by char while the chars ask (runs of Cyrillic do)
            char before = i == 0 ? ' ' : text.charAt(i - 1);
            long beforeLeads = CodePages.leads(before);
            int need1 = (int) (beforeLeads & CodePages.PAGES);
            int need2 = (int) (beforeLeads >>> CodePages.PAGE_BITS & CodePages.PAGES);
            int need3 = (int) (beforeLeads >>> 2 * CodePages.PAGE_BITS & CodePages.PAGES);
            long starts = i == 0 ? 0 : before < 0x80 ? asciiStarts(before) : CodePages.starts(before);
            while (true) {
                int cont = CodePages.contMask(c);
                long leads = CodePages.leads(c);
                long next = CodePages.starts(c);
                // mayBeTrace's test, short-circuit
                if (c < 0xA0 || c == '\uFFFD' || (starts & CodePages.PAIR_STARTS) != 0
                        || lossyOnlyFlag(leads, next, starts) < 0 || next < 0) {
                    if (next < 0 && emoji == null) {
                        emoji = new EmojiMemo();
                    }
                    if (isTrace(text, i, c, cont, leads, starts, emoji)) {
                        return TRACE;
                    }
                }
                if ((need1 & cont) != 0) {
                    int run = i;
                    while (run > 0 && text.charAt(run - 1) >= 0x80) {
                        run--;
                    }
                    return scanFrom(text, text.toCharArray(), run, emoji);
                }
                need1 = need2 & cont | (int) (leads & CodePages.PAGES);
                need2 = need3 & cont | (int) (leads >>> CodePages.PAGE_BITS & CodePages.PAGES);
                need3 = (int) (leads >>> 2 * CodePages.PAGE_BITS & CodePages.PAGES);
                starts = next;
                asks = x >>> ASKS_SHIFT;
                if (i + 1 >= n || text.charAt(i + 1) < 0x80
                        || (FIRST_PASS[text.charAt(i + 1)] & (asks | ASKED_ALWAYS)) == 0) {
                    break;
                }
                i++;
                c = text.charAt(i);
                x = FIRST_PASS[c];
            }
        }
        return 0;
    }

    /*
     * The first pass asks a char only where it can matter (FIRST_PASS, per BMP char): a sequence can complete only at
     * a continuation, and a trace's pre-test (mayBeTrace's, short-circuit in scan) fires only at a C1 control, U+FFFD,
     * a lossy-only lead, a possible emoji start, or a char after one that starts a pair (F0 or E2 in some page), and at
     * an uncased lossy-only lead only after a lower-case letter. Every other char decides nothing, and since it is no
     * continuation the pass's state after it is its own leads, read back at the next char that asks. So
     * the pass reads one table for it and goes on. Clean Greek never reaches a complete sequence (its small letters are
     * leads only), and the full step at its every char, with a branchy pre-test that capitals and π fire, was ~90% of
     * its time; Arabic, Latin and chat lines that never reach the second pass gain the same way. GateShortcutsTest
     * holds the pass against the second pass run over the whole line.
     */
    private static final int ASKED_ALWAYS = 1;
    private static final int ASKED_AFTER_LOWER_CASE = 2;
    private static final int ASKED_AFTER_PAIR_START = 4;
    /** A FIRST_PASS entry's own asks (bits 0-2) and what it asks of the char after it, shifted by this much. */
    private static final int ASKS_SHIFT = 3;
    private static final byte[] FIRST_PASS = new byte[0x10000];

    static {
        for (int c = 0; c < 0x10000; c++) {
            char ch = (char) c;
            long starts = c < 0x80 ? asciiStarts(ch) : CodePages.starts(ch);
            int gives = ((starts & CodePages.LOWER_CASE) != 0 ? ASKED_AFTER_LOWER_CASE : 0)
                    | ((starts & CodePages.PAIR_STARTS) != 0 ? ASKED_AFTER_PAIR_START : 0);
            int own = 0;
            if (c >= 0x80) {
                long leads = CodePages.leads(ch);
                boolean uncased = (starts & CodePages.UNCASED_LEAD2) != 0;
                own = ASKED_AFTER_PAIR_START
                        | (leads < 0 && uncased ? ASKED_AFTER_LOWER_CASE : 0)
                        | (c < 0xA0 || c == 0xFFFD || CodePages.contMask(ch) != 0 || starts < 0 || leads < 0 && !uncased
                                ? ASKED_ALWAYS : 0);
            }
            FIRST_PASS[c] = (byte) (own | gives << ASKS_SHIFT);
        }
    }

    /**
     * A necessary condition for {@link #isTrace} of a non-ASCII char, in one branch: a C1 control, U+FFFD, a
     * lossy-only letter where lossyOnlyPages may flag it ({@code lossyPlace}: {@link #lossyOnlyFlag}), a pair
     * reading F0 9F or E2 80 in some page ({@code starts}, the previous char's {@link CodePages#starts}), or a char
     * that may begin an emoji cut short, unless it is an E2 only and follows a letter ({@code afterLetter}:
     * cutEmojiPages wants no letter before an E2). Clean Russian has т (cp866 E2) or в (windows-1251 E2) at every
     * tenth char, nearly always inside a word.
     */
    private static boolean mayBeTrace(char c, boolean lossyPlace, long next, long starts, boolean afterLetter) {
        return (c - 0x80 & 0xFFFF) < 0x20 | c == '\uFFFD' | lossyPlace | (starts & CodePages.seconds(c)) != 0
                | (next & CodePages.FOUR_BYTE_CUT) != 0 | next < 0 & !afterLetter;
    }

    /**
     * Whether the line holds an emoji (cutEmojiTrace's last question), found once per line: clean Russian under
     * windows-1251 asks it at every в before «, and the answer walked the whole line each time.
     */
    static final class EmojiMemo {
        private int holds = -1;

        boolean holdsEmoji(String text) {
            if (holds < 0) {
                holds = 0;
                for (int k = 0; k < text.length(); ) {
                    int cp = text.codePointAt(k);
                    if (cp >= 0xA0 && SymbolPrior.isEmoji(cp)) {
                        holds = 1;
                        break;
                    }
                    k += Character.charCount(cp);
                }
            }
            return holds == 1;
        }
    }

    /**
     * {@code leads} (a char's {@link CodePages#leads}) with its lossy-only flag (the sign bit) cleared where
     * lossyOnlyPages cannot flag the char: an uncased letter ({@link CodePages#UNCASED_LEAD2}) after no lower-case
     * letter ({@link CodePages#LOWER_CASE} in {@code starts}, the previous char's starts, or {@link #asciiStarts}).
     * An E2 80 pair is asked apart. Clean Arabic, whose letters are all such leads, asked lossyOnlyPages' first
     * question at every char. Branch-free: UNCASED_LEAD2 (bit 61) two places up is the sign bit, and LOWER_CASE
     * (bit 60) one place up is UNCASED_LEAD2.
     */
    private static long lossyOnlyFlag(long leads, long next, long starts) {
        return leads & ~((next & ~(starts << 1) & CodePages.UNCASED_LEAD2) << 2);
    }

    /** The {@code starts} an ASCII char leaves to the char after it: no pair begins there, but a lower-case letter may. */
    static long asciiStarts(char c) {
        return c >= 'a' && c <= 'z' ? CodePages.LOWER_CASE : 0;
    }

    /**
     * Whether the non-ASCII {@code text[i]}, {@code c} (its {@code cont} and {@code leads} masks; {@code starts},
     * those of the char before it) is a trace that sends the line to the slow path: a C1 control, U+FFFD, F0 9F
     * (an emoji cut short), E2 80 (a quote or dash cut short), an upper-case 2-byte lead where a lossy filling
     * could stand, or the F0 or 9F of an emoji whose other byte the page drops, or E2 where an emoji stands cut
     * short (cutEmojiPages).
     */
    private static boolean isTrace(String text, int i, char c, int cont, long leads, long starts, EmojiMemo emoji) {
        if (c < 0xA0 || c == '\uFFFD') {
            return true;
        }
        if (starts != 0 && ((starts | starts >>> CodePages.PAGE_BITS) & cont) != 0
                && ((starts & CodePages.emojiSecondMask(c)) != 0
                    || (starts >>> CodePages.PAGE_BITS & CodePages.punctuationSecondMask(c)) != 0)) {
            return true;
        }
        return leads < 0 && mayBeLossyOnlyPlace(text, i) && lossyOnlyPages(text, i, true, false) != 0
                || CodePages.starts(c) < 0 && cutEmojiTrace(text, i, emoji);
    }

    /**
     * A necessary condition for {@link #lossyOnlyPages} to flag the upper-case lead {@code text[i]}: a quote's two
     * first bytes, a lower-case letter before it, or a space before it and two after it. Most capitals of clean
     * Cyrillic and Greek start a word after one space, and are cleared here without asking the rest.
     */
    private static boolean mayBeLossyOnlyPlace(String text, int i) {
        char previous = i > 0 ? text.charAt(i - 1) : ' ';
        if (latinCapitalBeforeLowerCase(text, i)
                && (i > 0 && Character.isLetter(previous) || foreignCapital(text, i))) {
            // a word's second letter after its first capital, or a foreign capital starting a Latin word
            // (wordStartPages)
            return true;
        }
        if (previous == ' ') {
            return i + 2 < text.length() && text.charAt(i + 1) == ' ' && text.charAt(i + 2) == ' '
                    || i > 0 && (CodePages.punctuationLeadMask(previous) & CodePages.punctuationSecondMask(text.charAt(i))) != 0;
        }
        return (LETTER_BITS.get(previous) & IS_LOWER) != 0 || i > 0
                && (CodePages.punctuationLeadMask(previous) & CodePages.punctuationSecondMask(text.charAt(i))) != 0;
    }

    /**
     * Whether {@link #cutEmojiPages} flags {@code text[i]} under a page where TextRepairer.emojiOnly could keep
     * something: an F0 or 9F place, an E2 place where the lead, the visible continuation and a continuation byte
     * the page drops (either order: LossyFiller.enumerate) make an emoji at U+2300 or above, or any place on a
     * line that holds an emoji (emojiOnly also keeps U+FE0F, a ZWJ or a skin tone right after one). The Yiddish
     * {@code אָנזאָג”} is clean: ג” is E2 94 under windows-1255, and E2 94 xx is box drawing.
     */
    private static boolean cutEmojiTrace(String text, int i, EmojiMemo emoji) {
        int pages = cutEmojiPages(text, i);
        if (pages == 0) {
            return false;
        }
        char c = text.charAt(i);
        int e2 = pages & CodePages.symbolLeadCutMask(c);
        if ((pages & ~e2) != 0) {
            return true;
        }
        char next = text.charAt(i + 1);
        for (int rest = e2; rest != 0; rest &= rest - 1) {
            int bit = Integer.numberOfTrailingZeros(rest);
            if ((EMOJI_AFTER_E2[bit] & 1L << (CodePages.ALL.get(bit).byteOf(next) & 0x3F)) != 0) {
                return true;
            }
        }
        return emoji.holdsEmoji(text);
    }

    /**
     * Per page of {@link CodePages#ALL}, the continuation bytes b (bit b - 0x80) after which E2 and a dropped
     * continuation byte of the page, as E2 b d or E2 d b, make an emoji at U+2300 or above (TextRepairer.emojiOnly).
     */
    private static final long[] EMOJI_AFTER_E2 = CodePages.ALL.stream().mapToLong(page -> {
        long dropped = page.droppedContinuations();
        long out = 0;
        for (int b = 0; b < 0x40; b++) {
            for (int d = 0; d < 0x40; d++) {
                if ((dropped & 1L << d) != 0 && (symbolEmoji(0x2000 | b << 6 | d) || symbolEmoji(0x2000 | d << 6 | b))) {
                    out |= 1L << b;
                }
            }
        }
        return out;
    }).toArray();

    private static boolean symbolEmoji(int cp) {
        return cp >= 0x2300 && UCharacter.hasBinaryProperty(cp, UProperty.EMOJI);
    }

    /**
     * {@link Plausibility#quietClass} in a plain table, filled as met: 0 until then, which quietClasses reads as "ask
     * the terms" as it does the class of a char that has none (asked again at each meeting). The second pass reads
     * every char of a Cyrillic line, and the memo's checks were a tenth of it.
     */
    private static final short[] QUIET_CLASS = new short[0x10000];
    /**
     * {@link Plausibility#runWord} of each char's quiet class, filled with {@link #QUIET_CLASS} (ASCII at class
     * init): 0 until then, which {@link #quietRun} reads as a noisy char. A C1 control, U+FFFD and a Latin capital
     * that is a lossy-only lead (traces, or possible ones, whatever their class) stay 0.
     */
    private static final int[] RUN_WORD = new int[0x10000];
    private static final int LINE_START_WORD = Plausibility.runWord(Plausibility.LINE_START);

    static {
        for (char c = 0; c < 0x80; c++) {
            quietClass(c);
        }
    }

    /** {@link #quietRun}'s run word of {@code c} ({@link #RUN_WORD}, filled here if not yet). */
    static int runWord(char c) {
        quietClass(c);
        return RUN_WORD[c];
    }

    static int quietClass(char c) {
        int q = QUIET_CLASS[c];
        if (q == 0) {
            q = Plausibility.quietClass(c);
            QUIET_CLASS[c] = (short) q;
            RUN_WORD[c] = c >= 0x80 && c < 0xA0 || c == '\uFFFD' || CodePages.leads(c) < 0 && c < 0x250 ? 0
                    : Plausibility.runWord(q);
        }
        return q;
    }

    /**
     * {@link #scan} from {@code text[from]}, the first char of a run of non-ASCII chars, with step 2's bookkeeping.
     * ASCII ends every sequence and every chain of touching ones, so each run is judged on its own: first by
     * {@link #quietRun}, which clears most runs of clean Cyrillic in one pass without a branch per char, then, for a
     * run it cannot clear, by {@link #scanRun}, char by char. {@code emoji}: the line's memo, or null when none was
     * made yet.
     */
    static long scanFrom(String text, char[] cs, int from, EmojiMemo emoji) {
        Second second = new Second();
        int n = cs.length;
        for (int s = from; s < n; ) {
            long starts = s > 0 ? asciiStarts(cs[s - 1]) : 0;
            // a run of chars CyrillicRuns reads is judged by its table, which answers as quietRun would
            long quiet = CyrillicRuns.reads(cs[s]) ? CyrillicRuns.quietRun(cs, s, second) : CyrillicRuns.UNREAD;
            if (quiet == CyrillicRuns.UNREAD) {
                quiet = quietRun(cs, s, starts, second);
            }
            int e = second.end;
            if (quiet >= 0) {
                second.complete |= (int) quiet;
            } else {
                // the memo only where a run is read char by char: most lines of Cyrillic never need it
                emoji = emoji == null ? new EmojiMemo() : emoji;
                if (scanRun(text, cs, s, e, s > 0 ? quietClass(cs[s - 1]) : Plausibility.LINE_START, starts, emoji,
                        second)) {
                    return TRACE;
                }
            }
            s = e;
            while (s < n && cs[s] < 0x80) {
                s++;
            }
        }
        return (long) second.complete << 32 | second.costly;
    }

    /** What {@link #scanRun} carries from run to run of a line. */
    static final class Second {
        int complete;
        int costly;
        /** made at the first join: most lines have none */
        Joins joins;
        /** where the run {@link #quietRun} read last ends: the ASCII char after it, or the line's end */
        int end;
    }

    /**
     * The pages (bit mask over {@link CodePages#ALL}) with a sequence complete in the run of non-ASCII chars from
     * {@code cs[s]} when the run is quiet, else -1; its end goes to {@code second.end}. Quiet: every char of the run
     * has a run word with {@link Plausibility#RUN_QUIET} (so has the ASCII char before and after it), no lower-case
     * char stands anywhere before an upper-case one among them, and no two of them are letters of two alphabets
     * ({@link Plausibility#manyAlphabets}): then every pair makes a quiet pair ({@link Plausibility#quietClasses});
     * no two sequences of one page touch; and no char may be a trace ({@link #mayBeTrace}, sharpened: a lossy-only
     * lead only after a lower-case letter, as a Latin capital (which has no run word), or before a space; an E2
     * after no letter only where the char after it is no letter, or an upper-case one). Then {@link #scanRun} would
     * find no trace, no costly page and no chain there: no char costs anything, and a sequence that touches none and
     * has no noisy char changes nothing. The conditions over the whole run ask more than the pairs need, but clean
     * words rarely break them, and an or per char is cheaper than a pair's test. {@code starts}: {@link #asciiStarts}
     * of the char before the run (0 at the line's start).
     */
    static long quietRun(char[] cs, int s, long starts, Second second) {
        int n = cs.length;
        // the pages whose sequence under way needs one more continuation (bits 0-20), two (21-41), three (42-62)
        long needs = 0;
        int ended = 0;
        int touching = 0;
        int complete = 0;
        int previous = s > 0 ? RUN_WORD[cs[s - 1]] : LINE_START_WORD;
        // the run words so far, or'd: a lower-case char before an upper-case one, or letters of two alphabets
        int seen = previous;
        // not 0 where a char has no quiet run word, a lower-case char stands before an upper-case one, an E2 after no
        // letter stands before a char that is no letter or an upper-case one (cutEmojiPages' word), or two sequences
        // of one page touch (few live values, so the loop keeps them in registers)
        int loud = ~previous & Plausibility.RUN_QUIET;
        // pairs reading F0 9F or E2 80 (bits 0-41); F0 and 9F places (bit 62); lossy-only leads after a lower-case
        // letter (LOWER_CASE, bit 60, three places up), in the sign bit
        long trace = 0;
        // -1 where the previous char is an E2 after no letter
        int e2 = 0;
        int i = s;
        for (; i < n; i++) {
            char c = cs[i];
            if (c < 0x80) {
                break;
            }
            int w = RUN_WORD[c];
            int cont = CodePages.contMask(c);
            long leads = CodePages.leads(c);
            long next = CodePages.starts(c);
            loud |= ~w & Plausibility.RUN_QUIET | seen & w >>> 1 & Plausibility.RUN_LOWER | e2 & ~(w << 1 >> 31);
            seen |= w;
            trace |= starts & CodePages.seconds(c) | next & CodePages.FOUR_BYTE_CUT | leads & starts << 3 & Long.MIN_VALUE;
            e2 = (int) (next >> 63) & ~(previous << 30 >> 31);
            int done = (int) needs & cont;
            complete |= done;
            loud |= done & touching;
            touching = nextTouching(touching, needs, cont, leads, ended);
            ended = done;
            needs = nextNeeds(needs, cont, leads);
            starts = next;
            previous = w;
        }
        second.end = i;
        if (i < n) {
            long after = seenWithCharAfter(cs, s, i, seen);
            if (after < 0) {
                return -1;
            }
            seen = (int) after;
        }
        return loud != 0 || trace != 0 || Plausibility.manyAlphabets(seen) ? -1 : complete;
    }

    /**
     * quietRun's last questions, about the ASCII char {@code cs[i]} after the run from {@code cs[s]} whose run words
     * or'd are {@code seen} (an ASCII char's run word is filled at class init): an E2 before it is none; and a
     * lossy-only lead before a space (and a second one: lossyOnlyPages' flattened no-break space). The run words
     * with the char's added, or -1 when the run is not quiet.
     */
    static long seenWithCharAfter(char[] cs, int s, int i, int seen) {
        int w = RUN_WORD[cs[i]];
        if ((~w & Plausibility.RUN_QUIET | seen & w >>> 1 & Plausibility.RUN_LOWER) != 0) {
            return -1;
        }
        if (cs[i] == ' ') {
            long before = i - 1 > s ? CodePages.starts(cs[i - 2]) : s > 0 ? asciiStarts(cs[s - 1]) : 0;
            char last = cs[i - 1];
            if (lossyOnlyFlag(CodePages.leads(last), CodePages.starts(last), before) < 0) {
                return -1;
            }
        }
        return (seen | w) & 0xFFFFFFFFL;
    }

    /**
     * {@link #quietRun}'s state between two chars of a run, and its step over a char, for {@link CyrillicRuns}, which
     * enumerates the states a run of its chars can reach: the loop's variables but the answer ({@code complete}), with
     * {@code loud}, {@code trace} and the alphabets asked at each step (each only grows, and the run is not quiet once
     * one is set). {@link #step} is the body of quietRun's loop.
     */
    record QuietState(long needs, int ended, int touching, int previous, int seen, long starts, int e2) {

        /** At a run's start after the ASCII char {@code a}; null when no run after it is quiet. */
        static QuietState afterAscii(char a) {
            return first(RUN_WORD[a], asciiStarts(a));
        }

        /** At a run's start at the line's start. */
        static QuietState atLineStart() {
            return first(LINE_START_WORD, 0);
        }

        private static QuietState first(int previous, long starts) {
            return (~previous & Plausibility.RUN_QUIET) != 0 ? null : new QuietState(0, 0, 0, previous, previous, starts, 0);
        }

        /**
         * The state after a char with run word {@code w} and masks {@code cont}, {@code leads}, {@code next}
         * ({@link CodePages#starts}) and {@code seconds}; null when the run is no longer quiet.
         */
        QuietState step(int w, int cont, long leads, long next, long seconds) {
            int loud = ~w & Plausibility.RUN_QUIET | seen & w >>> 1 & Plausibility.RUN_LOWER | e2 & ~(w << 1 >> 31);
            int seenAfter = seen | w;
            long trace = starts & seconds | next & CodePages.FOUR_BYTE_CUT | leads & starts << 3 & Long.MIN_VALUE;
            int e2After = (int) (next >> 63) & ~(previous << 30 >> 31);
            int done = doneAt(cont);
            loud |= done & touching;
            if (loud != 0 || trace != 0 || Plausibility.manyAlphabets(seenAfter)) {
                return null;
            }
            return new QuietState(nextNeeds(needs, cont, leads), done, nextTouching(touching, needs, cont, leads, ended),
                    w, seenAfter, next, e2After);
        }

        /** The pages where a sequence completes at a char with continuation mask {@code cont}. */
        int doneAt(int cont) {
            return (int) needs & cont;
        }

        // Written out (what a record generates): the generated ones bootstrap through ObjectMethods' method handles on
        // first use, ~30 ms of every start with non-ASCII text (CyrillicRuns numbers its states by them at class init)
        @Override
        public boolean equals(Object o) {
            return o instanceof QuietState q && needs == q.needs && ended == q.ended && touching == q.touching
                    && previous == q.previous && seen == q.seen && starts == q.starts && e2 == q.e2;
        }

        @Override
        public int hashCode() {
            int h = Long.hashCode(needs);
            h = 31 * h + ended;
            h = 31 * h + touching;
            h = 31 * h + previous;
            h = 31 * h + seen;
            h = 31 * h + Long.hashCode(starts);
            return 31 * h + e2;
        }
    }

    /** The bits of {@link CodePages#leads} that hold the 2-, 3- and 4-byte leads (not the lossy-only flag). */
    private static final long LEAD_BITS = (1L << 3 * CodePages.PAGE_BITS) - 1;

    /**
     * The second pass's states after a char with continuation mask {@code cont} and {@link CodePages#leads}
     * {@code leads}, packed as the leads are: the pages whose sequence under way needs one more continuation in bits
     * 0-20, two in 21-41, three in 42-62. A continuation takes each state one step on (the pages that needed one
     * complete a sequence there: {@code (int) needs & cont} before the step); a lead begins one.
     */
    private static long nextNeeds(long needs, int cont, long leads) {
        return needs >>> CodePages.PAGE_BITS & (cont | (long) cont << CodePages.PAGE_BITS) | leads & LEAD_BITS;
    }

    /**
     * The pages whose sequence under way began right where one of theirs ended, after a char with these masks:
     * such a sequence stays under way through continuations, and a lead right after the end of a sequence
     * ({@code ended}) begins one.
     */
    private static int nextTouching(int touching, long needs, int cont, long leads, int ended) {
        return touching & (int) (needs >>> CodePages.PAGE_BITS | needs >>> 2 * CodePages.PAGE_BITS) & cont
                | (int) (leads | leads >>> CodePages.PAGE_BITS | leads >>> 2 * CodePages.PAGE_BITS) & ended;
    }

    /**
     * Step 2's bookkeeping over the run {@code cs[s..e)} and the ASCII char after it, into {@code second}; true for
     * a trace. {@code before}, {@code starts}: as {@link #quietRun}'s. A chain of touching sequences ends with the
     * run: its verdict is taken here.
     */
    static boolean scanRun(String text, char[] cs, int s, int e, int before, long starts, EmojiMemo emoji,
            Second second) {
        // the pages whose sequence under way needs one more continuation (bits 0-20), two (21-41), three (42-62)
        long needs = 0;
        // pages whose sequence ended at the previous char, and pages whose sequence under way began right there
        int ended = 0;
        int touching = 0;
        int complete = second.complete;
        int costly = second.costly;
        // bit k: costsAnythingAt(cs, i - k), for the chars of the run: each is asked once, where a sequence ending
        // there, ending at the char after it and the join after it asked it up to four times
        int noisy = 0;
        Joins joins = second.joins;
        for (int i = s; i < e; i++) {
            char c = cs[i];
            int here = quietClass(c);
            boolean costs = !Plausibility.quietClasses(before, here) && costsAnythingAt(cs, i);
            boolean afterLetter = Plausibility.isQuietLetter(before);
            before = here;
            if (ended != 0 && costs) {
                costly |= ended;
            }
            noisy = noisy << 1 | (costs ? 1 : 0);
            int cont = CodePages.contMask(c);
            long leads = CodePages.leads(c);
            long next = CodePages.starts(c);
            boolean lossyPlace = lossyOnlyFlag(leads, next, starts) < 0;
            if (mayBeTrace(c, lossyPlace, next, starts, afterLetter) && isTrace(text, i, c, cont, leads, starts, emoji)) {
                return true;
            }
            int done = (int) needs & cont;
            complete |= done;
            // a sequence with no noisy char among its own and the one before, touching none and ending no chain
            // changes nothing (most of clean Cyrillic's cp866 sequences): asked without a branch of its own
            int chained = joins == null ? 0 : joins.chained;
            if ((done & ~costly & (touching | chained | ((noisy & 0xF) != 0 ? -1 : 0))) != 0) {
                if (joins == null && (done & touching) != 0) {
                    joins = new Joins();
                }
                costly |= costlyEnding(cs, i, done & ~costly, touching, noisy, joins);
            }
            touching = nextTouching(touching, needs, cont, leads, ended);
            ended = done;
            needs = nextNeeds(needs, cont, leads);
            starts = next;
        }
        if (e < cs.length && ended != 0 && !Plausibility.quietClasses(before, quietClass(cs[e])) && costsAnythingAt(cs, e)) {
            // the pair and triple that join a sequence to the char after it
            costly |= ended;
        }
        if (joins != null && joins.chained != 0) {
            // no sequence touches one across ASCII
            costly |= joins.endChains(joins.chained);
        }
        second.complete = complete;
        second.costly = costly;
        second.joins = joins;
        return false;
    }

    /**
     * The code pages (bit mask over {@link CodePages#ALL}) under which the char at {@code i} may be the lead of a
     * sequence whose only damage is lost bytes, in a place no clean text puts it (TextRepairer.lossyOnly decides):
     * an upper-case letter that is a 2-byte lead right after a lower-case letter ({@code pĆginas}, {@code verrÃ }:
     * á and à under windows-1257 and -1252), or standing alone before two spaces ({@code Ã  ignorer}: à whose
     * no-break space became a space); or, at a char reading 0x80 after one reading 0xE2, the two first bytes of
     * a quote or dash ({@code â€} of „ or ” whose last byte was undefined).
     */
    static int lossyOnlyPages(CharSequence text, int i) {
        return lossyOnlyPages(text, i, false, false);
    }

    /**
     * As {@link #lossyOnlyPages(CharSequence, int)}, with a Latin capital at a word's start too ({@code Ćber}, for
     * Über under windows-1257): clean text puts capitals there, so only a line that is damaged already (a lossy-only
     * place of the other kinds, or a layer repaired before) is searched for them, and the gate never flags them.
     */
    static int lossyOnlyPagesWithWordStarts(CharSequence text, int i) {
        return lossyOnlyPages(text, i, false, true);
    }

    /**
     * As {@link #lossyOnlyPages(CharSequence, int)}; with {@code fillable}, inside a word only the pages where the
     * lead and a byte the lossy filler may insert there (a dropped continuation byte: LossyFiller.enumerate) make a
     * lower-case letter of the word's script. The gate asks this: {@code ΜακΝτόναλντ} is clean Greek, since Ν
     * (windows-1253 CD) leads to lower-case letters only with B1..BD, which that page never drops. TextRepairer.lossyOnly
     * keeps the wider flags, which also shape the sample its model is tuned to.
     */
    private static int lossyOnlyPages(CharSequence text, int i, boolean fillable, boolean wordStarts) {
        char c = text.charAt(i);
        char previous = i > 0 ? text.charAt(i - 1) : ' ';
        int pages = i > 0 ? CodePages.punctuationLeadMask(previous) & CodePages.punctuationSecondMask(c) : 0;
        int lead2 = CodePages.lead2Mask(c);
        if (lead2 != 0 && CodePages.lossyOnlyLetter(c)) {
            if (Character.isLowerCase(previous) && (Character.isUpperCase(c) || Character.getType(c) == Character.NON_SPACING_MARK
                    ? mayEndFilledWord(text, i, CharLikelihood.scriptOf(previous))
                    : continuesFilledWord(text, i, CharLikelihood.scriptOf(previous)))) {
                pages |= pagesFillingLowerCase(c, lead2, CharLikelihood.scriptOf(previous), fillable)
                        | pagesFlatteningNoBreakSpace(text, i, c, lead2);
            } else if (Character.isUpperCase(c) && previous == ' ' && i + 2 < text.length() && text.charAt(i + 1) == ' '
                    && text.charAt(i + 2) == ' ') {
                pages |= pagesFillingLowerCaseWithSpace(c, lead2);
            } else if (latinCapitalBeforeLowerCase(text, i)) {
                pages |= wordStartPages(text, i, c, lead2, wordStarts);
            }
        }
        return pages;
    }

    /**
     * Whether {@code text[i]} is a capital of the Latin letters that 2-byte leads read as (U+00C0..U+024F) followed
     * by a lower-case letter, at a word's start or right after a word's first capital: where {@link #wordStartPages}
     * may flag it. Cyrillic and Greek capitals, which start most of their words, are asked only before a lower-case
     * Latin letter ({@link #foreignCapital}).
     */
    private static boolean latinCapitalBeforeLowerCase(CharSequence text, int i) {
        char c = text.charAt(i);
        // the range first: most chars asked are no Latin capital, and foreignCapital rejects them at once
        if ((c < 0xC0 || c > 0x24F) && !foreignCapital(text, i)
                || i + 1 >= text.length() || !Character.isLowerCase(text.charAt(i + 1))) {
            return false;
        }
        return i == 0 || !Character.isLetter(text.charAt(i - 1))
                || Character.isUpperCase(text.charAt(i - 1)) && (i == 1 || !Character.isLetter(text.charAt(i - 2)));
    }

    /**
     * Whether {@code c}, a capital that is no Latin letter, is glued before two lower-case Latin letters, {@code next}
     * and {@code afterNext}:
     * a Greek or Cyrillic capital that a Latin letter's lead reads as, its continuation lost ({@code Γtre} is être
     * whose 0xAA windows-1253 leaves undefined, {@code Γberlauf} Überlauf). Clean text does not start a Latin word
     * with a Greek capital, so such a place needs no other damage in its line (wordStartPages), and the gate flags it.
     * One Latin letter after it is a formula's or a unit's ({@code Δx}, {@code Γn}, {@code Ωm}), and is left.
     */
    static boolean foreignCapital(int c, int next, int afterNext) {
        return c > 0x24F && Character.isUpperCase(c) && latinLowerCase(next) && latinLowerCase(afterNext);
    }

    private static boolean latinLowerCase(int c) {
        return c >= 0 && c <= 0x24F && Character.isLowerCase(c) && CharLikelihood.scriptOf(c) == UScript.LATIN;
    }

    /** {@link #foreignCapital(int, int, int)} of {@code text[i]} and the two chars after it. */
    private static boolean foreignCapital(CharSequence text, int i) {
        return i + 2 < text.length() && foreignCapital(text.charAt(i), text.charAt(i + 1), text.charAt(i + 2));
    }

    /**
     * Of the pages in {@code lead2}, those where the Latin capital {@code c} (latinCapitalBeforeLowerCase) may be a
     * letter cut short: at a word's start, a lead and a continuation byte making a letter of the next letter's script
     * ({@code Ćter} is åter under windows-1257, {@code Ćber} Über; a {@link #foreignCapital} even where
     * {@code wordStarts} is not asked); after the word's first capital, a lower-case
     * letter ({@code NĆgon}, {@code IÅplė}: Någon, Išplė). TextRepairer.lossyOnly judges them by the model. Only a
     * byte the page drops can fill such a place, so TextRepairer's wider flags are these too.
     */
    private static int wordStartPages(CharSequence text, int i, char c, int lead2, boolean wordStarts) {
        boolean first = i == 0 || !Character.isLetter(text.charAt(i - 1));
        if (first && !wordStarts && !foreignCapital(text, i)) {
            return 0;
        }
        int script = CharLikelihood.scriptOf(text.charAt(i + 1));
        int out = 0;
        for (int rest = lead2; rest != 0; rest &= rest - 1) {
            int bit = Integer.numberOfTrailingZeros(rest);
            int lead = (CodePages.ALL.get(bit).byteOf(c) & 0x1F) << 6;
            long bytes = DROPPED_CONTINUATIONS[bit];
            for (int r = lead; r < lead + 0x40; r++) {
                if ((bytes & 1L << (r & 0x3F)) != 0 && r <= 0x17F && (first ? Character.isLetter(r) : Character.isLowerCase(r))
                        && CharLikelihood.scriptOf(r) == script) {
                    out |= 1 << bit;
                    break;
                }
            }
        }
        return out;
    }

    private static final int ANY_SCRIPT = -1;

    /** {@link CodePage#droppedContinuations} per page of {@link CodePages#ALL}. */
    private static final long[] DROPPED_CONTINUATIONS = CodePages.ALL.stream().mapToLong(CodePage::droppedContinuations).toArray();

    /**
     * Of the pages in {@code lead2}, those where {@code c}'s lead byte and the page's no-break space (0xA0; 0x9A in
     * KOI8), flattened to the space after it, decode to a lower-case letter ({@code Ã} + space: à). Greek's article {@code Η} before two
     * spaces is text: under windows-1253 it would be Ǡ, a capital.
     */
    private static int pagesFillingLowerCaseWithSpace(char c, int lead2) {
        int out = 0;
        for (int rest = lead2; rest != 0; rest &= rest - 1) {
            int bit = Integer.numberOfTrailingZeros(rest);
            CodePage page = CodePages.ALL.get(bit);
            int nbsp = page.nbspByte();
            if (nbsp >= 0x80 && nbsp < 0xC0 && Character.isLowerCase((page.byteOf(c) & 0x1F) << 6 | nbsp & 0x3F)) {
                out |= 1 << bit;
            }
        }
        return out;
    }

    /** The chars before which French puts a no-break space ({@code fichier\u00A0: %s}, {@code texte\u00A0»}). */
    private static final String AFTER_FRENCH_NO_BREAK_SPACE = ":;?!»";

    /**
     * Of the pages in {@code lead2}, those under which {@code c}, glued to the lower-case letter before it and followed
     * by one space, reads as C2, the lead of the no-break space C2 A0 whose A0 clean-up made that space: where
     * typography puts a no-break space, before French {@code : ; ? ! »} ({@code fichierĀ : %s}, windows-1257) or
     * after a one-letter word before the next word ({@code wΒ tabeli}: Polish w, windows-1253). {@code c} must be
     * Â or Ā, which no word writes as a capital after a lower-case letter (also after a format's {@code %s}:
     * {@code %sÂ : impossible}), or a capital of another script than that letter, after a word: clean Russian writes
     * the unit {@code кВ} (windows-1251 C2) before a space, and a Greek capital glued to a format ({@code %sΒ : version})
     * has only the format to show it is no text, which leaves it.
     */
    private static int pagesFlatteningNoBreakSpace(CharSequence text, int i, char c, int lead2) {
        if (!noBreakSpacePlace(text, i)) {
            return 0;
        }
        int out = 0;
        for (int rest = lead2; rest != 0; rest &= rest - 1) {
            int bit = Integer.numberOfTrailingZeros(rest);
            CodePage page = CodePages.ALL.get(bit);
            if (page.byteOf(c) == 0xC2 && page.nbspByte() == 0xA0) {
                out |= 1 << bit;
            }
        }
        return out;
    }

    /**
     * Whether {@code text[i]} stands where {@link #pagesFlatteningNoBreakSpace} may flag it (whatever the pages): glued
     * to a lower-case letter, before one space and French punctuation or, after a one-letter word, a lower-case letter.
     * TextRepairer.lossyOnlyPlace asks it again of a no-break space filled at a place flagged for another filling.
     */
    static boolean noBreakSpacePlace(CharSequence text, int i) {
        if (i < 1 || i + 2 >= text.length() || text.charAt(i + 1) != ' ' || !Character.isLowerCase(text.charAt(i - 1))) {
            return false;
        }
        char c = text.charAt(i);
        char after = text.charAt(i + 2);
        boolean french = AFTER_FRENCH_NO_BREAK_SPACE.indexOf(after) >= 0;
        boolean oneLetterWord = (i == 1 || !Character.isLetter(text.charAt(i - 2))) && Character.isLowerCase(after);
        return (french || oneLetterWord) && (c == '\u00C2' || c == '\u0100'
                || CharLikelihood.scriptOf(c) != CharLikelihood.scriptOf(text.charAt(i - 1))
                        && (i < 2 || text.charAt(i - 2) != '%'));
    }

    /**
     * Whether what follows {@code text[i]} lets a filling of it that continues a lower-case word of {@code script}
     * stand (TextRepairer.lossyOnlyPlace): the line's end, a space (maybe a flattened no-break space the filling
     * takes), a lower-case letter of the same script, or no letter after two lower-case ones. {@code %sΗμερομηνία}
     * is clean: Η might fill to a Latin letter after the {@code s}, but μ is no Latin letter.
     */
    private static boolean mayEndFilledWord(CharSequence text, int i, int script) {
        if (i + 1 >= text.length()) {
            return true;
        }
        char next = text.charAt(i + 1);
        return next == ' '
                || Character.isLowerCase(next) && CharLikelihood.scriptOf(next) == script
                || !Character.isLetter(next) && i >= 2 && Character.isLowerCase(text.charAt(i - 2));
    }

    /**
     * For a letter of a script without case glued to a lower-case word ({@code nível} as {@code nأvel} under
     * windows-1256): whether a lower-case letter of {@code script} follows it, or two spaces, the first its no-break
     * space flattened ({@code già un} as {@code giأ  un}). Such a letter at a word's end is left: {@code README.mdأ}
     * may be clean.
     */
    private static boolean continuesFilledWord(CharSequence text, int i, int script) {
        if (i + 1 >= text.length()) {
            return false;
        }
        char next = text.charAt(i + 1);
        return Character.isLowerCase(next) && CharLikelihood.scriptOf(next) == script
                || next == ' ' && i + 2 < text.length() && text.charAt(i + 2) == ' ';
    }

    /**
     * Of the pages in {@code lead2}, those where {@code c}'s lead byte and some continuation byte decode to a
     * lower-case letter of {@code script} (or of any script): TextRepairer.lossyOnly keeps only such fillings, so
     * a page without one cannot repair here. Clean Greek puts capitals after lower-case Latin ({@code %sΠαρακαλώ}:
     * Π under windows-1253 leads only to Cyrillic, never a Latin letter); without this the whole line went to the
     * lossy search of every such page.
     */
    private static int pagesFillingLowerCase(char c, int lead2, int script, boolean fillable) {
        int out = 0;
        for (int rest = lead2; rest != 0; rest &= rest - 1) {
            int bit = Integer.numberOfTrailingZeros(rest);
            int first = (CodePages.ALL.get(bit).byteOf(c) & 0x1F) << 6;
            long bytes = fillable ? DROPPED_CONTINUATIONS[bit] : -1L;
            for (int r = first; r < first + 0x40; r++) {
                if ((bytes & 1L << (r & 0x3F)) != 0 && Character.isLowerCase(r)
                        && (script == ANY_SCRIPT || CharLikelihood.scriptOf(r) == script)) {
                    out |= 1 << bit;
                    break;
                }
            }
        }
        return out;
    }

    /** {@link #lossyOnlyPages(CharSequence, int)} over the whole line. */
    static int lossyOnlyPages(int[] cps) {
        return lossyOnlyPages(cps, false);
    }

    /** {@link #lossyOnlyPages(CharSequence, int)}, or with {@code wordStarts} {@link #lossyOnlyPagesWithWordStarts}, over the whole line. */
    static int lossyOnlyPages(int[] cps, boolean wordStarts) {
        String text = new String(cps, 0, cps.length);
        int pages = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) >= 0xA0) {
                pages |= lossyOnlyPages(text, i, false, wordStarts);
            }
        }
        return pages;
    }

    /**
     * The code pages (bit mask over {@link CodePages#ALL}) whose {@link LayerDecoder#strictEvidenceBound} may be
     * above 0 on {@code text}, a line without the traces {@link #completeSequencePages} reports. Every other
     * page's bound is 0: it has no complete sequence, or each of its sequences costs nothing in every context
     * the bound judges it in (see the class comment, step 1).
     */
    static int pagesToBound(String text) {
        return (int) scan(text);
    }

    /**
     * Of {@code pages}, whose sequences end at {@code text[end]}, those where a sequence may gain: some term of
     * its cost in the original text is above 0 (its chars, their pairs and triples, and the pair and triple with
     * the char before it), or, for the {@code touching} ones, which begin right where a sequence of the same
     * page ended, beside that sequence's decoding ({@link Joins}). Bit k of {@code noisy}: whether
     * {@link #costsAnythingAt} {@code text[end - k]}.
     */
    private static int costlyEnding(char[] text, int end, int pages, int touching, int noisy, Joins joins) {
        if ((noisy & 3) != 0) {
            return pages;
        }
        // sequences are BMP chars with a byte in the page: the lead sits 1, 2 or 3 chars back
        int two = pages & CodePages.lead2Mask(text[end - 1]);
        int three = end >= 2 ? pages & ~two & CodePages.lead3Mask(text[end - 2]) : 0;
        int four = pages & ~two & ~three;
        int costly = 0;
        if ((three | four) != 0 && (noisy & 4) != 0) {
            costly |= three | four;
        }
        if ((four & ~costly) != 0 && (noisy & 8) != 0) {
            costly |= four;
        }
        int joined = pages & touching & ~costly;
        if (joins == null) {
            return costly;
        }
        // a sequence that touches none on its left ends the chain of touching sequences before it
        costly |= joins.endChains(pages & ~joined & ~costly);
        for (int p = 0; joined != 0; p++, joined >>>= 1) {
            if ((joined & 1) != 0 && joins.costly(p, text, end)) {
                costly |= 1 << p;
            }
        }
        return costly;
    }

    /**
     * The joins of touching sequences in a quiet stretch, per page. {@link #costlyEnding} asks here only where
     * every char of both sequences and the char after each costs nothing in the original text, so the only terms
     * of a candidate's cost that may be above 0 in the contexts the bound judges it in
     * (LayerDecoder.strictEvidenceBound: its original neighbours, or the decodings of the candidates touching it)
     * are those joining its chars to a decoded neighbour: on the left, the pair and triple ending at its first and
     * second char ({@code pl}); on the right, the pair and triple ending at the decoded neighbour ({@code pr}).
     * The decoding {@code d} costs at least its char cost, its pair with a decoded left neighbour and its pair
     * with a decoded right one, so beside decoded neighbours its gain is at most {@code lp + rp - charCost(d)},
     * with {@code lp = max(0, pl - pairCost(left, d))} where the left neighbour is decoded (else 0) and
     * {@code rp = max(0, pr - pairCost(d, right))} likewise: its best gain over every context is at most
     * {@code ub = lp + rp - charCost(d)}, less what the bound makes a chain's first and last candidate pay in every
     * context for a symbol read out of a word (LayerDecoder.wordInterior, which needs a free side: {@link #interior}).
     * <p>
     * The bound then counts less than that (strictEvidenceBound's onlyKept): where the gains of the first round
     * (each candidate beside every touching neighbour decoded, at most {@code ub}) summed over those above MARGIN
     * stay below LOSSY_EVIDENCE and so do the later rounds', a candidate counts only beside the neighbours that may
     * pass MARGIN ({@code ub > MARGIN}), and only above MARGIN. So a page is left out when, along each chain of
     * touching sequences (cp866 reads most Russian words as one: ъек тов), every candidate's gain beside the
     * neighbours that may pass is at most MARGIN and the line's first-round sum stays below LOSSY_EVIDENCE: then
     * its bound is 0. A candidate's verdict waits for the right neighbour's {@code ub}, known at the join after it
     * or where the chain ends, so each page carries its chain's last two candidates.
     */
    private static final class Joins {
        /** The pages with a chain under way (its last candidate in {@link #lastLp} and the arrays beside it). */
        int chained;
        /** Per page, the chain's last candidate: its left part, its char cost, and whether its left neighbour may pass. */
        private final double[] lastLp = new double[CodePages.ALL.size()];
        private final double[] lastCc = new double[CodePages.ALL.size()];
        private final boolean[] lastLeftMayPass = new boolean[CodePages.ALL.size()];
        /**
         * Per page, what the chain's last candidate pays besides its char cost when the chain ends with it: its
         * LayerDecoder.wordInterior with a free right side (inside the chain both its sides touch a candidate, and
         * it pays none).
         */
        private final double[] lastInteriorAtEnd = new double[CodePages.ALL.size()];
        /** The pages whose chain has a candidate before the last one still waiting for the last one's {@code ub}. */
        private int pending;
        /** Per page, that candidate's gain beside the neighbours known to pass, less its char cost, and its right part. */
        private final double[] pendingSeen = new double[CodePages.ALL.size()];
        private final double[] pendingRp = new double[CodePages.ALL.size()];
        /** Per page, the first round's gains above MARGIN so far (each at most {@code ub}). */
        private final double[] firstRound = new double[CodePages.ALL.size()];
        /** A sequence's bytes, for {@link #decode}. */
        private final int[] bytes = new int[4];
        /** A candidate's chars and the char on each side, for {@link #interior}. */
        private final int[] window = new int[6];

        /**
         * Whether the sequence of page {@code p} ending at {@code text[end]} and the one right before it make the
         * page's bound possibly above 0 (see the class comment); also true for a surrogate half (CESU-8 pairs span
         * both) or decodings reading as a lead and a continuation in some page (a nested layer, which the bound does
         * not model).
         */
        boolean costly(int p, char[] text, int end) {
            CodePage page = CodePages.ALL.get(p);
            int bit = 1 << p;
            int start = end;
            while (isCont(page.byteOrNone(text[start]))) {
                start--;
            }
            int prevEnd = start - 1;
            int prevStart = prevEnd;
            while (isCont(page.byteOrNone(text[prevStart]))) {
                prevStart--;
            }
            int left = decode(page, text, prevStart, start);
            int right = decode(page, text, start, end + 1);
            if (left < 0 || right < 0) {
                // not a candidate: LayerDecoder's walk steps over it, and the other has its own neighbours
                return endChains(bit) != 0;
            }
            if (left >= 0xD800 && left <= 0xDFFF || right >= 0xD800 && right <= 0xDFFF) {
                return true;
            }
            if (left <= 0xFFFF && right <= 0xFFFF
                    && (CodePages.leadMask((char) left) & CodePages.contMask((char) right)) != 0) {
                return true;
            }
            if ((chained & bit) == 0) {
                // the left one begins a chain: nothing decoded on its left
                chained |= bit;
                lastLp[p] = 0;
                lastCc[p] = Plausibility.charCost(left) + interior(text, prevStart, start, left, false);
                lastLeftMayPass[p] = false;
            }
            int first = text[start];
            int last = text[prevEnd];
            double between = Plausibility.pairCost(left, right);
            double rp = Math.max(0, Plausibility.pairCost(last, right)
                    + Plausibility.tripleCost(text[prevEnd - 1], last, right) - between);
            double lp = Math.max(0, Plausibility.pairCost(left, first)
                    + Plausibility.tripleCost(left, first, text[start + 1]) - between);
            // the left one's right neighbour is now known: its ub, and the verdict of the one before it
            double ub = lastLp[p] + rp - lastCc[p];
            boolean mayPass = ub > LayerDecoder.MARGIN;
            if (mayPass) {
                firstRound[p] += ub;
            }
            if ((pending & bit) != 0 && pendingSeen[p] + (mayPass ? pendingRp[p] : 0) > LayerDecoder.MARGIN) {
                return true;
            }
            pending |= bit;
            pendingSeen[p] = (lastLeftMayPass[p] ? lastLp[p] : 0) - lastCc[p];
            pendingRp[p] = rp;
            lastLp[p] = lp;
            lastCc[p] = Plausibility.charCost(right);
            lastInteriorAtEnd[p] = interior(text, start, end + 1, right, true);
            lastLeftMayPass[p] = mayPass;
            return firstRound[p] >= LayerDecoder.LOSSY_EVIDENCE;
        }

        /**
         * Ends the chains of {@code pages} (their last candidates have no decoded right neighbour) and returns those
         * of them whose last two candidates, or whose first-round sum, may make the bound above 0.
         */
        int endChains(int pages) {
            int costly = 0;
            for (int rest = pages & chained; rest != 0; rest &= rest - 1) {
                int p = Integer.numberOfTrailingZeros(rest);
                int bit = 1 << p;
                double cc = lastCc[p] + lastInteriorAtEnd[p];
                double ub = lastLp[p] - cc;
                boolean mayPass = ub > LayerDecoder.MARGIN;
                if (mayPass) {
                    firstRound[p] += ub;
                }
                if ((pending & bit) != 0 && pendingSeen[p] + (mayPass ? pendingRp[p] : 0) > LayerDecoder.MARGIN
                        || (lastLeftMayPass[p] ? lastLp[p] : 0) - cc > LayerDecoder.MARGIN
                        || firstRound[p] >= LayerDecoder.LOSSY_EVIDENCE) {
                    costly |= bit;
                }
                chained &= ~bit;
                pending &= ~bit;
            }
            return costly;
        }

        /**
         * LayerDecoder.wordInterior of the candidate {@code text[from..to)} decoding to {@code cp}, whose right side
         * touches a candidate (and, with {@code touchedLeft}, its left side too): a decoding that is no letter, of
         * letters of one non-Latin alphabet, with a letter of it on the free side, pays it in every context the bound
         * judges the candidate in (cp866 reads the рек of некоректний as the Devanagari digit ४). A char beyond the
         * BMP beside it counts as no letter: the cost is then 0, which leaves the bound as high as before.
         */
        private double interior(char[] text, int from, int to, int cp, boolean touchedLeft) {
            int length = to - from;
            int free = touchedLeft ? to : from - 1;
            if (length + 2 > window.length || free < 0 || free >= text.length || !isLetter(text[free])) {
                // no letter on the free side: wordInterior is 0 (most chains end at a word's edge)
                return 0;
            }
            window[0] = from > 0 ? text[from - 1] : ' ';
            for (int i = 0; i < length; i++) {
                window[1 + i] = text[from + i];
            }
            window[1 + length] = to < text.length ? text[to] : ' ';
            return LayerDecoder.wordInterior(window, 1, 1 + length, cp, touchedLeft ? 1 : -1,
                    touchedLeft ? Integer.MAX_VALUE : 1 + length);
        }

        /** The code point of the sequence {@code text[from..to)} under {@code page} (surrogate halves kept), or -1. */
        private int decode(CodePage page, char[] text, int from, int to) {
            if (to - from > bytes.length) {
                return -1;
            }
            for (int i = from; i < to; i++) {
                bytes[i - from] = page.byteOrNone(text[i]);
            }
            return Utf8.decode(bytes, to - from, true);
        }
    }

    private static boolean isCont(int b) {
        return b >= 0x80 && b < 0xC0;
    }

    /** {@link Plausibility#costsAnythingAt} for the code point starting at {@code text[i]}, in its context. */
    private static boolean costsAnythingAt(char[] text, int i) {
        // most chars of clean text and their neighbours are told apart by class (a surrogate half is no class)
        if (Plausibility.quietPair(i > 0 ? text[i - 1] : -1, text[i])) {
            return false;
        }
        int cp = Character.codePointAt(text, i);
        int prev = i > 0 ? Character.codePointBefore(text, i) : -1;
        int before = i - (prev < 0 ? 0 : Character.charCount(prev));
        int prev2 = before > 0 ? Character.codePointBefore(text, before) : -1;
        return Plausibility.costsAnythingAt(prev2, prev, cp);
    }

    /**
     * The code pages (bit mask over {@link CodePages#ALL}) in which some adjacent pair of {@code cps} reads F0 9F, or
     * some char starts an emoji cut short at its first bytes ({@link #cutEmojiPages}), or an emoji is followed by the
     * chars the page reads the emoji selector's EF B8 as ({@link #selectorPages}).
     */
    static int emojiPairPages(int[] cps) {
        int mask = 0;
        String text = null;
        for (int i = 0, at = 0; i + 1 < cps.length; at += Character.charCount(cps[i]), i++) {
            if (cps[i] >= 0x2000 && cps[i + 1] < SELECTOR_LEAD.length && SELECTOR_LEAD[cps[i + 1]]
                    && SymbolPrior.isEmoji(cps[i])) {
                // the emoji selector cut short right after an emoji (✈ï¸: windows-1252 drops the 8F of EF B8 8F)
                text = text == null ? new String(cps, 0, cps.length) : text;
                mask |= selectorPages(text, at + Character.charCount(cps[i]));
            }
            if (cps[i] >= 0x80 && cps[i] <= 0xFFFF && cps[i + 1] <= 0xFFFF) {
                mask |= CodePages.emojiLeadMask((char) cps[i]) & CodePages.emojiSecondMask((char) cps[i + 1]);
                if (CodePages.starts((char) cps[i]) < 0) {
                    text = text == null ? new String(cps, 0, cps.length) : text;
                    mask |= cutEmojiPages(text, at);
                }
            }
        }
        return mask;
    }

    /**
     * The code pages (bit mask over {@link CodePages#ALL}) under which {@code text[i]} may be the first char left of
     * an emoji cut short: F0 followed by one or two continuations where the page drops 9F (windows-1253
     * {@code π‚} for 😂, windows-1257 {@code š€} for 🚀), 9F followed by one or two where the page drops F0
     * (cp850 {@code ƒÿé}), or E2 followed by one (windows-1255 {@code ג…} for ✅, windows-1252 {@code âŒ} for ❌).
     * Only where an emoji stands in chat, not glued to a word: no letter before it (but the tail of another
     * emoji) and none after its continuations (but the start of another emoji), so the Greek {@code απ’}
     * (από elided) is no such place; after E2, whose visible continuation is one char, that char makes no word
     * with it (the Bulgarian {@code те} is E2 A5 in cp866). TextRepairer.emojiOnly keeps only
     * emoji there.
     */
    private static final int IS_LETTER = 1;
    private static final int IS_MARK = 2;
    private static final int IS_UPPER = 4;
    private static final int IS_LOWER = 8;
    /*
     * What cutEmojiPages asks of the chars around a place, per BMP char from the very Character methods: clean
     * Russian asks it at every в (windows-1251 E2) and т (cp866 E2), and Character.getType was a tenth of its gate.
     */
    private static final BmpMemo LETTER_BITS = new BmpMemo(c -> (Character.isLetter(c) ? IS_LETTER : 0)
            | (Character.getType(c) == Character.NON_SPACING_MARK ? IS_MARK : 0)
            | (Character.isUpperCase(c) ? IS_UPPER : 0) | (Character.isLowerCase(c) ? IS_LOWER : 0));

    /** A letter or a combining mark (Hebrew points: the Yiddish {@code ָג”} is a word, not an emoji's place). */
    private static boolean isLetterOrMark(char c) {
        return (LETTER_BITS.get(c) & (IS_LETTER | IS_MARK)) != 0;
    }

    private static boolean isLetter(char c) {
        return (LETTER_BITS.get(c) & IS_LETTER) != 0;
    }

    static int cutEmojiPages(CharSequence text, int i) {
        char c = text.charAt(i);
        int four = CodePages.emojiLeadCutMask(c) | CodePages.emojiSecondAloneMask(c);
        int three = CodePages.symbolLeadCutMask(c);
        int n = text.length();
        if ((four | three) == 0 || i + 1 >= n) {
            return 0;
        }
        boolean afterLetter = i > 0 && isLetterOrMark(text.charAt(i - 1));
        int before = afterLetter ? CodePages.contMask(text.charAt(i - 1)) : -1;
        int cont = CodePages.contMask(text.charAt(i + 1));
        four &= before & cont;
        // a symbol emoji's E2 stands after no letter at all: windows-1251 reads the Ukrainian ів… as і (B3, a
        // continuation), в (E2) and … (85)
        three &= afterLetter ? 0 : -1;
        // E2's continuation must not make a word with it: cp866 reads т as E2 and а..п as continuations (Bulgarian
        // те); a capital after a small letter makes none (âŒ, ❌ under windows-1252)
        char next = text.charAt(i + 1);
        int nextBits = LETTER_BITS.get(next);
        boolean word = (nextBits & IS_LETTER) != 0
                && !((nextBits & IS_UPPER) != 0 && (LETTER_BITS.get(c) & IS_LOWER) != 0);
        three &= cont;
        if (word && three != 0) {
            // unless the emoji selector U+FE0F follows (✈️ as âś + ď¸Ź under windows-1250, ☺️ as āŗ + ļø¸ under
            // windows-1257) or a skin tone (✍🏽 as âœ + 🏽 under windows-1252, which drops ✍'s 8D): no word goes on
            // with either
            three &= selectorPages(text, i + 2) | (skinToneAt(text, i + 2) ? -1 : 0);
        }
        if ((four | three) == 0) {
            return 0;
        }
        int end = i + 2;
        if (end < n) {
            int cont2 = CodePages.contMask(text.charAt(end));
            // E2 with two continuations is complete: the strict pass judges it
            three &= ~cont2;
            if ((cont2 & four) != 0) {
                end++;
            }
        }
        int pages = four | three;
        if (end < n && isLetter(text.charAt(end))) {
            char d = text.charAt(end);
            pages &= CodePages.emojiLeadMask(d) | CodePages.emojiSecondAloneMask(d) | CodePages.symbolLeadCutMask(d)
                    | selectorPages(text, end);
        }
        return pages;
    }

    /** Whether a skin tone (U+1F3FB..U+1F3FF, a surrogate pair) starts at {@code text[at]}. */
    private static boolean skinToneAt(CharSequence text, int at) {
        return at < text.length() && SymbolPrior.isSkinTone(Character.codePointAt(text, at));
    }

    /**
     * The code pages (bit mask over {@link CodePages#ALL}) under which the emoji selector U+FE0F (EF B8 8F) starts
     * at {@code text[at]}: the selector itself (every page), or the chars the page reads EF and B8 as (its 8F may
     * be lost with the page's undefined bytes). Nothing in clean text puts either after an E2 and one continuation.
     */
    static int selectorPages(CharSequence text, int at) {
        if (at >= text.length()) {
            return 0;
        }
        char c = text.charAt(at);
        if (c == '\uFE0F') {
            return -1;
        }
        if (c < 0x80 || at + 1 >= text.length()) {
            return 0;
        }
        if (!SELECTOR_LEAD[c]) {
            // clean Russian asks at every word-initial т before a letter (cp866 reads т as E2 and а..п as continuations)
            return 0;
        }
        char d = text.charAt(at + 1);
        int pages = 0;
        for (int p = 0; p < SELECTOR_FIRST.length; p++) {
            if (c == SELECTOR_FIRST[p] && d == SELECTOR_SECOND[p]) {
                pages |= 1 << p;
            }
        }
        return pages;
    }

    /** Per page of {@link CodePages#ALL}, the chars it reads the emoji selector's first two bytes, EF and B8, as. */
    private static final char[] SELECTOR_FIRST = selectorChars(0xEF);
    private static final char[] SELECTOR_SECOND = selectorChars(0xB8);
    /** Whether some page reads EF as the char. */
    private static final boolean[] SELECTOR_LEAD = new boolean[0x10000];

    static {
        for (char c : SELECTOR_FIRST) {
            SELECTOR_LEAD[c] = true;
        }
    }

    private static char[] selectorChars(int b) {
        char[] out = new char[CodePages.ALL.size()];
        for (CodePage page : CodePages.ALL) {
            char c = page.charOf(b);
            // a page without the byte reads it as nothing the text can hold
            out[page.index()] = page.canEncode(c) && page.byteOf(c) == b ? c : '\uFFFF';
        }
        return out;
    }

    /** The code pages (bit mask over {@link CodePages#ALL}) that could explain some lead+continuation pair. */
    static int candidatePages(int[] cps) {
        int mask = 0;
        for (int i = 0; i + 1 < cps.length; i++) {
            int c = cps[i];
            int d = cps[i + 1];
            if (c < 0x80 || c > 0xFFFF || d > 0xFFFF) {
                continue;
            }
            mask |= CodePages.leadMask((char) c) & CodePages.contMask((char) d);
        }
        return mask;
    }
}
