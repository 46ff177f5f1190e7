package dev.colloquy.signals;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/*
 * Finds candidate holes with cheap surface cues and gives each a first score.
 *
 * When an exporter drops an emphasized span with its content, the spaces and punctuation around the span
 * stay: "in *shared purpose*." becomes "in ." and "just *gets* you" becomes "just  you". So the cues are a
 * double space inside a line, a space before punctuation, a dash or parenthesis touching a gap on one side,
 * empty quotes, and a line starting with punctuation or with a space and a lowercase word (see HoleCue).
 * Each cue also occurs in intact text, which the scanner rules out first by looking at the whole line:
 *   - code: fenced blocks (``` or ~~~), lines indented by a tab or four spaces, `inline code`;
 *   - tables, aligned columns and ASCII art: two or more '|', a run of three spaces, or a line whose
 *     non-space characters are mostly not letters;
 *   - typing conventions: two spaces after a sentence end (unless what follows cannot start a sentence:
 *     a lowercase word, `code`, a digit) or a colon, trailing spaces (markdown line breaks), a list
 *     marker followed by two spaces, spaced dashes (" — ") and parentheses, ellipses, emoticons;
 *   - writing systems without spaces between words (Han, kana), where a double space means nothing;
 *   - a turn that puts two spaces between many words or spaces before ?!:; (French typography) as a habit.
 * The score then rises when the word before the gap needs a complement (a determiner, preposition,
 * copula: "in .", "as a —"), see HoleWords. Scores are calibrated on the dev split of the labelled set.
 */
final class HoleScanner {

    private static final String SENTENCE_END = ".!?";
    private static final String CLOSERS = "\"'”’)]}»";
    private static final String OPENERS = "\"'“‘([«";
    private static final String GAP_PUNCTUATION = ".,;:!?";
    /** Two spaces between words count as the writer's habit when more than 1 in HABIT_SHARE spaces are doubled. */
    private static final int HABIT_SHARE = 3;

    /** Sentence ends followed by two spaces and a capital: the writer's habit, which excuses others. */
    private int sentenceEndDoubleSpaces;

    /** Candidates in {@code text}, by index. Not thread-safe: use one scanner per text. */
    List<HoleCandidate> scan(String text) {
        sentenceEndDoubleSpaces = 0;
        List<HoleCandidate> out = new ArrayList<>();
        boolean fenced = false;
        int start = 0;
        int length = text.length();
        while (start <= length) {
            int end = text.indexOf('\n', start);
            if (end < 0) {
                end = length;
            }
            int lineEnd = end > start && text.charAt(end - 1) == '\r' ? end - 1 : end;
            if (isFence(text, start, lineEnd)) {
                fenced = !fenced;
            } else if (!fenced) {
                int body = optionHeader(text, start, lineEnd, out);
                if (body < lineEnd) {
                    // most lines hold no cue at all: ask whether the line is prose (a second pass over it) only
                    // when it does, and take back what it found if not
                    int found = out.size();
                    int habit = sentenceEndDoubleSpaces;
                    scanLine(text, body, lineEnd, out);
                    if ((out.size() > found || sentenceEndDoubleSpaces != habit) && !isProse(text, body, lineEnd)) {
                        out.subList(found, out.size()).clear();
                        sentenceEndDoubleSpaces = habit;
                    }
                }
            }
            start = end + 1;
        }
        if (out.isEmpty()) {
            return out;
        }
        applyHabits(text, out);
        return inOrder(out);
    }

    private static boolean isFence(String text, int start, int end) {
        int i = start;
        while (i < end && text.charAt(i) == ' ') {
            i++;
        }
        return text.startsWith("```", i) || text.startsWith("~~~", i);
    }

    /**
     * A line that opens with nothing but the separators of a cut option list (", ", " , ,  ", "[], [=] ",
     * " [,...], [,...] "): a manual's option header whose names were all emphasized and cut, leaving the
     * description. One hole at the line start, and one wherever two separators meet with nothing between
     * (a space then a space, a comma or a bracket; "[" then "]"; "=" then "]"), and before Han/kana after a
     * single space. Returns where the description starts, or {@code start} if the line is no such header.
     * Must open with ',' or '[' after any spaces: "..., and so on" and "[ ] todo" are not headers.
     */
    private static int optionHeader(String text, int start, int end, List<HoleCandidate> out) {
        int body = start;
        while (body < end && " ,[]=.".indexOf(text.charAt(body)) >= 0) {
            body++;
        }
        int opener = start;
        while (opener < body && text.charAt(opener) == ' ') {
            opener++;
        }
        if (body - start < 2 || body == end || opener == body || ",[".indexOf(text.charAt(opener)) < 0
                || !Character.isLetterOrDigit(text.charAt(body))) {
            return start;
        }
        String header = text.substring(start, body);
        if (header.indexOf(',') < 0 && !header.contains("[]") && !header.contains("[=]")) {
            return start;
        }
        add(out, start, HoleCue.LINE_START, 0.7);
        for (int p = start + 1; p < body; p++) {
            char before = text.charAt(p - 1);
            char c = text.charAt(p);
            if (before == ' ' && " ,[".indexOf(c) >= 0 || c == ']' && (before == '[' || before == '=')) {
                add(out, p, HoleCue.LINE_START, 0.7);
            }
        }
        if (isCjk(text.charAt(body)) && text.charAt(body - 1) == ' ' && text.charAt(body - 2) != ' ') {
            add(out, body, HoleCue.LINE_START, 0.7);
        }
        return body;
    }

    private static boolean isAsciiWord(String text, int at, int end) {
        int j = at;
        while (j < end && text.charAt(j) != ' ') {
            if (text.charAt(j) >= 128) {
                return false;
            }
            j++;
        }
        return j > at;
    }

    /**
     * "  -s, --show-parents  show parents", "-b --base-file <basefile>  Read": a command's option help, whose
     * two spaces align the description; a Markdown list item ("- item") has a space after its dash.
     */
    private static boolean isOptionHelp(String text, int start, int end) {
        int i = start;
        while (i < end && text.charAt(i) == ' ') {
            i++;
        }
        if (i + 1 >= end || text.charAt(i) != '-') {
            return false;
        }
        int name = text.charAt(i + 1) == '-' ? i + 2 : i + 1;
        if (name >= end || !isLetter(text.charAt(name))) {
            return false;
        }
        // the aligning gap within this line (indexOf would read on through the rest of a long text)
        int gap = name;
        while (gap + 1 < end && !(text.charAt(gap) == ' ' && text.charAt(gap + 1) == ' ')) {
            gap++;
        }
        if (gap + 1 >= end) {
            return false;
        }
        // before the aligning gap only options and their placeholders: "-s, --show", "-b --base <file>", "-o FILE";
        // "-F Wenn  mit" is a description whose hole is the gap
        for (String token : text.substring(i, gap).split(" ")) {
            char t = token.isEmpty() ? '-' : token.charAt(0);
            if (t != '-' && t != '<' && t != '[' && !token.equals(token.toUpperCase(java.util.Locale.ROOT))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isProse(String text, int start, int end) {
        if (start >= end) {
            return false;
        }
        if (text.charAt(start) == '\t' || text.startsWith("    ", start) || isOptionHelp(text, start, end)) {
            return false;
        }
        int pipes = 0;
        int letters = 0;
        int wideGaps = 0;
        int wideCjkRuns = 0;
        boolean wideGapBetweenWords = false;
        int cjk = 0;
        int visible = 0;
        int spaceRun = 0;
        boolean wideGap = false;
        boolean alignment = false;
        boolean seenVisible = false;
        for (int i = start; i < end; i++) {
            char c = text.charAt(i);
            if (c == ' ') {
                spaceRun++;
                continue;
            }
            if (c == '\t' && seenVisible) {
                return false;
            }
            // four or five spaces between Han/kana characters, once in a line, are cuts side by side ("してください。
            // ⟦⟧ ⟦⟧ ⟦⟧ ⟦⟧ ここで"); more, or more often, align columns
            boolean cjkCuts = spaceRun >= 4 && spaceRun <= 5 && seenVisible && isCjk(c) && isCjk(text.charAt(i - spaceRun - 1));
            wideCjkRuns += cjkCuts ? 1 : 0;
            alignment |= spaceRun >= 4 && seenVisible && !cjkCuts;
            // "indicadas.  ⟦⟧ es una": a sentence end's two spaces and the one after a cut word, not a column
            boolean columnLike = spaceRun == 3 && seenVisible && !isSentenceEndAfterWord(text, i - 4);
            wideGap |= columnLike;
            wideGaps += columnLike ? 1 : 0;
            wideGapBetweenWords |= columnLike && Character.isLowerCase(c) && Character.isLowerCase(text.charAt(i - 4));
            spaceRun = 0;
            seenVisible = true;
            visible++;
            if (isLetter(c)) {
                letters++;
                cjk += isCjk(c) ? 1 : 0;
            } else if (c == '|') {
                pipes++;
            }
        }
        // three spaces align columns in spaced scripts; in Han/kana prose they are two cuts side by side; four
        // or more align columns in any script
        // "$ ls" is a prompt; "$ 또는 $를 설정하면", "$ ayarlanmışsa değeri" are prose whose variable names were cut:
        // commands are ASCII words
        if (text.startsWith("$ ", start) && isAsciiWord(text, start + 2, end)) {
            return false;
        }
        // one run of three spaces between two lowercase words ("için   seçeneğini") is two cuts side by side in a
        // sentence; columns align more than one row, and their cells rarely both start lowercase
        boolean twoCuts = wideGaps == 1 && wideGapBetweenWords && letters >= 30;
        boolean cjkProse = cjk * 2 > letters;
        return pipes < 2 && letters * 2 >= visible && !alignment && (!wideGap || twoCuts || cjkProse)
                && (wideCjkRuns == 0 || wideCjkRuns == 1 && cjkProse);
    }

    private void scanLine(String text, int start, int end, List<HoleCandidate> out) {
        int first = start;
        while (first < end && text.charAt(first) == ' ') {
            first++;
        }
        if (first + 1 < end && ",.;:".indexOf(text.charAt(first)) >= 0 && text.charAt(first + 1) == ' '
                && !text.startsWith("..", first)) {
            add(out, first, HoleCue.LINE_START, 0.6);
        } else if (first == start && text.charAt(first) == '(' && manSection(text, first, end)
                && nounSuffixAfter(text, text.indexOf(')', first) + 1, end)) {
            // "(1) の呼び出し": a manual reference the next word attaches to lost its name ("(1) first" enumerates)
            add(out, start, HoleCue.BRACKET_GAP, 0.7);
        } else if (first == start && footnote(text, first, end) > 0 && nounSuffixAfter(text, footnote(text, first, end), end)) {
            // "[1] をご覧ください": a link's text was cut, its footnote number stayed
            add(out, start, HoleCue.BRACKET_GAP, 0.7);
        } else if (first == start && isHangul(text.charAt(first)) && startsWithOrphanParticle(text, first, end)) {
            // "는  파일 또는": a Korean particle opening the line lost the term it was attached to
            add(out, start, HoleCue.ORPHAN_PARTICLE, 0.75);
        } else if (first == start + 1 && first < end) {
            // " for retrieval of packages", " - kills processes by name": a line opened with a now-missing word;
            // " This API..." too, if it opens a paragraph (a one-space indent inside one is only untidy)
            char c = text.charAt(first);
            boolean paragraphStart = start == 0 || start >= 2 && text.charAt(start - 2) == '\n';
            if (Character.isLowerCase(c) || isCjk(c) || isHangul(c)) {
                // a line has no reason to open with a space before a lowercase word, or before Han/kana at all
                add(out, start, HoleCue.LINE_START, 0.55);
            } else if (paragraphStart && (Character.isUpperCase(c) || c == '`' || c == '(' || c == '/'
                    || (c == '-' || c == '–' || c == '—') && first + 1 < end && text.charAt(first + 1) == ' ')) {
                add(out, start, HoleCue.LINE_START, 0.55);
            }
        } else if (first == start + 2 && first < end && (start == 0 || start >= 2 && text.charAt(start - 2) == '\n')
                && (isHangul(text.charAt(first)) || isCjk(text.charAt(first)))) {
            // "  형식으로": a paragraph opened by two cut terms; not in Latin text, where "  VERSION" is indentation
            add(out, start, HoleCue.LINE_START, 0.55);
            add(out, start + 1, HoleCue.LINE_START, 0.55);
        }
        boolean inCode = false;
        for (int i = first; i < end; i++) {
            char c = text.charAt(i);
            if (!isCueChar(c)) {
                continue; // letters, digits, most punctuation: no branch below acts on them
            }
            if (c == '`') {
                inCode = !inCode;
                continue;
            }
            if (i == first && first == start + 1 && c == '(' && i + 1 < end && text.charAt(i + 1) == ')') {
                // " () は": the line lost a term, and its parenthesized alternative too
                add(out, i + 1, HoleCue.EMPTY_PAIR, 0.7);
            }
            if (inCode || i == first) {
                continue;
            }
            char left = text.charAt(i - 1);
            if (c == ' ' && left != ' ') {
                if (i + 1 < end && isQuietBesideSpace(left) && isQuietBesideSpace(text.charAt(i + 1))) {
                    continue; // one space between two words of a spaced script: none of the cues below
                }
                int run = 1;
                while (i + run < end && text.charAt(i + run) == ' ') {
                    run++;
                }
                if (run == 3 && i + run < end && !besideCjk(text, i + 1) && isSentenceEndAfterWord(text, i - 1)) {
                    // isProse let it through: after a sentence end's two spaces, the word that opened the next
                    // sentence was cut
                    add(out, i + 2, HoleCue.DOUBLE_SPACE, 0.65);
                } else if (run >= 3 && run <= 5 && i + run < end) {
                    // only Han/kana lines (three to five spaces) and "için   seçeneğini" (three spaces between
                    // lowercase words) get here (isProse): cuts side by side, one hole between each two spaces
                    for (int k = 1; k < run; k++) {
                        add(out, i + k, HoleCue.DOUBLE_SPACE, 0.75);
                    }
                } else if (i + 2 < end && text.charAt(i + 1) == ' ' && text.charAt(i + 2) != ' ') {
                    doubleSpace(text, first, i, out);
                } else if (i + 1 < end && GAP_PUNCTUATION.indexOf(text.charAt(i + 1)) >= 0) {
                    spaceBeforePunctuation(text, i, end, out);
                } else if (i + 1 < end && (left == '$' && i - 1 == first || left == '$' && text.charAt(i - 2) == ' ')
                        && !Character.isDigit(text.charAt(i + 1))) {
                    // "Si $ está establecida": a variable name cut after its sigil (not "$ 5", not a prompt)
                    add(out, i, HoleCue.EMPTY_SLOT, 0.7);
                } else if (i + 1 < end && text.charAt(i + 1) == '(' && manSection(text, i + 1, end)) {
                    // "siehe (5)", "im (5)-Format": a manual page reference whose name was cut
                    add(out, i + 1, HoleCue.BRACKET_GAP, 0.7);
                } else if (i + 1 < end && (isOrphanParticle(text, i, end) || isOrphanSuffix(text, i, end))) {
                    add(out, i + 1, HoleCue.ORPHAN_PARTICLE, 0.75);
                } else if (i + 1 < end && "。，、；：）".indexOf(text.charAt(i + 1)) >= 0) {
                    // "包含系统名 。": a space before CJK punctuation, which never takes one
                    add(out, i + 1, HoleCue.SPACE_BEFORE_PUNCTUATION, 0.75);
                } else if (i + 1 < end && "，、".indexOf(left) >= 0 && isCjk(text.charAt(i + 1))) {
                    // "正常操作时， 会优先显示": nothing follows a CJK comma with a space but a cut Latin term
                    add(out, i, HoleCue.EMPTY_SLOT, 0.7);
                } else if (left == '(' && i + 1 < end && isLetter(text.charAt(i + 1))) {
                    int close = text.indexOf(')', i);
                    if (close < 0 || close >= end || text.charAt(close - 1) != ' ') {
                        add(out, i, HoleCue.BRACKET_GAP, 0.6);
                    }
                }
            } else if (c == ')' && left == ' ' && i >= 2 && isWordLike(text.charAt(i - 2))) {
                // "( like these )" is a spacing style; "(of or )" lost a word
                int open = text.lastIndexOf('(', i);
                if (open < first || text.charAt(open + 1) != ' ') {
                    add(out, i, HoleCue.BRACKET_GAP, 0.6);
                }
            } else if (c == '—') {
                dash(text, i, end, out);
            } else if (c == '$' && (left == ' ' || left == '(') && i + 1 < end && emptyVariable(text, i + 1, end)) {
                add(out, i + 1, HoleCue.EMPTY_SLOT, 0.7);
            } else if (c == '-' && left == ' ' && i >= 2 && text.charAt(i - 2) != ' ' && compoundTail(text, i + 1, end)) {
                // "für -Dateien", "het -programma", "sitt -fält": the first part of a compound was cut
                add(out, i, HoleCue.DASH_GAP, 0.6);
            } else if ("\"“”‘„«(".indexOf(c) >= 0 && i + 1 < end && (left == ' ' || left == '(')) {
                int inner = emptyPair(text, i, end);
                if (inner > 0) {
                    add(out, inner, HoleCue.EMPTY_PAIR, 0.7);
                }
            } else if (c == '(' && "、，。：；".indexOf(left) >= 0 && manSection(text, i, end)) {
                // "(8)、(8)、", "。(1) の呼び出し": manual references after CJK punctuation with a name cut
                add(out, i, HoleCue.BRACKET_GAP, 0.7);
            } else if (c == '(' && isCjk(left) && i + 2 < end && text.charAt(i + 1) == ')'
                    && (isCjk(text.charAt(i + 2)) || "、，。；：".indexOf(text.charAt(i + 2)) >= 0)) {
                // "视同使用()选项": an option or term cut from its parentheses inside Han/kana text
                add(out, i + 1, HoleCue.EMPTY_PAIR, 0.7);
            } else if (c == ',' && (left == '=' || left == ',' || left == ' ' && i + 1 < end && text.charAt(i + 1) == ',')) {
                // "arch=,,...", "オプションは ,,  など": list items cut from between their commas
                add(out, i, HoleCue.EMPTY_SLOT, 0.7);
            } else if (c == ',' && left == '(') {
                // "scripts (, , , )": the first item of a parenthesized list was cut
                add(out, i, HoleCue.EMPTY_SLOT, 0.7);
            } else if (c == ')' && left == ' ' && i >= 2 && text.charAt(i - 2) == ',') {
                // "(, , , )": and its last
                add(out, i, HoleCue.EMPTY_SLOT, 0.7);
            } else if (c == '-' && left != ' ' && isLetter(left) && i + 2 < end && text.charAt(i + 1) == ' '
                    && isLetter(text.charAt(i + 2)) && !isConjunctionAt(text, i + 2, end)) {
                // "het bouw- op", "OpenPGP- som": a compound's second part was cut ("Ein- und Ausgabe" is intact)
                add(out, i + 1, HoleCue.DASH_GAP, 0.6);
            }
        }
    }

    /** The ASCII characters below '@' that a cue in scanLine's loop starts at: space, quote, '$', parentheses, ',', '-'. */
    private static final long LOW_CUE_CHARS = 1L << ' ' | 1L << '"' | 1L << '$' | 1L << '(' | 1L << ')' | 1L << ','
            | 1L << '-';

    /** Whether scanLine's loop can act on {@code c}: the characters above, '`', '«' and '—' to '„' (U+2014-201E). */
    private static boolean isCueChar(char c) {
        if (c < 64) {
            return (LOW_CUE_CHARS >>> c & 1) != 0;
        }
        return c == '`' || c == '«' || c >= '\u2014' && c <= '\u201E';
    }

    /**
     * Whether a space with {@code c} on either side can start no cue when the other side is such a character too:
     * an ASCII letter or digit, or any character from U+0080 below Han, kana and Hangul but the apostrophe '’'
     * (a Turkish suffix's). The cues at one space need, beside it, a gap's punctuation (.,;:!?), '$', '(', a
     * quote, CJK text or punctuation, or Hangul (a Korean particle): none of these. Asks no character tables,
     * as Character.isLetter would for every letter outside ASCII.
     */
    private static boolean isQuietBesideSpace(char c) {
        return c < 0x80 ? (c | 0x20) >= 'a' && (c | 0x20) <= 'z' || c >= '0' && c <= '9' : c < FIRST_CJK && c != '’';
    }

    /** Two spaces at {@code i}, {@code i + 1}; the hole is between them. */
    private void doubleSpace(String text, int first, int i, List<HoleCandidate> out) {
        char left = text.charAt(i - 1);
        char right = text.charAt(i + 2);
        if (left == ':' || i - 1 == first && "-*+•".indexOf(left) >= 0 || isNumberedMarker(text, first, i)) {
            return;
        }
        if (isCjk(left) || isCjk(right)) {
            // Han and kana text puts no spaces between words, at most one around a Latin term ("使用 xz 命令");
            // two spaces there ("加上  选项", "。 apropos  と同様") are what is left around a cut term.
            add(out, i + 1, HoleCue.DOUBLE_SPACE, 0.75);
            return;
        }
        if (isUnspacedScript(left) || isUnspacedScript(right)) {
            return;
        }
        if (isSentenceEnd(text, i - 1)) {
            if (Character.isLowerCase(right) || right == '`' || Character.isDigit(right)
                    || isOrphanParticle(text, i + 1, text.length()) || isOrphanSuffix(text, i + 1, text.length())) {
                // "Optional.  what was specified", "the encoding.  `'utf8'`": the next sentence lost its start
                add(out, i + 1, HoleCue.DOUBLE_SPACE, 0.6);
            } else {
                sentenceEndDoubleSpaces++;
            }
            return;
        }
        double score;
        if (isWordLike(left)) {
            if (isWordLike(right)) {
                score = 0.75;
            } else if (GAP_PUNCTUATION.indexOf(right) >= 0) {
                score = 0.8;
            } else if (OPENERS.indexOf(right) >= 0 || right == '—' || right == '–') {
                score = 0.7;
            } else {
                score = 0.5;
            }
        } else if (left == ',' || left == ';') {
            score = isLetter(right) || OPENERS.indexOf(right) >= 0 ? 0.7 : 0.45;
        } else if (CLOSERS.indexOf(left) >= 0) {
            score = 0.6;
        } else {
            score = 0.45;
        }
        score += 0.12 * HoleWords.needsComplement(wordBefore(text, i));
        add(out, i + 1, HoleCue.DOUBLE_SPACE, score);
    }

    /** A space at {@code i} followed by punctuation; the hole is right before the punctuation. */
    private static void spaceBeforePunctuation(String text, int i, int end, List<HoleCandidate> out) {
        char p = text.charAt(i + 1);
        int after = i + 2;
        if (after < end) {
            char next = text.charAt(after);
            // ellipses, ".NET", ":)", "3 .5", ", ," all read as something other than a gap
            if (next != ' ' && CLOSERS.indexOf(next) < 0 && !(p == ',' && next == '\u00a0')) {
                return;
            }
        }
        char left = text.charAt(i - 1);
        double score;
        if (left == '—' || left == '–' || left == ',' && (p == '.' || p == ',') || left == '$'
                || left == ':' && p == ',') {
            // "and .", "zijn , , enz.", "in $.": a list item or a variable cut from between its marks
            score = 0.75;
        } else if (SENTENCE_END.indexOf(left) >= 0 && p != '.' && p != left) {
            // "an IPv4 or IPv6 string. : `'127.0.0.1'`": a label lost before its colon
            score = 0.65;
        } else if (isLetter(left) || left == '\'' || left == '’' || left == '`') {
            score = p == '.' || p == ',' ? 0.55 : 0.4;
        } else if (CLOSERS.indexOf(left) >= 0) {
            score = 0.45;
        } else {
            return;
        }
        score += 0.15 * HoleWords.needsComplement(wordBefore(text, i + 1));
        add(out, i + 1, HoleCue.SPACE_BEFORE_PUNCTUATION, score);
    }

    /** An em dash at {@code i} that touches a gap on one side: "a —layered", "yet— happens", "head—.". */
    private static void dash(String text, int i, int end, List<HoleCandidate> out) {
        char left = text.charAt(i - 1);
        char right = i + 1 < end ? text.charAt(i + 1) : '\n';
        if (left == ' ' && isLetter(right) && i >= 2 && text.charAt(i - 2) != ' ') {
            double score = 0.55 + 0.15 * HoleWords.needsComplement(wordBefore(text, i));
            add(out, i, HoleCue.DASH_GAP, score);
        } else if (left != ' ' && right == ' ' && i + 2 < end && isLetter(text.charAt(i + 2))
                && isLetter(left)) {
            add(out, i + 1, HoleCue.DASH_GAP, 0.55);
        } else if (left != ' ' && GAP_PUNCTUATION.indexOf(right) >= 0) {
            add(out, i + 1, HoleCue.DASH_GAP, 0.7);
        }
    }

    /**
     * Down-weights cues the writer uses as a habit rather than a trace: two spaces between words all over
     * the turn, or French spacing before ?!:;. A handful of holes in a long turn is not a habit.
     */
    private void applyHabits(String text, List<HoleCandidate> out) {
        int doubles = 0;
        int spacedMarks = 0;
        for (HoleCandidate c : out) {
            if (c.cue() == HoleCue.DOUBLE_SPACE && !besideCjk(text, c.index())) {
                doubles++;
            } else if (c.cue() == HoleCue.SPACE_BEFORE_PUNCTUATION && "!?:;".indexOf(text.charAt(c.index())) >= 0) {
                spacedMarks++;
            }
        }
        int spaces = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == ' ') {
                spaces++;
            }
        }
        boolean doubleHabit = doubles >= 4 && doubles * HABIT_SHARE > spaces;
        boolean frenchSpacing = spacedMarks >= 2;
        if (!doubleHabit && !frenchSpacing && sentenceEndDoubleSpaces < 2) {
            return;
        }
        for (int k = 0; k < out.size(); k++) {
            HoleCandidate c = out.get(k);
            boolean doubleSpace = c.cue() == HoleCue.DOUBLE_SPACE && !besideCjk(text, c.index());
            boolean afterSentence = doubleSpace && isSentenceEnd(text, c.index() - 2);
            boolean habitual = afterSentence && sentenceEndDoubleSpaces >= 2
                    || doubleHabit && doubleSpace
                    || frenchSpacing && c.cue() == HoleCue.SPACE_BEFORE_PUNCTUATION
                    && "!?:;".indexOf(text.charAt(c.index())) >= 0;
            if (habitual) {
                out.set(k, c.withScore(c.score() - 0.35));
            }
        }
    }

    /** Whether the space run around {@code index} touches Han or kana, where two spaces are no typing habit. */
    private static boolean besideCjk(String text, int index) {
        int a = index - 1;
        while (a > 0 && text.charAt(a) == ' ') {
            a--;
        }
        int b = index;
        while (b < text.length() - 1 && text.charAt(b) == ' ') {
            b++;
        }
        return isCjk(text.charAt(a)) || isCjk(text.charAt(b));
    }

    /** Sorted by index, one candidate per index (the best scored), as offsets are counted in one pass. */
    private static List<HoleCandidate> inOrder(List<HoleCandidate> out) {
        out.sort(Comparator.comparingInt(HoleCandidate::index).thenComparing(c -> -c.score()));
        List<HoleCandidate> unique = new ArrayList<>(out.size());
        for (HoleCandidate c : out) {
            if (unique.isEmpty() || unique.get(unique.size() - 1).index() != c.index()) {
                unique.add(c);
            }
        }
        return unique;
    }

    /** A sentence end ("word.", "pages”).") right after a letter or a closer: not "2.0", not an ellipsis. */
    private static boolean isSentenceEndAfterWord(String text, int i) {
        if (i < 1 || !isSentenceEnd(text, i)) {
            return false;
        }
        while (i > 0 && CLOSERS.indexOf(text.charAt(i)) >= 0) {
            i--;
        }
        char before = text.charAt(i - 1);
        return isLetter(before) || CLOSERS.indexOf(before) >= 0;
    }

    private static boolean isSentenceEnd(String text, int i) {
        if (i < 0) {
            return false;
        }
        while (i > 0 && CLOSERS.indexOf(text.charAt(i)) >= 0) {
            i--;
        }
        char c = text.charAt(i);
        return SENTENCE_END.indexOf(c) >= 0 || c == '…' || c == '。' || c == '！' || c == '？';
    }

    /** "(5)", "(3tcl)", "(1)" at {@code open}, followed by punctuation or the end: a man page section. */
    private static boolean manSection(String text, int open, int end) {
        int j = open + 1;
        int digits = 0;
        while (j < end && Character.isDigit(text.charAt(j))) {
            j++;
            digits++;
        }
        int letters = 0;
        while (j < end && letters < 4 && isLetter(text.charAt(j))) {
            j++;
            letters++;
        }
        if (digits != 1 || j >= end || text.charAt(j) != ')') {
            return false;
        }
        j++;
        if (j == end) {
            return true;
        }
        // after a word, not after ':' or ',' where "(1) first, (2) second" enumerates
        char after = text.charAt(j);
        return ".,;:)-。，、）".indexOf(after) >= 0 || after == ' ' && open >= 2 && isWordLike(text.charAt(open - 2))
                || nounSuffixAfter(text, j, end);
    }

    /**
     * Whether what starts at {@code at} (after a closing parenthesis) attaches to the noun before it: a Turkish
     * suffix ("(5)'in"), a Korean particle, spaced or not ("(1) 로", "(5)의"), or a Japanese one ("(1) の").
     * An enumeration "(1) first" is followed by content, never by these.
     */
    private static boolean nounSuffixAfter(String text, int at, int end) {
        if (at < end && (text.charAt(at) == '\'' || text.charAt(at) == '’')) {
            return isOrphanSuffix(text, at - 1, end);
        }
        int j = at < end && text.charAt(at) == ' ' ? at + 1 : at;
        if (j >= end) {
            return false;
        }
        if (isHangul(text.charAt(j))) {
            int k = j;
            while (k < end && isHangul(text.charAt(k))) {
                k++;
            }
            // the particle may open a longer word only when unspaced: "(5)의", "(1)을"
            for (int n = Math.min(3, k - j); n >= 1; n--) {
                if (HoleWords.isKoreanParticle(text.substring(j, j + n)) && (j == at || j + n == k)) {
                    return true;
                }
            }
            return false;
        }
        return "のはをにでとが".indexOf(text.charAt(j)) >= 0 && j + 1 < end && !Script.isKana(text.charAt(j + 1));
    }

    /** The index after a footnote mark "[1]" at {@code at}, or -1. */
    private static int footnote(String text, int at, int end) {
        int j = at + 1;
        while (j < end && j - at <= 3 && Character.isDigit(text.charAt(j))) {
            j++;
        }
        return text.charAt(at) == '[' && j > at + 1 && j < end && text.charAt(j) == ']' ? j + 1 : -1;
    }

    /**
     * A particle that must follow a noun, standing after a space with no noun: Korean ones after any space
     * ("하단 를 참고", Korean attaches them even to Latin terms: "xz를"), Japanese ones only after a Han/kana
     * character or CJK punctuation ("場合、 は"), since a space before one after a Latin term is ordinary
     * ("apropos と同様").
     */
    private static boolean isOrphanParticle(String text, int space, int end) {
        int start = space + 1;
        int j = start;
        while (j < end && isHangul(text.charAt(j))) {
            j++;
        }
        if (j > start) {
            boolean wordEnd = j == end || !Character.isLetterOrDigit(text.charAt(j));
            return wordEnd && HoleWords.isKoreanParticle(text.substring(start, j));
        }
        char left = text.charAt(space - 1);
        char p = text.charAt(start);
        if (!isCjk(left) || "はがをにのでともへ".indexOf(p) < 0 || start + 1 >= end) {
            return false;
        }
        char next = text.charAt(start + 1);
        return isCjk(next) || "、。，".indexOf(next) >= 0;
    }

    /**
     * What follows a '$' at {@code at} leaves its variable name empty: punctuation ("in $."), Hangul or Han/kana
     * ("$를", "$ 環境変数" is the other branch), or a hyphen or apostrophe suffix ("$-miljövariabel", "$'ın").
     * Variable names are ASCII, so a letter of another script cannot start one.
     */
    private static boolean emptyVariable(String text, int at, int end) {
        char next = text.charAt(at);
        if (",.;:)，。、".indexOf(next) >= 0 || isHangul(next) || isCjk(next)) {
            return true;
        }
        return (next == '-' || next == '\'' || next == '’') && at + 1 < end && isLetter(text.charAt(at + 1));
    }

    /**
     * A compound's second part after a hyphen at {@code at - 1}: four or more letters with a lowercase one, not
     * followed by '=' ("-Dateien", "-programma", "-описаниях"). An option reads the same ("-name"), so ASCII
     * words need six letters and a lowercase start or a capital then lowercase; "-HUP", "-o", "--all" are never
     * taken; a non-ASCII letter ("-fält", "-описаниях") is taken from four letters, as options are ASCII.
     */
    private static boolean compoundTail(String text, int at, int end) {
        int j = at;
        boolean ascii = true;
        boolean lower = false;
        while (j < end && isLetter(text.charAt(j))) {
            ascii &= text.charAt(j) < 128;
            lower |= Character.isLowerCase(text.charAt(j));
            j++;
        }
        int letters = j - at;
        if (letters < 4 || !lower || j < end && (text.charAt(j) == '=' || Character.isDigit(text.charAt(j)))) {
            return false;
        }
        return !ascii || letters >= 6 || Character.isUpperCase(text.charAt(at)) && letters >= 5;
    }

    /**
     * Where the hole is in an empty quote or parenthesis pair opened at {@code open} ("“”", "‘’", "”” ", "„“",
     * "« »", "()"), or -1. The pair must not touch a letter or digit after it ("f()" is code, so is "()x").
     */
    private static int emptyPair(String text, int open, int end) {
        char c = text.charAt(open);
        int j = open + 1;
        if (c == '«') {
            // French puts a (thin or plain) space inside guillemets: "«  »" is two of them around nothing
            while (j < end && j - open <= 2 && (text.charAt(j) == ' ' || text.charAt(j) == '\u00a0'
                    || text.charAt(j) == '\u202f')) {
                j++;
            }
        }
        if (j >= end) {
            return -1;
        }
        char close = text.charAt(j);
        boolean pair = switch (c) {
            case '(' -> close == ')';
            case '"', '“' -> close == '"' || close == '”';
            case '”' -> close == '”';
            case '‘' -> close == '’';
            case '„' -> close == '“';
            case '«' -> close == '»';
            default -> false;
        };
        if (!pair || j + 1 < end && Character.isLetterOrDigit(text.charAt(j + 1))) {
            return -1;
        }
        return c == '«' && j - open > 1 ? open + 1 + (j - open - 1) / 2 : j;
    }

    private static final java.util.Set<String> CONJUNCTIONS = java.util.Set.of(
            "und", "oder", "bzw", "and", "or", "en", "of", "och", "eller", "et", "ou", "y", "o", "e", "i", "a",
            "и", "или", "lub", "nebo", "та", "і", "або", "ve", "veya", "og", "tot", "bis", "to");

    /** Whether a conjunction or "to"/"bis" starts at {@code at}: "Ein- und Ausgabe", "pre- and post-", "5- bis 10". */
    private static boolean isConjunctionAt(String text, int at, int end) {
        int j = at;
        while (j < end && isLetter(text.charAt(j))) {
            j++;
        }
        return CONJUNCTIONS.contains(text.substring(at, j).toLowerCase(java.util.Locale.ROOT));
    }

    /** A Hangul particle standing as the whole word at {@code at} ("는 ", "를 두번", "을(를)"). */
    private static boolean startsWithOrphanParticle(String text, int at, int end) {
        int j = at;
        while (j < end && isHangul(text.charAt(j))) {
            j++;
        }
        boolean wordEnd = j == end || !Character.isLetterOrDigit(text.charAt(j));
        return j > at && wordEnd && HoleWords.isKoreanParticle(text.substring(at, j));
    }

    /** " 'yi", " 'den": a Turkish case suffix, written after an apostrophe on a name, with no name before it. */
    private static boolean isOrphanSuffix(String text, int space, int end) {
        int j = space + 1;
        if (j >= end || text.charAt(j) != '\'' && text.charAt(j) != '’') {
            return false;
        }
        j++;
        int letters = 0;
        while (j < end && Character.isLowerCase(text.charAt(j)) && letters < 6) {
            j++;
            letters++;
        }
        return letters >= 1 && letters <= 5 && (j == end || text.charAt(j) == ' ' || ".,;:".indexOf(text.charAt(j)) >= 0);
    }

    /** Character.isLetter with ASCII answered in place: the scan asks it of nearly every character of a turn. */
    private static boolean isLetter(char c) {
        return c < 0x80 ? (c | 0x20) >= 'a' && (c | 0x20) <= 'z' : Character.isLetter(c);
    }

    private static boolean isHangul(char c) {
        return c >= '가' && c <= '힣';
    }

    /** U+2E80, the first Han character (CJK Radicals Supplement): no Han or kana, nor CJK punctuation, below it. */
    static final char FIRST_CJK = '\u2E80';

    /** Han, kana and CJK punctuation: text written without spaces between words. */
    static boolean isCjk(char c) {
        if (c < FIRST_CJK) {
            return false; // most text: no binary search of the script tables (UnicodeScript.of)
        }
        if (c >= '　' && c <= '〿' || c >= '＀' && c <= '／' || c >= '：' && c <= '＠') {
            return true;
        }
        Character.UnicodeScript s = Character.UnicodeScript.of(c);
        return s == Character.UnicodeScript.HAN || s == Character.UnicodeScript.HIRAGANA
                || s == Character.UnicodeScript.KATAKANA;
    }

    private static boolean isNumberedMarker(String text, int first, int i) {
        int j = first;
        while (j < i && Character.isDigit(text.charAt(j))) {
            j++;
        }
        return j > first && j == i - 1 && (text.charAt(j) == '.' || text.charAt(j) == ')');
    }

    private static boolean isUnspacedScript(char c) {
        if (c < '\u0E01') {
            return false; // the first Thai letter: no Han, kana or Thai below it
        }
        Character.UnicodeScript s = Character.UnicodeScript.of(c);
        return s == Character.UnicodeScript.HAN || s == Character.UnicodeScript.HIRAGANA
                || s == Character.UnicodeScript.KATAKANA || s == Character.UnicodeScript.THAI;
    }

    /** The word that ends before {@code i}, skipping spaces; apostrophes stay inside ("They're"). */
    static String wordBefore(String text, int i) {
        int end = i;
        while (end > 0 && text.charAt(end - 1) == ' ') {
            end--;
        }
        int start = end;
        while (start > 0 && isWordChar(text.charAt(start - 1))) {
            start--;
        }
        return text.substring(start, end);
    }

    /** Letters, digits, and the backtick closing or opening a code span, which reads as a word. */
    private static boolean isWordLike(char c) {
        return Character.isLetterOrDigit(c) || c == '`';
    }

    static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c) || c == '\'' || c == '’';
    }

    private static void add(List<HoleCandidate> out, int index, HoleCue cue, double score) {
        out.add(new HoleCandidate(index, cue, score));
    }
}
