package dev.colloquy.repair;

import dev.colloquy.io.Utf8;

import java.util.ArrayList;
import java.util.List;

/*
 * Chooses the missing bytes of an incomplete UTF-8 sequence found in mojibake.
 *
 * A lossy mis-decoding drops the bytes the code page leaves undefined (0x81 0x8D 0x8F 0x90 0x9D in
 * windows-1252; 0x8E 0x8F 0x90 0x9D 0x9E in windows-1254) and often the soft hyphen 0xAD; a later
 * clean-up may also have turned the no-break space 0xA0 into a plain space. So a lead byte that is
 * followed by too few continuation bytes had its missing continuations among those bytes, at any
 * position after the lead; and a plain space right after it may be a 0xA0 continuation.
 * We enumerate every filling (at most a few hundred), keep the well-formed ones, and rank them by
 * the character model (log P(candidate | left context) + log P(next char | left + candidate)),
 * plus the Plausibility cost of the result in context. The best one becomes a candidate whose
 * cost carries a penalty per guessed byte, so a lossy guess must clear a higher bar than a
 * complete sequence. Confidence is the model's share of the best filling among all fillings.
 */
final class LossyFiller {

    private static final double PENALTY_PER_BYTE = 0.3;
    // A byte the page cannot decode is lost by every tool that re-saves the text; a soft hyphen (or a no-break
    // space deleted rather than made a space) only by tools that also strip invisible characters. So a lost 0xAD
    // or 0xA0 is the less likely explanation of a short sequence (prior 0.02 against 0.05 for an undefined byte).
    private static final double SOFT_HYPHEN_LOG_PRIOR = Math.log(0.02 / 0.05);
    /**
     * An emoji set off by a space on its left but glued to the word on its right: chat writes it about one time in
     * twenty (an estimate, not fitted: the bench's own emoji lines are set off by spaces on both sides).
     */
    private static final double GLUED_EMOJI_LOG_PRIOR = Math.log(0.05);
    /** Sentence punctuation that follows an emoji directly ("👍!", "🎉.") and quotes that may close a phrase. */
    private static final String PHRASE_ENDS = ".,!?:;…。，！？、\"'";
    private static final int CONTEXT = 24;
    /** How many fillings are re-ranked by the word they complete, and how far to the right that word is read. */
    private static final int SHORTLIST = 8;
    static final int RIGHT_WORD = 6;
    /** How many CJK letters to each side of a filling {@link #cjkWords} splits into words with it. */
    private static final int CJK_RUN = 8;
    /** How far to the right (chars) a filled quote looks for the quote that answers it. */
    private static final int QUOTE_REACH = 80;
    /**
     * Below this lead (natural log) of the best filling over the best filling to another char, the model cannot
     * tell which char was meant (two quotes alike, emoji of one Unicode age that the old tie-break settled by code
     * point): the span is left and reported rather than guessed. Measured on bench/repair-accuracy.sh's lossy
     * families (docs/lossy.md): at 0.05 the fillings left were wrong 290 times and right 88 (aligned spans); the
     * exact rate falls 0.3 points (lossy) and 1.9 (lossy emoji, 1.8 of them exact ties); wider margins cost more
     * (0.15: 1.0 and 2.4 points) for fillings that are right nearly half the time.
     */
    static final double UNDECIDED_MARGIN = 0.05;

    private final CharModel model;
    /** Whether an upper-case lead may only be filled to a lower-case letter (see {@link #lowerCaseOnly}). */
    private final boolean lowerCaseOnly;
    /** The text the model is tuned to instead of the line itself, or null. */
    private final String sample;

    LossyFiller(CharModel model) {
        this(model, false, null);
    }

    private LossyFiller(CharModel model, boolean lowerCaseOnly, String sample) {
        this.model = model;
        this.lowerCaseOnly = lowerCaseOnly;
        this.sample = sample;
    }

    /**
     * This filler for the lossy-only repairs (TextRepairer.lossyOnly): an upper-case 2-byte lead standing inside a
     * lower-case word (or a letter of a script without case, CodePages.lossyOnlyLetter) is read only as a lower-case
     * letter cut short, never as another capital; a 3-byte lead (the quote's {@code ג€} under windows-1255) as before; and the model is
     * tuned to {@code sample} (the line without its suspect chars, whose Ć would otherwise vote for Polish).
     */
    LossyFiller lowerCaseOnly(String sample) {
        return new LossyFiller(model, true, sample);
    }

    /** The penalty a filling with {@code lost} guessed bytes adds to its cost ({@link Filled#penalty}). */
    static double penalty(int lost) {
        return PENALTY_PER_BYTE * lost;
    }

    /** A scorer for the line {@code cps}; callers make one per line and pass it to {@link #fill}. */
    CharModel.Scorer scorerFor(int[] cps) {
        return model.scorer(sample != null ? sample : new String(cps, 0, cps.length));
    }

    /**
     * A scorer for {@code line} as its layer reads it (complete sequences decoded): its scripts and languages are
     * those of the text the fillings go into, not of its mojibake (Russian read as windows-1253 is Greek letters,
     * and gave the Cyrillic letters no language to weigh by).
     */
    CharModel.Scorer scorerFor(Line line) {
        return model.scorer(sample != null ? sample : line.reading());
    }

    /**
     * The best filling of the sequence whose lead is at {@code line.cps[i]} (byte {@code bytes[0]}) with
     * {@code present} continuation bytes {@code bytes[1..present]}, or null when no filling is well-formed.
     */
    Filled fill(CodePage page, Line line, int i, int[] bytes, int present, CharModel.Scorer scorer, ByteEvidence evidence) {
        Options options = options(page, line, i, bytes, present);
        return options == null || options.isEmpty() ? null : choose(page, line, i, options, scorer, evidence);
    }

    /**
     * The well-formed fillings {@link #fill} chooses among, before the model is asked (they depend only on the page
     * and the line's chars); null where the sequence is no filler's to fill.
     */
    Options options(CodePage page, Line line, int i, int[] bytes, int present) {
        int[] cps = line.cps;
        int need = bytes[0] < 0xE0 ? 1 : bytes[0] < 0xF0 ? 2 : 3;
        int missing = need - present;
        int end = i + 1 + present;
        if (end < cps.length && cps[end] >= 0x80 && !line.repaired(end)
                && (foreignMojibake(page, cps[end]) || present == 0 && !isLead(page, cps[end]))) {
            // a dropped byte leaves the next char as it was: if that char is a C1 control, or foreign to this
            // code page, another code page explains the line; a lone lead must be followed by ASCII or by the
            // lead of the next sequence (Cyrillic "сс" in windows-1253 is D1 D1 82 once both 0x81 are gone).
            // A char an earlier layer of this line decoded is text, not mojibake, and says nothing of the page.
            return null;
        }
        Options options = new Options();
        int[] seq = new int[need + 1];
        seq[0] = bytes[0];
        enumerate(page, bytes, present, seq, 1, 0, 0, missing, end, false, options);
        int nbsp = page.nbspByte();
        if (nbsp >= 0x80 && nbsp < 0xC0 && end < cps.length && cps[end] == ' ') {
            // the first missing byte may be the no-break space (0xA0; 0x9A in KOI8) turned into the space that follows
            // and the continuation bytes after that space are the rest of the sequence (🚀 in KOI8-R: F0 9F 9A 80)
            int[] withNbsp = java.util.Arrays.copyOf(bytes, need + 1);
            withNbsp[present + 1] = nbsp;
            int have = present + 1;
            int after = end + 1;
            while (have < need && after < cps.length && !line.repaired(after) && line.pageByte(after) >= 0x80
                    && line.pageByte(after) < 0xC0) {
                withNbsp[++have] = line.pageByte(after++);
            }
            if (have == need) {
                addIfValid(withNbsp, need + 1, 1, after, options);
            } else {
                // the no-break space is a guess as well, so it counts as a lost byte
                enumerate(page, withNbsp, have, seq, 1, 0, 0, need - have, after, true, options);
            }
        }
        if (lowerCaseOnly && need == 1 && CodePages.lossyOnlyLetter(cps[i])) {
            // at a word's start, before a lower-case letter, a capital may have been cut short too (Ćber: Über)
            boolean wordStart = (i == 0 || !Character.isLetter(cps[i - 1])) && end < cps.length && Character.isLowerCase(cps[end]);
            // or, glued to a word before one space, the no-break space C2 A0 whose A0 became that space (fichierĀ :)
            options.removeIf(o -> !(Character.isLowerCase(o.cp) || wordStart && Character.isLetter(o.cp)
                    || o.cp == 0xA0 && o.end == end + 1));
            // (an unassigned code point is no lower-case letter either)
            options.impossible = 0;
            options.impossibleEnd = 0;
        }
        return options;
    }

    /**
     * The best reading of {@code run} continuation bytes at {@code line.cps[i..i+run)} that follow no lead: a
     * lead the page drops was lost before them (windows-1253 and -1255 leave lead bytes undefined; cp850 reads
     * F0, the lead of every emoji, as a soft hyphen). Null when no dropped lead makes a well-formed sequence.
     */
    Filled fillLead(CodePage page, Line line, int i, int run, CharModel.Scorer scorer, ByteEvidence evidence) {
        Options options = leadOptions(page, line, i, run);
        return options.isEmpty() ? null : choose(page, line, i, options, scorer, evidence);
    }

    /** The fillings {@link #fillLead} chooses among, before the model is asked. */
    Options leadOptions(CodePage page, Line line, int i, int run) {
        Options options = new Options();
        int[] seq = new int[run + 1];
        for (int n = 0; n < run; n++) {
            seq[n + 1] = line.pageByte(i + n);
        }
        for (int d = 0; d < page.droppedCount(); d++) {
            int lead = page.dropped(d);
            if (Utf8.sequenceLength(lead) == run + 1) {
                seq[0] = lead;
                addIfValid(seq, seq.length, 1, i + run, options);
            }
        }
        return options;
    }

    /**
     * Whether filling {@code cp}, an emoji, with the space after it as its own 0xA0 (🌠 F0 9F 8C A0, 📠, 🎠) leaves
     * an emoji that the text sets off by a space on its left glued to what follows ({@code right}: a word, a number,
     * an opening bracket). Chat sets an emoji off on both sides or on neither; `ðŸŒ ei` under windows-1258 is 🌍 (its
     * 8D lost) before a space far more often than 🌠 before `ei`. An emoji run (selectors, skin tones, ZWJs and the
     * emoji they join) counts as one; the line's start sets it off as a space does.
     */
    static boolean gluesSpacedEmoji(CharSequence left, int cp, int right) {
        if (right < 0 || !SymbolPrior.isEmoji(cp) || !gluedTo(right)) {
            return false;
        }
        int k = left.length();
        while (k > 0) {
            int before = Character.codePointBefore(left, k);
            if (!SymbolPrior.isEmoji(before) && !SymbolPrior.isEmojiPart(before)) {
                return Character.isWhitespace(before) || Character.isSpaceChar(before);
            }
            k -= Character.charCount(before);
        }
        return true;
    }

    /**
     * A char that starts or goes on text rather than ending a phrase: anything but a space, an emoji, a closer, or
     * U+FFFD, a sequence a decoder replaced, which is as often the rest of the emoji (⚠️ whose selector lost its
     * 8F: {@code âš ï¸�}, ftfy's case 54) as a word.
     */
    private static boolean gluedTo(int right) {
        if (Character.isWhitespace(right) || Character.isSpaceChar(right) || SymbolPrior.isEmoji(right)
                || SymbolPrior.isEmojiPart(right) || PHRASE_ENDS.indexOf(right) >= 0 || right == 0xFFFD) {
            return false;
        }
        int type = Character.getType(right);
        return type != Character.END_PUNCTUATION && type != Character.FINAL_QUOTE_PUNCTUATION;
    }

    private static boolean isLead(CodePage page, int cp) {
        return cp <= 0xFFFF && page.canEncode((char) cp) && Utf8.sequenceLength(page.byteOf((char) cp)) > 1;
    }

    /**
     * {@link #chooseAfresh}, or the very answer it gave for the same hole before in this line's lossy pass, when
     * everything that answer read is as it was (see {@link Line#readsAsBefore}): the second sweep of a line with close holes
     * chooses every hole again, and a hole whose word holds no filling that changed since gets the same answer. A hole
     * asked the same with other fillings to its right (its left context as before) is chosen afresh, but the model's
     * rating of each filling after that left context, which reads nothing else, is taken from before.
     */
    private Filled choose(CodePage page, Line line, int i, Options options, CharModel.Scorer scorer,
                          ByteEvidence evidence) {
        if (options.isEmpty()) {
            return null;
        }
        StringBuilder left = line.leftOf(i);
        Line.Choice before = line.askedBefore(i, this, page, options, scorer, left);
        if (before != null && line.readsAsBefore(i, before, evidence)) {
            if (before.hole() != null) {
                line.holes.put(i, before.hole());
            }
            return before.filled();
        }
        line.reach = i;
        double[] afterLeft = new double[options.size()];
        Filled filled = chooseAfresh(page, line, i, options, scorer, evidence, left,
                before == null ? null : before.afterLeft(), afterLeft);
        line.remember(i, this, page, options, scorer, evidence, left, filled, afterLeft);
        return filled;
    }

    /**
     * The best filling; {@code known}, when not null, holds each option's {@code scorer.logProb(left, cp)} as asked
     * before, and {@code afterLeft} receives them.
     */
    private Filled chooseAfresh(CodePage page, Line line, int i, Options options, CharModel.Scorer scorer,
                                ByteEvidence evidence, StringBuilder left, double[] known, double[] afterLeft) {
        int[] cps = line.cps;
        // (left: the left context as this layer reads it so far, earlier fillings of the line in place of their chars)
        int leftCp = left.length() == 0 ? -1 : Character.codePointBefore(left, left.length());
        double bestScore = Double.NEGATIVE_INFINITY;
        Option best = null;
        double[] scores = new double[options.size()];
        StringBuilder withOption = new StringBuilder(left);
        double[] priors = new double[options.size()];
        boolean quoteOption = false;
        for (Option o : options) {
            quoteOption |= QuoteStyle.isMark(o.cp);
        }
        if (known != null) {
            System.arraycopy(known, 0, afterLeft, 0, known.length);
        } else {
            // every filling's rating right after the same left context, asked together
            int[] asked = new int[options.size()];
            for (int k = 0; k < asked.length; k++) {
                asked[k] = options.get(k).cp;
            }
            scorer.logProbs(left, asked, asked.length, afterLeft);
        }
        for (int k = 0; k < options.size(); k++) {
            Option o = options.get(k);
            // the next char as this layer will read it; none when it starts a cut-short sequence of its own (its
            // mojibake would judge every filling by a char that is not in the text)
            int right = o.end < cps.length ? line.readAt(o.end) : -1;
            double lp = afterLeft[k];
            if (right >= 0 && lp != Double.NEGATIVE_INFINITY) {
                withOption.setLength(left.length());
                lp += scorer.logProb(withOption.appendCodePoint(o.cp), right);
            }
            boolean tookSpace = o.end > i + 1 && cps[o.end - 1] == ' ';
            // what the filling costs apart from the model and Plausibility: the joint search over the line's holes
            // (HoleSearch) adds the same
            double prior = -PENALTY_PER_BYTE * o.lost
                    - (tookSpace && right != ' ' ? 0.2 : 0)
                    + (tookSpace && gluesSpacedEmoji(left, o.cp, right) ? GLUED_EMOJI_LOG_PRIOR : 0)
                    // a double space right after a cut-short sequence, inside the line, is its no-break space (0xA0)
                    // made a space beside the space that followed it: leaving both keeps the damage (trailing
                    // spaces at the end of a line say nothing)
                    - (!tookSpace && right == ' ' && o.end + 2 < cps.length && cps[o.end + 1] == ' '
                            && cps[o.end + 2] != ' ' ? 1.5 : 0);
            int[] restored = ByteEvidence.restored(page, cps, i, o.end, o.cp);
            // a no-break space the filling takes from the space after it was made a space; one restored without a
            // space was deleted, as a soft hyphen is, by a tool that strips invisible chars: as unlikely (Р, D0 A0,
            // had tied with Н, D0 9D, at the start of a Russian line under windows-1252 and -1253); but the A0 of à
            // standing alone as a word was made a space too, and merged into the space after it (ftfy's case 48,
            // Ã perturber, read as àperturber while the merge was priced as a deletion)
            boolean spaceTaken = tookSpace || mergedIntoSpace(line, i, o.end);
            for (int b : restored) {
                if (b == page.nbspByte() && spaceTaken) {
                    spaceTaken = false;
                } else if (b == page.softHyphenByte() || b == page.nbspByte()) {
                    prior += SOFT_HYPHEN_LOG_PRIOR;
                }
            }
            if (evidence != null) {
                prior += evidence.logPrior(restored, page.droppedCount());
            }
            priors[k] = prior;
            double s = lp - Plausibility.cost(leftCp, new int[] {o.cp}, 0, 1, right) + prior;
            if (quoteOption && lp != Double.NEGATIVE_INFINITY) {
                s += nextQuote(line, left, o, scorer);
            }
            scores[k] = s;
            if (s > bestScore) {
                bestScore = s;
                best = o;
            }
        }
        if (best == null || bestScore == Double.NEGATIVE_INFINITY) {
            return null;
        }
        // the fillings the word re-ranking judges on equal terms; out of them, the best one that reads another char
        Integer[] shortlisted = byScore(scores);
        line.holes.put(i, HoleSearch.Hole.of(i, shortlisted, k -> options.get(k).cp, k -> options.get(k).end, scores,
                priors));
        best = byFollowingWord(line, options, scores, left, scorer, best);
        bestScore = scores[options.indexOf(best)];
        int rival = -1;
        double rivalScore = Double.NEGATIVE_INFINITY;
        for (int r = 0; r < Math.min(shortlisted.length, SHORTLIST); r++) {
            Option o = options.get(shortlisted[r]);
            if (o.cp != best.cp && scores[shortlisted[r]] > rivalScore) {
                rivalScore = scores[shortlisted[r]];
                rival = o.cp;
            }
        }
        double total = 0;
        for (double s : scores) {
            if (s != Double.NEGATIVE_INFINITY) {
                total += Math.exp(s - bestScore);
            }
        }
        return new Filled(i, best.end, best.cp, best.lost, penalty(best.lost), 1.0 / total, rival,
                bestScore - rivalScore, bestScore + Math.log(total));
    }

    /**
     * Whether a filling of the lead {@code cps[i]} alone, ending at {@code end}, is C2 or C3 standing as a word
     * before a space (the one-letter word à, or a no-break space: LayerDecoder's lostNoBreakSpace): the A0 it
     * restores may have merged into that space rather than been deleted. Not for other letters ending in A0, which
     * end no one-letter word: Hebrew נ (D7 A0) before a space is the start of a word whose A0 became that space.
     */
    private static boolean mergedIntoSpace(Line line, int i, int end) {
        int[] cps = line.cps;
        int lead = line.pageByte(i);
        return end == i + 1 && end < cps.length && cps[end] == ' ' && (lead == 0xC2 || lead == 0xC3)
                && (i == 0 || !Character.isLetter(cps[i - 1]));
    }

    /**
     * A quote is read with the quote that answers it: log P(next quote mark | the line up to it, with this filling),
     * for the first quote mark within {@link #QUOTE_REACH} chars to the right as the layer reads them (0 when
     * none is found before a cut-short sequence). So an opener „ that the closer “ or ” answers beats ‚, whose
     * closer is ‘, and German „…“ and Polish „…” each get their own closer (see {@link QuoteStyle}).
     */
    private static double nextQuote(Line line, StringBuilder left, Option o, CharModel.Scorer scorer) {
        StringBuilder text = new StringBuilder(left).appendCodePoint(o.cp);
        int[] cps = line.cps;
        for (int j = o.end, n = 0; j < cps.length && n < QUOTE_REACH; n++) {
            int cp = line.readAt(j);
            if (cp < 0) {
                return 0;
            }
            if (QuoteStyle.isMark(cp)) {
                return scorer.logProb(text, cp);
            }
            text.appendCodePoint(cp);
            j = line.endAt(j);
        }
        return 0;
    }

    /** The option indices, best score first. */
    private static Integer[] byScore(double[] scores) {
        Integer[] order = new Integer[scores.length];
        for (int k = 0; k < order.length; k++) {
            order[k] = k;
        }
        java.util.Arrays.sort(order, (a, b) -> Double.compare(scores[b], scores[a]));
        return order;
    }

    /**
     * Re-ranks the few best fillings by the rest of the word they sit in: the next char alone rarely tells
     * "с" from "ѓ" in "оÑтальные", but the word it completes does. Every shortlisted filling is scored over
     * the same chars, up to a common end: the furthest filling's next char, then up to {@link #RIGHT_WORD}
     * letters, stopping at a char that is still undecided mojibake (its own filling comes later). So a filling
     * that leaves a char in place (a space that was a 0xA0) pays for it. Returns the new best option.
     */
    private Option byFollowingWord(Line line, Options options, double[] scores, StringBuilder left,
                                   CharModel.Scorer scorer, Option best) {
        Integer[] order = byScore(scores);
        if (order.length + options.impossible < 2) {
            return best;
        }
        // the best few, and the best filling of each end: one that takes the space after it (a no-break space) is
        // judged beside those that leave it, whatever the chars right after each made of their first scores
        boolean[] shortlisted = new boolean[order.length];
        java.util.Set<Integer> ends = new java.util.HashSet<>();
        for (int r = 0; r < order.length; r++) {
            shortlisted[order[r]] = r < SHORTLIST || ends.add(options.get(order[r]).end);
            ends.add(options.get(order[r]).end);
        }
        int[] cps = line.cps;
        // every end is some shortlisted filling's (the first of each end is taken), the impossible ones' too
        int furthest = options.impossibleEnd;
        for (int r = 0; r < order.length; r++) {
            if (shortlisted[order[r]]) {
                furthest = Math.max(furthest, options.get(order[r]).end);
            }
        }
        int stop = furthest < cps.length && line.readAt(furthest) >= 0
                ? line.wordEnd(line.endAt(furthest), line.readAt(furthest)) : furthest;
        double highestWord = Double.NEGATIVE_INFINITY;
        double[] words = cjkWords(line, options, scores, shortlisted, left);
        for (int r = 0; r < order.length; r++) {
            int k = order[r];
            if (!shortlisted[k]) {
                continue;
            }
            Option o = options.get(k);
            if (scores[k] == Double.NEGATIVE_INFINITY) {
                continue;
            }
            StringBuilder text = new StringBuilder(left).appendCodePoint(o.cp);
            double word = 0;
            // the first following char is already in the score
            int j = o.end;
            if (j < cps.length && line.readAt(j) >= 0) {
                text.appendCodePoint(line.readAt(j));
                j = line.endAt(j);
                while (j < stop && line.readAt(j) >= 0) {
                    int cp = line.readAt(j);
                    word += scorer.logProb(text, cp);
                    text.appendCodePoint(cp);
                    j = line.endAt(j);
                }
            }
            scores[k] += word + words[k];
            highestWord = Math.max(highestWord, word);
        }
        double bestScore = Double.NEGATIVE_INFINITY;
        for (int r = 0; r < order.length; r++) {
            int k = order[r];
            if (shortlisted[k] && scores[k] > bestScore) {
                bestScore = scores[k];
                best = options.get(k);
            }
        }
        for (int k = 0; k < order.length; k++) {
            if (!shortlisted[k]) {
                // out of the shortlist: it cannot win, but still counts against the winner's confidence, as if its
                // word scored as well as the best shortlisted one's (an optimistic stand-in: the confidence errs low)
                scores[k] += highestWord == Double.NEGATIVE_INFINITY ? 0 : highestWord;
            }
        }
        return best;
    }

    /**
     * Per option, how much worse the Chinese or Japanese words around it read than around the shortlisted CJK
     * letter they read best with (0 for that one, and for every option that is no CJK letter): the CJK letters
     * through the filling, from up to {@link #CJK_RUN} before it to a common end (up to {@link #CJK_RUN} past the
     * furthest filling, as the layer reads them), split into the dictionary's words ({@link CharModel#wordsLogProb};
     * a char that is no CJK letter, such as the space a filling leaves, ends one run of words and starts the next).
     * The chain of {@link CharModel.Scorer#logProb} rewards each prefix that is a word of its own, and so preferred ハ
     * before ット (ハッ, ハット, then ワーク) to the one word ネットワーク. A filling of another kind (、 against a kana)
     * keeps the chain's verdict.
     */
    private double[] cjkWords(Line line, Options options, double[] scores, boolean[] shortlisted, StringBuilder left) {
        double[] words = new double[options.size()];
        int furthest = -1;
        for (int k = 0; k < options.size(); k++) {
            if (shortlisted[k] && scores[k] != Double.NEGATIVE_INFINITY && CharLikelihood.isCjkLetter(options.get(k).cp)) {
                furthest = Math.max(furthest, options.get(k).end);
            }
        }
        if (furthest < 0) {
            return words;
        }
        int[] cps = line.cps;
        int stop = furthest;
        for (int n = 0; n < CJK_RUN && stop < cps.length; n++) {
            int cp = line.readAt(stop);
            if (cp < 0 || !CharLikelihood.isCjkLetter(cp)) {
                break;
            }
            stop = line.endAt(stop);
        }
        int from = left.length();
        for (int n = 0; n < CJK_RUN && from > 0; n++) {
            int cp = Character.codePointBefore(left, from);
            if (!CharLikelihood.isCjkLetter(cp)) {
                break;
            }
            from -= Character.charCount(cp);
        }
        double bestWords = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < options.size(); k++) {
            Option o = options.get(k);
            if (!shortlisted[k] || scores[k] == Double.NEGATIVE_INFINITY || !CharLikelihood.isCjkLetter(o.cp)) {
                words[k] = Double.NaN;
                continue;
            }
            StringBuilder run = new StringBuilder(left.subSequence(from, left.length())).appendCodePoint(o.cp);
            double lp = 0;
            for (int j = o.end; j < stop; j = line.endAt(j)) {
                int cp = line.readAt(j);
                if (cp < 0) {
                    break;
                }
                if (CharLikelihood.isCjkLetter(cp)) {
                    run.appendCodePoint(cp);
                } else if (run.length() > 0) {
                    lp += model.wordsLogProb(run);
                    run.setLength(0);
                }
            }
            words[k] = lp + (run.length() > 0 ? model.wordsLogProb(run) : 0);
            bestWords = Math.max(bestWords, words[k]);
        }
        for (int k = 0; k < words.length; k++) {
            words[k] = Double.isNaN(words[k]) ? 0 : words[k] - bestWords;
        }
        return words;
    }

    /**
     * The best reading of a complete sequence {@code cps[i..i+bytes.length)} in which some continuation
     * chars are U+FFFD (given as -1 in {@code bytes}): each stood for one undefined byte of the code page.
     */
    Filled fillReplaced(CodePage page, Line line, int i, int[] bytes, CharModel.Scorer scorer, ByteEvidence evidence) {
        Options options = new Options();
        int end = i + bytes.length;
        replaced(page, bytes.clone(), 1, end, options);
        return choose(page, line, i, options, scorer, evidence);
    }

    private static void replaced(CodePage page, int[] seq, int pos, int end, Options out) {
        if (pos == seq.length) {
            int lost = 0;
            addIfValid(seq, seq.length, lost, end, out);
            return;
        }
        if (seq[pos] >= 0) {
            replaced(page, seq, pos + 1, end, out);
            return;
        }
        for (int b = 0x80; b < 0xC0; b++) {
            if (page.isUndefined(b)) {
                seq[pos] = b;
                replaced(page, seq, pos + 1, end, out);
            }
        }
        seq[pos] = -1;
    }

    /** A C1 control, or a char another code page could have made but this one could not. */
    private static boolean foreignMojibake(CodePage page, int cp) {
        if (cp < 0xA0) {
            return true;
        }
        if (cp > 0xFFFF) {
            return false;
        }
        char c = (char) cp;
        return !page.canEncode(c) && (CodePages.leadMask(c) | CodePages.contMask(c)) != 0;
    }

    private static void enumerate(CodePage page, int[] present, int presentCount, int[] seq, int pos, int used,
                                  int inserted, int missing, int end, boolean nbsp, Options out) {
        if (pos == seq.length) {
            if (used == presentCount && inserted == missing) {
                addIfValid(seq, seq.length, nbsp ? missing + 1 : missing, end, out);
            }
            return;
        }
        if (used < presentCount) {
            seq[pos] = present[used + 1];
            enumerate(page, present, presentCount, seq, pos + 1, used + 1, inserted, missing, end, nbsp, out);
        }
        if (inserted < missing) {
            for (int d = 0; d < page.droppedCount(); d++) {
                int b = page.dropped(d);
                if (b >= 0x80 && b < 0xC0) {
                    seq[pos] = b;
                    enumerate(page, present, presentCount, seq, pos + 1, used, inserted + 1, missing, end, nbsp, out);
                }
            }
        }
    }

    private static void addIfValid(int[] seq, int len, int lost, int end, Options out) {
        int cp = Utf8.decode(seq, len);
        if (cp < 0) {
            return;
        }
        if (out.firstTime(cp, end)) {
            if (CharLikelihood.isAssigned(cp)) {
                out.add(new Option(cp, end, lost));
            } else {
                out.impossible++;
                out.impossibleEnd = Math.max(out.impossibleEnd, end);
            }
        }
    }

    /** A filling: {@code cps[start..end)} read as {@code cp}, with {@code lost} guessed bytes. */
    record Option(int cp, int end, int lost) {
    }

    /**
     * One line as a layer's lossy pass reads it: {@code cps}, the chars; {@code context}, the same with the
     * fillings chosen so far in place (a filled sequence's first char holds its code point, the rest -1);
     * {@code repaired}, which chars an earlier (strict) decoding of this line produced, or null.
     */
    static final class Line {
        final int[] cps;
        final int[] context;
        private final boolean[] repaired;
        private final CodePage page;
        /** At the first char of a filling chosen in this sweep or the one before, its end (else 0). */
        private final int[] fillEnd;
        private int[] unfilledReadings;
        private int[] unfilledEnds;
        /** The fillings of each cut-short sequence met so far (by its first char), for {@link HoleSearch}. */
        final java.util.Map<Integer, HoleSearch.Hole> holes = new java.util.HashMap<>();
        /** The furthest char {@link #readAt} or {@link #endAt} was asked about since it was last set. */
        int reach;
        /** Each hole's last choice (by its first char), with what it read; see {@link #askedBefore}. */
        private java.util.Map<Integer, Choice> choices;

        /**
         * One answer of {@link LossyFiller#chooseAfresh} and everything it read: the filler, page, scorer and
         * evidence it asked, the fillings it chose among, the left context, and the readings of the line from the
         * hole's first char to the furthest one it looked at (each a function of {@code context} and {@code fillEnd}
         * there, the rest of a reading being the line's own chars); and the hole it recorded for the joint search.
         */
        record Choice(LossyFiller filler, CodePage page, Options options, CharModel.Scorer scorer,
                      ByteEvidence evidence, String left, int[] context, int[] fillEnd, Filled filled,
                      HoleSearch.Hole hole, double[] afterLeft) {
        }

        /**
         * What {@code chooseAfresh} answered at {@code i} before, if it was asked the same question there: the same
         * filler, page and scorer, the same fillings, the same left context (what the chars to the right read then
         * may differ; {@link #readsAsBefore} tells); else null.
         */
        Choice askedBefore(int i, LossyFiller filler, CodePage page, Options options, CharModel.Scorer scorer,
                           CharSequence left) {
            Choice c = choices == null ? null : choices.get(i);
            return c == null || c.filler != filler || c.page != page || c.scorer != scorer
                    || !c.left.contentEquals(left) || !c.options.sameAs(options) ? null : c;
        }

        /**
         * Whether, with the same {@code evidence}, every char {@code c} read from {@code i} on reads as it did then:
         * {@code chooseAfresh} reads nothing else, so it would answer the same.
         */
        boolean readsAsBefore(int i, Choice c, ByteEvidence evidence) {
            int to = i + c.context.length;
            return c.evidence == evidence && java.util.Arrays.equals(c.context, 0, c.context.length, context, i, to)
                    && java.util.Arrays.equals(c.fillEnd, 0, c.fillEnd.length, fillEnd, i, to);
        }

        /**
         * Records {@code chooseAfresh}'s answer at {@code i}, which read the line up to {@link #reach}, with the
         * model's rating of each filling after the left context.
         */
        void remember(int i, LossyFiller filler, CodePage page, Options options, CharModel.Scorer scorer,
                      ByteEvidence evidence, CharSequence left, Filled filled, double[] afterLeft) {
            if (choices == null) {
                choices = new java.util.HashMap<>();
            }
            int to = Math.min(Math.max(reach, i) + 1, cps.length);
            choices.put(i, new Choice(filler, page, options, scorer, evidence, left.toString(),
                    java.util.Arrays.copyOfRange(context, i, to), java.util.Arrays.copyOfRange(fillEnd, i, to),
                    filled, filled == null ? null : holes.get(i), afterLeft));
        }

        Line(CodePage page, int[] cps, boolean[] repaired) {
            this.page = page;
            this.cps = cps;
            this.context = cps.clone();
            this.repaired = repaired;
            this.fillEnd = new int[cps.length];
        }

        /** The whole line as this layer reads it before any filling: a lead cut short reads as a space. */
        String reading() {
            StringBuilder text = new StringBuilder(cps.length);
            int k = 0;
            while (k < cps.length) {
                int cp = readAt(k);
                text.appendCodePoint(cp < 0 ? ' ' : cp);
                k = cp < 0 ? k + 1 : endAt(k);
            }
            return text.toString();
        }

        /**
         * The left context of {@code cps[i]} as this layer reads it so far (the last {@link #CONTEXT} chars): earlier
         * fillings in place of their chars, and complete sequences decoded; a lead still cut short stands as it is.
         * The model judged fillings beside the mojibake of their complete neighbours (the т of "ться" as "Ρ‚"
         * under windows-1253) before.
         */
        StringBuilder leftOf(int i) {
            // a sequence spans at most four chars: reading from this far back yields CONTEXT chars or the line's start
            int k = Math.max(0, i - 4 * CONTEXT);
            int[] read = new int[i - k];
            int n = 0;
            while (k < i) {
                int cp = readAt(k);
                int end = cp < 0 ? k + 1 : endAt(k);
                if (end > i) {
                    // a reading that runs past i (never a complete sequence, which the sweep stops at): as it stands
                    cp = -1;
                    end = k + 1;
                }
                read[n++] = cp >= 0 ? cp : context[k] >= 0 ? cps[k] : -1;
                k = end;
            }
            StringBuilder left = new StringBuilder();
            int from = n;
            for (int count = 0; from > 0 && count < CONTEXT; from--) {
                if (read[from - 1] >= 0) {
                    count++;
                }
            }
            for (int r = from; r < n; r++) {
                if (read[r] >= 0) {
                    left.appendCodePoint(read[r]);
                }
            }
            return left;
        }

        boolean repaired(int k) {
            return repaired != null && repaired[k];
        }

        /** The byte this page maps {@code cps[k]} to, or -1. */
        int pageByte(int k) {
            int cp = cps[k];
            if (cp < 0x80) {
                return cp;
            }
            return cp <= 0xFFFF && page.canEncode((char) cp) ? page.byteOf((char) cp) : -1;
        }

        /**
         * The char at {@code k} as this layer will read it: a complete sequence starting there decoded, a
         * char an earlier decoding produced or one that is no lead byte here as it is; -1 for a lead that is cut
         * short (its filling is still to come). {@link #endAt} says where that reading ends.
         */
        int readAt(int k) {
            if (k > reach) {
                reach = k;
            }
            if (fillEnd[k] > 0 || context[k] < 0) {
                // a filling chosen for a later hole in the sweep before (-1 inside it)
                return context[k];
            }
            return unfilledReadings()[k];
        }

        /**
         * Where the reading of the word that goes on at {@code from} ends, after {@code previous} (the char read
         * before it): up to {@link #RIGHT_WORD} letters, or the rest of an emoji sequence (its U+FE0F, skin tone,
         * ZWJ and the emoji after a ZWJ), and never past a char still cut short (its own filling comes later).
         */
        int wordEnd(int from, int previous) {
            int stop = from;
            for (int n = 0; n < RIGHT_WORD && stop < cps.length; n++) {
                int cp = readAt(stop);
                if (cp < 0 || !Character.isLetter(cp) && !SymbolPrior.goesOnEmoji(previous, cp)
                        && !(previous == 0x200D && SymbolPrior.isEmoji(cp))) {
                    break;
                }
                previous = cp;
                stop = endAt(stop);
            }
            return stop;
        }

        /** Where the reading {@link #readAt} gives for {@code k} ends (exclusive). */
        int endAt(int k) {
            if (k > reach) {
                reach = k;
            }
            if (fillEnd[k] > 0) {
                return fillEnd[k];
            }
            return context[k] < 0 ? k + 1 : unfilledEnds[k];
        }

        /**
         * What {@link #readAt} gives for each char where no filling stands, computed once per line on first use
         * (the left context of every filling, and the joint search, read the same chars many times).
         */
        private int[] unfilledReadings() {
            if (unfilledReadings == null) {
                int n = cps.length;
                int[] readings = new int[n];
                unfilledEnds = new int[n];
                int[] seq = new int[4];
                for (int k = 0; k < n; k++) {
                    int lead = repaired(k) ? -1 : pageByte(k);
                    int length = lead < 0x80 ? 1 : Utf8.sequenceLength(lead);
                    int cp;
                    if (length <= 1) {
                        cp = cps[k];
                    } else if (k + length > n) {
                        cp = -1;
                    } else {
                        seq[0] = lead;
                        for (int m = 1; m < length; m++) {
                            seq[m] = repaired(k + m) ? -1 : pageByte(k + m);
                        }
                        cp = Utf8.decode(seq, length);
                    }
                    readings[k] = cp;
                    unfilledEnds[k] = length <= 1 || cp < 0 ? k + 1 : k + length;
                }
                unfilledReadings = readings;
            }
            return unfilledReadings;
        }

        /** Records a chosen filling of {@code cps[start..end)}. */
        void filled(int start, int end, int cp) {
            context[start] = cp;
            fillEnd[start] = end;
            for (int k = start + 1; k < end; k++) {
                context[k] = -1;
                fillEnd[k] = 0;
            }
        }

        /** Forgets the filling chosen at {@code start} in the sweep before, if any: it is about to be chosen again. */
        void unfill(int start) {
            if (fillEnd[start] > 0) {
                for (int k = start; k < fillEnd[start]; k++) {
                    context[k] = cps[k];
                }
                fillEnd[start] = 0;
            }
        }
    }

    /**
     * The well-formed fillings in the order found, each (code point, end) once: a page with many dropped bytes
     * yields hundreds of fillings of a 3-byte sequence, and a linear search for duplicates was a third of the
     * CPU of repairing damaged Greek.
     */
    static final class Options extends ArrayList<Option> {
        /**
         * The (code point, end) pairs met so far, assigned or not, each with bit 63 set (0: an empty slot) in an
         * open-addressed table of at most half load: every filling of every hole passes here (a HashSet of boxed
         * keys was 1% of repairing damaged text).
         */
        private long[] seen = new long[16];
        private int seenCount;
        /**
         * Fillings to a code point that is not assigned (a surrogate, a noncharacter): the model rates them
         * impossible in any context (CharModel), so they are not scored. They can win nothing and add nothing to a
         * winner's confidence; all that is left of them is that they count among the fillings and reach their end,
         * which choose's word re-ranking reads ({@code impossibleEnd}, the furthest). Half the fillings of damaged
         * multilingual text are such (F2..F4 leads filled with dropped bytes).
         */
        private int impossible;
        private int impossibleEnd;

        /** Whether these are the same fillings, in the same order, as {@code other}'s. */
        boolean sameAs(Options other) {
            return impossible == other.impossible && impossibleEnd == other.impossibleEnd && equals(other);
        }

        /** Whether {@code cp} ending at {@code end} is met here for the first time (it is remembered). */
        boolean firstTime(int cp, int end) {
            if (2 * (seenCount + 1) > seen.length) {
                long[] old = seen;
                seen = new long[old.length * 2];
                for (long key : old) {
                    if (key != 0) {
                        seen[slotOf(key)] = key;
                    }
                }
            }
            long key = (long) cp << 32 | end | Long.MIN_VALUE;
            int slot = slotOf(key);
            if (seen[slot] == key) {
                return false;
            }
            seen[slot] = key;
            seenCount++;
            return true;
        }

        /** The slot holding {@code key}, or the empty one where it would go. */
        private int slotOf(long key) {
            int mask = seen.length - 1;
            int slot = (int) (key * 0x9E3779B97F4A7C15L >>> 40) & mask;
            while (seen[slot] != 0 && seen[slot] != key) {
                slot = slot + 1 & mask;
            }
            return slot;
        }
    }

    /**
     * The chosen filling: {@code cps[start..end)} becomes {@code cp}; {@code confidence} is its model share;
     * {@code rival} the best filling to another char (-1 for none) and {@code margin} the best one's lead over it;
     * {@code likelihood} the log of the summed scores of all fillings: how well the page's dropped bytes explain
     * the sequence (windows-1254 drops „'s 9E, windows-1252 does not).
     */
    record Filled(int start, int end, int cp, int bytesLost, double penalty, double confidence, int rival,
                  double margin, double likelihood) {

        /** Whether the evidence cannot decide between this filling and its rival. */
        boolean undecided() {
            return rival >= 0 && margin < UNDECIDED_MARGIN;
        }
    }
}
