package dev.colloquy.repair;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/*
 * MojibakeScan.quietRun for runs of Cyrillic letters (U+0400..U+045F, Ґ ґ) and the punctuation of Cyrillic prose,
 * as a table built at class init: one load per char for its class and one for the next state.
 *
 * quietRun steps the states of all 21 code pages at every char (about 45 operations): cp866 reads clean Russian as
 * UTF-8 (а..п continuations, р..я three-byte leads), windows-1251 and KOI8 read і ї є ё as continuations, so a
 * Cyrillic line completes sequences at nearly every word and reaches that loop. Its state after a char is a pure
 * function of its state before and of five per-char values (the run word, the continuation mask, the leads, the
 * starts and the seconds); over the chars of this table those take a few dozen distinct values (the classes) and
 * the states reachable from a run's start a few hundred, so quietRun's loop is enumerated here once, state by
 * state, by the very step it runs (MojibakeScan.quietStep). A run whose every char has a class is judged by the
 * table; any other run, and any run of another script, goes to quietRun as before (a round-8 trial of one lazily
 * built automaton shared by every char slowed Arabic and Greek down; this one is built ahead, for these chars only,
 * and other scripts never read it). The verdict and the complete pages are quietRun's: GateShortcutsTest holds
 * the two against each other on random runs.
 */
final class CyrillicRuns {

    /** The chars besides U+0400..U+045F that the table reads (a char whose run word is 0 is left out). */
    private static final String OTHERS = "\u0490\u0491\u00A0\u2013\u2014\u2018\u2019\u201C\u201D\u201E\u2026\u2116";
    /** Per BMP char, its class (a column of {@link #TABLE}), 0 where the table does not read it. */
    private static final byte[] CLASS = new byte[0x10000];
    /** log2 of the columns per state (the classes, padded to a power of two). */
    private static final int COLUMN_BITS;
    /**
     * [state << COLUMN_BITS | class]: the next state shifted as the index is, with the done pages' bit
     * ({@link #DONE_PAGES}) at {@link #DONE_SHIFT} and up; -1 where the run cannot be quiet (quietRun answers -1).
     */
    private static final int[] TABLE;
    private static final int DONE_SHIFT;
    /** The done bits of an entry: the distinct masks of pages completing at one char, at most this many. */
    private static final int DONE_BITS = 12;
    /** The pages where a sequence completes, one mask per done bit of a {@link #TABLE} entry. */
    private static final int[] DONE_PAGES;
    /** Per state (index without the shift), the run words or'd so far (quietRun's {@code seen}). */
    private static final int[] SEEN;
    /** The state at a run's start after the ASCII char c ([c]) or at the line's start ([0x80]); 0: never quiet. */
    private static final int[] START = new int[0x81];

    private CyrillicRuns() {
    }

    /** Whether the table reads {@code c}: a run that begins with it may be judged by {@link #quietRun}. */
    static boolean reads(char c) {
        return CLASS[c] != 0;
    }

    /** {@link #quietRun}'s answer for a run holding a char the table does not read (MojibakeScan.quietRun's is -1). */
    static final long UNREAD = -2;

    /**
     * MojibakeScan.quietRun of the run of non-ASCII chars from {@code cs[s]}: the pages with a sequence complete in it
     * when it is quiet, else -1, and its end (the ASCII char after it, or the line's end) in {@code second.end}; or
     * {@link #UNREAD} (end not set) when the run holds a char the table does not read.
     */
    static long quietRun(char[] cs, int s, MojibakeScan.Second second) {
        int n = cs.length;
        int state = START[s > 0 ? cs[s - 1] : 0x80];
        int done = 0;
        int i = s;
        for (; i < n; i++) {
            char c = cs[i];
            if (c < 0x80) {
                break;
            }
            int cls = CLASS[c];
            if (cls == 0) {
                return UNREAD;
            }
            int next = TABLE[state | cls];
            if (next < 0) {
                // not quiet: where the run ends is all the caller needs
                while (i < n && cs[i] >= 0x80) {
                    if (CLASS[cs[i]] == 0) {
                        return UNREAD;
                    }
                    i++;
                }
                second.end = i;
                return -1;
            }
            done |= next;
            state = next & (1 << DONE_SHIFT) - 1;
        }
        second.end = i;
        // quietRun's last questions, about the ASCII char after the run
        int seen = SEEN[state >>> COLUMN_BITS];
        if (i < n) {
            long after = MojibakeScan.seenWithCharAfter(cs, s, i, seen);
            if (after < 0) {
                return -1;
            }
            seen = (int) after;
        }
        if (Plausibility.manyAlphabets(seen)) {
            return -1;
        }
        int complete = 0;
        for (int bits = done >>> DONE_SHIFT; bits != 0; bits &= bits - 1) {
            complete |= DONE_PAGES[Integer.numberOfTrailingZeros(bits)];
        }
        return complete;
    }

    /** One class: the five values of a char that quietRun's step reads. */
    private record Column(int word, int cont, long leads, long starts, long seconds) {

        // written out, as QuietState's are: the generated ones bootstrap through method handles on first use
        @Override
        public boolean equals(Object o) {
            return o instanceof Column c && word == c.word && cont == c.cont && leads == c.leads && starts == c.starts
                    && seconds == c.seconds;
        }

        @Override
        public int hashCode() {
            int h = 31 * word + cont;
            h = 31 * h + Long.hashCode(leads);
            h = 31 * h + Long.hashCode(starts);
            return 31 * h + Long.hashCode(seconds);
        }
    }

    static {
        Map<Column, Integer> columns = new HashMap<>();
        List<Column> byClass = new ArrayList<>();
        // class 0: a char the table does not read
        byClass.add(null);
        StringBuilder chars = new StringBuilder();
        for (char c = 0x400; c < 0x460; c++) {
            chars.append(c);
        }
        chars.append(OTHERS);
        for (int k = 0; k < chars.length(); k++) {
            char c = chars.charAt(k);
            int word = MojibakeScan.runWord(c);
            if (word == 0) {
                continue;
            }
            Column column = new Column(word, CodePages.contMask(c), CodePages.leads(c), CodePages.starts(c),
                    CodePages.seconds(c));
            Integer id = columns.get(column);
            if (id == null) {
                id = byClass.size();
                columns.put(column, id);
                byClass.add(column);
            }
            CLASS[c] = (byte) (int) id;
        }
        if (byClass.size() > Byte.MAX_VALUE) {
            throw new AssertionError("classes: " + byClass.size());
        }
        COLUMN_BITS = 32 - Integer.numberOfLeadingZeros(byClass.size() - 1);
        // the states reachable from a run's start, breadth first
        Map<MojibakeScan.QuietState, Integer> ids = new HashMap<>();
        List<MojibakeScan.QuietState> states = new ArrayList<>();
        // state 0: no run from here is quiet (every entry -1)
        states.add(null);
        for (int a = 0; a <= 0x80; a++) {
            MojibakeScan.QuietState start = a < 0x80 ? MojibakeScan.QuietState.afterAscii((char) a)
                    : MojibakeScan.QuietState.atLineStart();
            START[a] = start == null ? 0 : idOf(start, ids, states) << COLUMN_BITS;
        }
        List<int[]> rows = new ArrayList<>();
        List<Integer> doneMasks = new ArrayList<>();
        for (int k = 0; k < states.size(); k++) {
            MojibakeScan.QuietState state = states.get(k);
            int[] row = new int[1 << COLUMN_BITS];
            java.util.Arrays.fill(row, -1);
            for (int cls = 1; state != null && cls < byClass.size(); cls++) {
                Column column = byClass.get(cls);
                MojibakeScan.QuietState next = state.step(column.word(), column.cont(), column.leads(), column.starts(),
                        column.seconds());
                if (next == null) {
                    continue;
                }
                int done = state.doneAt(column.cont());
                int bit = 0;
                if (done != 0) {
                    int at = doneMasks.indexOf(done);
                    if (at < 0) {
                        at = doneMasks.size();
                        doneMasks.add(done);
                    }
                    bit = 1 << at;
                }
                row[cls] = idOf(next, ids, states) << COLUMN_BITS | bit << 31 - DONE_BITS;
            }
            rows.add(row);
        }
        DONE_SHIFT = 31 - DONE_BITS;
        if ((long) states.size() << COLUMN_BITS > 1L << DONE_SHIFT || doneMasks.size() > DONE_BITS) {
            throw new AssertionError("states: " + states.size() + ", done masks: " + doneMasks.size());
        }
        TABLE = new int[states.size() << COLUMN_BITS];
        for (int k = 0; k < rows.size(); k++) {
            System.arraycopy(rows.get(k), 0, TABLE, k << COLUMN_BITS, 1 << COLUMN_BITS);
        }
        DONE_PAGES = doneMasks.stream().mapToInt(Integer::intValue).toArray();
        SEEN = states.stream().mapToInt(state -> state == null ? 0 : state.seen()).toArray();
    }

    private static int idOf(MojibakeScan.QuietState state, Map<MojibakeScan.QuietState, Integer> ids,
            List<MojibakeScan.QuietState> states) {
        Integer id = ids.get(state);
        if (id == null) {
            id = states.size();
            ids.put(state, id);
            states.add(state);
        }
        return id;
    }
}
