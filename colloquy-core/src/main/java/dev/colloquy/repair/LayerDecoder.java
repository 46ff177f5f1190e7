package dev.colloquy.repair;

import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.lang.UProperty;
import dev.colloquy.io.Utf8;

import java.util.ArrayList;
import java.util.List;

/*
 * Undoes one layer of "UTF-8 read as code page c" in a line, where the evidence says so.
 *
 * Single-byte code pages map each char to one byte, so a span of chars maps 1:1 onto the bytes the
 * mis-decoding read; spans stay exact. We walk the line looking for a char whose byte is a UTF-8
 * lead (0xC2..0xF4) followed by chars whose bytes are the right number of continuations
 * (0x80..0xBF). Each such candidate decodes to one code point (CESU-8 surrogate pairs: to one
 * supplementary code point). Chars that do not take part in a candidate are left alone, which is
 * what handles partial damage (clean text glued to broken text).
 *
 * Deciding: all candidates are first decoded provisionally, so each one is judged in the context
 * of its repaired neighbours (a run of Cyrillic mojibake is judged next to Cyrillic). A candidate
 * is kept only if it lowers the Plausibility cost of its window by more than MARGIN, and a letter
 * of an alphabet found nowhere else in the line pays an extra "lonely script" cost, since a wrong
 * decoding of clean text typically produces one stray letter of a foreign script. Rejected
 * candidates are reverted and the rest judged again, twice, so verdicts settle.
 *
 * Lossy sequences (a lead with too few continuations, because the code page's undefined bytes or
 * the soft hyphen were dropped, or a no-break space became a space) are only considered when the
 * line already shows clear evidence of this code page, and their missing bytes are chosen by
 * LossyFiller.
 */
final class LayerDecoder {

    static final double MARGIN = 0.5;
    /** How near (chars) two fillings must lie for the lossy pass to choose them again with both sides filled. */
    private static final int SECOND_SWEEP_REACH = 8;
    private static final double LONELY_SCRIPT = 1.5;
    private static final double RARE_LONELY_SCRIPT = 3;
    /** See {@link #symbolSplittingWord(int[], int, int, int)}. */
    private static final double SYMBOL_SPLITTING_WORD = 1;
    /** Evidence a line needs before lossy sequences in it are trusted. */
    static final double LOSSY_EVIDENCE = 2.0;
    /**
     * The least lead (natural log) of the best filling of a byte a decoder replaced with U+FFFD over the best filling
     * to another char, for the filling to be taken; below it the sequence reads as U+FFFD, the loss the text already
     * showed. On 2,314 catalog lines of 25 languages decoded under the page of their lossy bench case with U+FFFD
     * for its undefined bytes, the fillings taken are right 3,105 times and wrong 53 (taking every filling: 5,665
     * and 1,212); docs/repair.md, "ftfy conformance".
     */
    static final double REPLACED_MARGIN = 4.0;
    /**
     * The least gain at which decode takes a merely no-worse decoding, in a round whose clear decodings reach
     * LOSSY_EVIDENCE (a decoded char the page could mangle again; the others need 0).
     */
    private static final double NO_WORSE_FLOOR = -1.5;
    /** strictEvidenceBound's gain in a context that does not occur. */
    private static final double NONE = Double.NEGATIVE_INFINITY;

    /*
     * alphabetOf (bits 0..3) and isCommonScript (COMMON_SCRIPT) of a char in one entry, remembered per char of the
     * BMP and plane 1 (BmpMemo) from the methods themselves: Character.UnicodeScript.of is a binary search, and the
     * gate and the decoder ask it for every char of every line with candidates (alphabetsOf asks both: one load).
     */
    private static final int ALPHABET_BITS = 0xF;
    private static final int COMMON_SCRIPT = 1 << 4;
    private static final BmpMemo ALPHABET_OF = BmpMemo.withPlane1(
            cp -> computeAlphabetOf(cp) | (computeIsCommonScript(cp) ? COMMON_SCRIPT : 0));
    /** Extended_Pictographic of U+1F000 + i: the emoji a lead-less F0 9F xx xx can stand for (insideLeadlessEmoji). */
    private static final boolean[] PICTOGRAPHIC_1F000 = new boolean[0x1000];

    static {
        for (int i = 0; i < PICTOGRAPHIC_1F000.length; i++) {
            PICTOGRAPHIC_1F000[i] = UCharacter.hasBinaryProperty(0x1F000 + i, UProperty.EXTENDED_PICTOGRAPHIC)
                    || UCharacter.hasBinaryProperty(0x1F000 + i, UProperty.EMOJI_MODIFIER);
        }
    }

    private final CodePage page;
    private final LossyFiller filler;
    private final ByteEvidence evidence;
    /** The line's memory, where the nested layer's decodings are shared between pages (null: none). */
    private final LineSearch search;
    /** The decoded chars canEncode was asked about (askedEncodable), or null before the first. */
    private int[] asked;
    private int askedCount;

    LayerDecoder(CodePage page, LossyFiller filler) {
        this(page, filler, null);
    }

    LayerDecoder(CodePage page, LossyFiller filler, ByteEvidence evidence) {
        this(page, filler, evidence, null);
    }

    /**
     * {@code page.canEncode(cp)} for a decoded char, remembered in {@link #askedEncodable}: apart from the bytes the
     * page gives the line's own chars, this is all a decoding asks of its page.
     */
    private boolean canEncode(int cp) {
        if (asked == null) {
            asked = new int[4];
        } else if (askedCount == asked.length) {
            asked = java.util.Arrays.copyOf(asked, askedCount * 2);
        }
        asked[askedCount++] = cp;
        return page.canEncode((char) cp);
    }

    /**
     * The decoded chars (BMP) whose encodability this decoder's decodings asked of its page, in order. A strict
     * decoding of a line without U+FFFD asks its page nothing else but the byte of each char of the line, so
     * another page that gives every char of the line the same byte and answers these alike decodes it the same
     * way (LineSearch shares such decodings).
     */
    int[] askedEncodable() {
        return asked == null ? new int[0] : java.util.Arrays.copyOf(asked, askedCount);
    }

    /** A strict decoder for one line's search: the line's filler, and its memory of nested decodings. */
    static LayerDecoder inSearch(CodePage page, LineSearch search) {
        return new LayerDecoder(page, search.filler(), null, search);
    }

    private LayerDecoder(CodePage page, LossyFiller filler, ByteEvidence evidence, LineSearch search) {
        this.page = page;
        this.filler = filler;
        this.evidence = evidence;
        this.search = search;
    }

    /** The accepted edits (in order) for {@code cps}; total gain is the sum of their gains. */
    List<Edit> decode(int[] cps, boolean lossy) {
        return decode(cps, lossy, !lossy, null);
    }

    /**
     * The complete sequences of {@code cps} whose decoding reads better than their chars as they stand, beside the
     * neighbours they have (a symbols-only one too), keeping only decodings within the alphabets the line's other
     * chars already have: for a line an emoji cut short proved damaged under this page, where one such sequence
     * alone clears no margin ({@code d├®veloppeur} beside 💡 left as {@code ƒÆí} under cp850, the ZWJ {@code ÔÇì}
     * between two restored emoji, {@code ┬╗} for »).
     */
    List<Edit> provenEdits(int[] cps) {
        List<Candidate> cands = findCandidates(cps, false, null, null);
        boolean[] inCandidate = new boolean[cps.length];
        for (Candidate c : cands) {
            java.util.Arrays.fill(inCandidate, c.start, c.end, true);
        }
        int others = 0;
        for (int i = 0; i < cps.length; i++) {
            others |= inCandidate[i] ? 0 : alphabetsOf(cps[i]);
        }
        List<Edit> out = new ArrayList<>();
        for (Candidate c : cands) {
            if (c.bytesLost != 0 || (alphabets(c.decoded) & ~others) != 0) {
                continue;
            }
            int left = c.start > 0 ? cps[c.start - 1] : -1;
            int right = c.end < cps.length ? cps[c.end] : -1;
            double gain = Plausibility.cost(left, cps, c.start, c.end, right)
                    - Plausibility.cost(left, c.decoded, 0, c.decoded.length, right);
            // (what goes on an emoji right after it, a ZWJ, U+FE0F or a skin tone, is invisible or nearly: it reads no
            // better than its chars, but here it is the rest of the emoji)
            if (gain > -1e-9 || c.decoded.length == 1 && SymbolPrior.goesOnEmoji(left, c.decoded[0])) {
                out.add(new Edit(c.start, c.end, c.decoded, 0, gain, 1));
            }
        }
        return out;
    }

    /**
     * Every filling of a sequence of {@code cps} cut short, before any plausibility judgement: for the lossy-only
     * repairs, which {@code TextRepairer.lossyOnly} judges by the character model itself.
     */
    List<Edit> fillings(int[] cps) {
        return fillings(cps, null);
    }

    /**
     * As {@link #fillings(int[])}, of the sequences that start where {@code at} is set (null: anywhere). The
     * lossy-only repairs ask of a few places; on a clean Greek line every letter would be a windows-1253 lead
     * to fill.
     */
    List<Edit> fillings(int[] cps, boolean[] at) {
        List<Edit> out = new ArrayList<>();
        for (Candidate c : findCandidates(cps, true, null, at)) {
            if (c.bytesLost > 0) {
                out.add(new Edit(c.start, c.end, c.decoded, c.bytesLost, -c.penalty, c.modelConfidence, c.rival,
                        c.margin, c.likelihood));
            }
        }
        return out;
    }

    /**
     * The strict decoding of {@code cps} without the evidence of a layer nested beneath it: what
     * {@link #innerEvidence} asks of each page about the text an outer layer would make.
     */
    List<Edit> nestedEdits(int[] cps) {
        return decode(cps, false, false, null);
    }

    /**
     * As {@link #decode(int[], boolean)}, for a line an earlier decoding of the same layer already changed:
     * {@code repaired} marks the chars it produced (text, whatever this page makes of them), or is null.
     */
    List<Edit> decode(int[] cps, boolean lossy, boolean[] repaired) {
        return decode(cps, lossy, !lossy, repaired);
    }

    private List<Edit> decode(int[] cps, boolean lossy, boolean withInner, boolean[] repaired) {
        List<Candidate> cands = findCandidates(cps, lossy, repaired, null);
        if (cands.isEmpty()) {
            return List.of();
        }
        boolean[] on = new boolean[cands.size()];
        java.util.Arrays.fill(on, true);
        double[] gains = new double[cands.size()];
        int[] pos = new int[cands.size()];
        double[] inner = withInner ? innerEvidence(cps, cands) : null;
        double[] interior = wordInterior(cps, cands);
        // (strict decodings only: the lossy pass runs on a line the strict one proved, and lossyMayKeep bounds it
        // without this)
        double[] splitWord = lossy ? null : symbolSplittingWord(cps, cands);
        int[] twinOf = twinIndex(cands);
        // a candidate's two Plausibility costs depend only on its neighbours: the later rounds, where few verdicts
        // change, cost again only the candidates whose neighbours did (Integer.MIN_VALUE: not costed yet)
        int[] costedLeft = new int[cands.size()];
        int[] costedRight = new int[cands.size()];
        java.util.Arrays.fill(costedLeft, Integer.MIN_VALUE);
        double[] costBefore = new double[cands.size()];
        double[] costAfter = new double[cands.size()];
        // the alphabets of the chars this layer's strict decoding produced: the line is proven damaged in them
        int strictAlphabets = repaired == null ? 0 : producedAlphabets(cps, repaired);
        // the alphabets of each candidate's decoding and of its chars as they stand, on first use (-1 before): every
        // round asks them again
        int[] decodedAlphabets = new int[cands.size()];
        int[] sourceAlphabets = new int[cands.size()];
        java.util.Arrays.fill(decodedAlphabets, -1);
        java.util.Arrays.fill(sourceAlphabets, -1);
        for (int round = 0; round < 4; round++) {
            int[] prov = apply(cps, cands, on, pos);
            int[] alphaCount = alphabetCounts(prov);
            int[] twins = twinCounts(twinOf, on);
            boolean[] next = on.clone();
            for (int k = 0; k < cands.size(); k++) {
                Candidate c = cands.get(k);
                int ps = pos[k];
                int pe = ps + (on[k] ? c.decoded.length : c.end - c.start);
                int left = ps > 0 ? prov[ps - 1] : -1;
                int right = pe < prov.length ? prov[pe] : -1;
                if (costedLeft[k] != left || costedRight[k] != right) {
                    costBefore[k] = Plausibility.cost(left, cps, c.start, c.end, right);
                    costAfter[k] = Plausibility.cost(left, c.decoded, 0, c.decoded.length, right);
                    costedLeft[k] = left;
                    costedRight[k] = right;
                }
                double before = costBefore[k] + (splitWord == null ? 0 : splitWord[k]);
                double after = costAfter[k]
                        + lonelyCost(c, alphaCount, on[k], twinOf[k] < 0 ? 0 : twins[twinOf[k]], left, right)
                        + c.penalty + interior[k] + (lossy ? 0 : insideCleanWord(cps, cands, k, on, repaired));
                boolean nested = inner != null && inner[k] >= 0;
                // a decoding the nested layer proves counts as no worse, plus its share of that layer's evidence
                gains[k] = nested ? Math.max(before - after, 0) + inner[k] : before - after;
                // a lossy guess only runs on a line that already shows this code page's damage; a 3- or 4-byte
                // sequence cut short is damage by itself, and so is Â or Ã before the space its no-break space
                // (A0) became on such a line (« NBSP in French, à): they only have to be no worse than their guess
                // an emoji (4 bytes) keeps its lead and one continuation where two were dropped (windows-1253 π‚ for 😂),
                // and a CJK char (3 bytes) may have lost both continuations (范 E8 8C 83 is a lone č under windows-1257)
                next[k] = gains[k] > (lossy && (c.decoded[0] >= 0x800 || lostNoBreakSpace(cps, c))
                        && fewEnoughGuessed(cps, c.start, c.end, c.decoded[0], c.bytesLost)
                        ? -c.penalty - 1e-9 : MARGIN) || nested
                        || lossy && partOfEmojiSequence(prov, ps, pe, c);
            }
            double evidence = 0;
            for (int k = 0; k < cands.size(); k++) {
                if (next[k]) {
                    evidence += gains[k];
                }
            }
            int proven = 0;
            if (evidence >= LOSSY_EVIDENCE) {
                // the line is clearly damaged this way: also take the decodings that are merely no worse, as
                // long as they stay within the alphabets of the clear decodings, before or after (no stray Han
                // or Hangul syllable made of clean Cyrillic or Arabic letters)
                for (int k = 0; k < cands.size(); k++) {
                    if (next[k] && gains[k] > MARGIN) {
                        Candidate c = cands.get(k);
                        proven |= decodedAlphabets(decodedAlphabets, cands, k)
                                | sourceAlphabets(sourceAlphabets, cps, cands, k);
                    }
                }
                for (int k = 0; k < cands.size(); k++) {
                    Candidate c = cands.get(k);
                    if ((decodedAlphabets(decodedAlphabets, cands, k) & ~proven) != 0) {
                        continue;
                    }
                    // a decoded char that this code page could mangle again may be one layer of a deeper
                    // mojibake: it looks no better yet, and the next layer will judge it
                    double floor = c.decoded.length == 1 && c.decoded[0] >= 0x80 && c.decoded[0] <= 0xFFFF
                            && canEncode(c.decoded[0]) ? NO_WORSE_FLOOR : 0;
                    // (a quote of two symbols is judged without its bar: quoteOfSymbols)
                    next[k] |= c.penalty == 0 ? gains[k] >= floor
                            : quoteOfSymbols(cps, c) && gains[k] + c.penalty >= floor;
                }
            }
            for (int k = 0; k < cands.size() && lossy && (proven | strictAlphabets) != 0; k++) {
                // a letter of a proven alphabet (the clear decodings', or the strict decoding's of this layer that
                // proved the line) whose last byte, the no-break space (A0), became the space after it (Hebrew נ is
                // D7 A0, Greek Π CE A0, Russian Р D0 A0): the space is the damage (× between two Hebrew words), so
                // it only has to be no worse than its guess; but only before a char this layer decodes (the rest
                // of a word in mojibake), as clean text beside the damage has letters before spaces too
                Candidate c = cands.get(k);
                next[k] |= (letterBeforeLostNoBreakSpace(cps, c) && decodedAt(c.end, cps, repaired, cands)
                        || letterGluedToDecoded(cps, c, repaired) || letterAloneBesideDecoded(cps, c, repaired)
                        || capitalBeforeLostNoBreakSpace(cps, c, repaired, cands, next))
                        && (decodedAlphabets(decodedAlphabets, cands, k) & ~(proven | strictAlphabets)) == 0
                        && gains[k] > -c.penalty - 1e-9;
            }
            if (java.util.Arrays.equals(next, on)) {
                break;
            }
            on = next;
        }
        List<Edit> edits = new ArrayList<>();
        for (int k = 0; k < cands.size(); k++) {
            if (on[k]) {
                Candidate c = cands.get(k);
                // a quote of two symbols that only rode along proves nothing: it adds no evidence and takes none away
                double gain = gains[k] <= MARGIN && c.penalty > 0 && quoteOfSymbols(cps, c)
                        ? Math.min(gains[k] + c.penalty, 0) : gains[k];
                edits.add(new Edit(c.start, c.end, c.decoded, c.bytesLost, gain, c.modelConfidence, c.rival,
                        c.margin, c.likelihood));
            }
        }
        return edits;
    }

    /** {@code alphabets(cands.get(k).decoded)}, remembered in {@code memo}. */
    private static int decodedAlphabets(int[] memo, List<Candidate> cands, int k) {
        if (memo[k] < 0) {
            memo[k] = alphabets(cands.get(k).decoded);
        }
        return memo[k];
    }

    /** The alphabets of the chars of {@code cps} that {@code cands.get(k)} replaces, remembered in {@code memo}. */
    private static int sourceAlphabets(int[] memo, int[] cps, List<Candidate> cands, int k) {
        if (memo[k] < 0) {
            Candidate c = cands.get(k);
            int mask = 0;
            for (int i = c.start; i < c.end; i++) {
                mask |= alphabetsOf(cps[i]);
            }
            memo[k] = mask;
        }
        return memo[k];
    }

    /**
     * The evidence of the layer beneath, per candidate: mojibake of mojibake ({@code Р В°} for {@code а} under
     * windows-1251 twice) looks no better after its outer layer is undone ({@code Р°}), so the outer layer alone
     * has no strict evidence; but the chars it decodes to are themselves complete, clearly better sequences
     * under some page. With every candidate decoded, the strict decoding of the result under each page is taken,
     * keeping only inner sequences made entirely of chars this layer decoded (an inner layer is nested in the
     * outer one, char for char); when the best page's sum reaches {@link TextRepairer#STRICT_EVIDENCE} by
     * itself, the candidates that made the chars of those inner sequences are taken, each with its share of
     * their strict evidence (the array holds the share, -1 for candidates no inner sequence holds). Null when
     * there is none. Clean text would need two chance readings nested in each other, both clearly better.
     */
    private double[] innerEvidence(int[] cps, List<Candidate> cands) {
        if (!mayNest(cands)) {
            return null;
        }
        boolean[] all = new boolean[cands.size()];
        java.util.Arrays.fill(all, true);
        int[] pos = new int[cands.size()];
        int[] prov = apply(cps, cands, all, pos);
        int[] owner = new int[prov.length];
        java.util.Arrays.fill(owner, -1);
        for (int k = 0; k < cands.size(); k++) {
            for (int j = 0; j < cands.get(k).decoded.length; j++) {
                owner[pos[k] + j] = k;
            }
        }
        for (int cp : prov) {
            if (cp == 0xFFFD) {
                // a decoded U+FFFD would be read through the lossy filler: no strict evidence from it
                return null;
            }
        }
        int pages = MojibakeScan.candidatePages(prov);
        List<Edit> bestEdits = null;
        double bestSum = 0;
        int[] starts = new int[prov.length / 2 + 1];
        int[] ends = new int[starts.length];
        int[] decoded = new int[starts.length];
        for (CodePage q : CodePages.ALL) {
            if ((pages & (1 << q.index())) == 0
                    || !holdsOwnedCandidate(new LayerDecoder(q, filler), prov, owner, starts, ends, decoded)) {
                // the nested decoding's edits are some of its candidates: with none inside the decoded chars, its sum
                // is 0 and it cannot be the best
                continue;
            }
            List<Edit> nested = new ArrayList<>();
            double sum = 0;
            // pages that read the line alike make the same text of it: its decodings are shared through the search
            List<Edit> innerEdits = search != null ? search.nestedEdits(q, prov)
                    : new LayerDecoder(q, filler).nestedEdits(prov);
            for (Edit e : innerEdits) {
                if (ownedInside(owner, e)) {
                    nested.add(e);
                    sum += strictEvidence(e);
                }
            }
            if (sum > bestSum) {
                bestSum = sum;
                bestEdits = nested;
            }
        }
        if (bestSum < TextRepairer.STRICT_EVIDENCE) {
            return null;
        }
        double[] share = new double[cands.size()];
        java.util.Arrays.fill(share, -1);
        for (Edit e : bestEdits) {
            double each = Math.max(0, strictEvidence(e)) / (e.end() - e.start());
            for (int i = e.start(); i < e.end(); i++) {
                share[owner[i]] = Math.max(share[owner[i]], 0) + each;
            }
        }
        return share;
    }

    /**
     * Whether {@code inner}'s strict candidates of {@code prov} (a text without U+FFFD) include one made only of
     * chars this layer decoded ({@code owner} set); {@code starts}, {@code ends} and {@code decoded} are scratch.
     */
    private static boolean holdsOwnedCandidate(LayerDecoder inner, int[] prov, int[] owner, int[] starts, int[] ends,
                                               int[] decoded) {
        int count = inner.strictCandidates(prov, starts, ends, decoded);
        for (int k = 0; k < count; k++) {
            boolean inside = true;
            for (int i = starts[k]; i < ends[k] && inside; i++) {
                inside = owner[i] >= 0;
            }
            if (inside) {
                return true;
            }
        }
        return false;
    }

    /** Whether some inner sequence can be made of decoded chars: two touching candidates reading lead, continuation. */
    private static boolean mayNest(List<Candidate> cands) {
        for (int k = 0; k + 1 < cands.size(); k++) {
            Candidate c = cands.get(k);
            Candidate d = cands.get(k + 1);
            int a = c.decoded[c.decoded.length - 1];
            int b = d.decoded[0];
            if (d.start == c.end && a <= 0xFFFF && b <= 0xFFFF
                    && (CodePages.leadMask((char) a) & CodePages.contMask((char) b)) != 0) {
                return true;
            }
        }
        return false;
    }

    private static boolean ownedInside(int[] owner, Edit e) {
        for (int i = e.start(); i < e.end(); i++) {
            if (owner[i] < 0) {
                return false;
            }
        }
        return true;
    }

    /**
     * How much one accepted edit counts towards a line's strict evidence: its gain, and one more for a
     * clearly better 3- or 4-byte sequence (three or four chars that happen to spell a valid, more plausible
     * UTF-8 sequence are rarer in real text than two), unless it spells a char {@link #landsOnRareChar}: the
     * places a chance reading of clean text lands on are no rarer for taking three bytes (the Portuguese
     * {@code lá´´}, acute accents as closing quotes, spells {@code lᴴ}, a modifier letter of the phonetic
     * extensions: ftfy's case 120). {@link TextRepairer} sums this over a layer's edits.
     */
    static double strictEvidence(int length, double gain, int bytesLost, boolean rareChar) {
        return gain + (length >= 3 && gain > MARGIN && bytesLost == 0 && !rareChar ? 1 : 0);
    }

    /** {@link #strictEvidence(int, double, int, boolean)} of one edit. */
    static double strictEvidence(Edit e) {
        return strictEvidence(e.end() - e.start(), e.gain(), e.bytesLost(), landsOnRareChar(e));
    }

    /** Whether some char {@code e} writes {@link #landsOnRareChar(int)}. */
    static boolean landsOnRareChar(Edit e) {
        for (int cp : e.replacement()) {
            if (landsOnRareChar(cp)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether {@code cp} is a char Plausibility rates unlikely by itself, as a wrong decoding's landing place: a
     * rare block (2.5), a control (3), an unassigned or private-use code point (4).
     */
    static boolean landsOnRareChar(int cp) {
        return Plausibility.charCost(cp) >= 2.5;
    }

    /**
     * A sound upper bound of the strict evidence (summed {@link #strictEvidence}) of the edits that
     * {@code decode(cps, false)} can accept, computed without deciding anything.
     *
     * <p>Why it is an upper bound: decode judges each candidate by {@code before - after}, the Plausibility
     * cost of its chars minus that of its decoding plus the lonely-script cost and the candidate's penalty, in
     * the context of its provisional neighbours. A neighbour is either the original char or, when the next
     * candidate touches this one and is switched on, that candidate's decoded char; we take the larger gain
     * over those (at most four) contexts, and leave out the lonely-script cost, which is never negative. An
     * accepted edit adds at most {@code max(0, that gain)} plus the bonus. Lines holding U+FFFD decode
     * through the lossy filler, and lines where a nested layer's evidence may count ({@link #innerEvidence}),
     * which this bound does not model: they get infinity.
     */
    double strictEvidenceBound(int[] cps) {
        for (int cp : cps) {
            if (cp == 0xFFFD) {
                return Double.POSITIVE_INFINITY;
            }
        }
        // the candidates as findCandidates(cps, false, null) finds them, kept in plain arrays (each spans at
        // least two chars): the gate bounds every candidate page of every line, and clean Cyrillic has dozens
        // of chance candidates per line under cp866, so objects per candidate were most of the gate's time
        int max = cps.length / 2 + 1;
        int[] starts = new int[max];
        int[] ends = new int[max];
        int[] decoded = new int[max];
        int count = strictCandidates(cps, starts, ends, decoded);
        for (int k = 0; k + 1 < count; k++) {
            // mayNest: the evidence of a nested layer is not bounded here; the caller computes the decoding itself
            int a = decoded[k];
            int b = decoded[k + 1];
            if (starts[k + 1] == ends[k] && a <= 0xFFFF && b <= 0xFFFF
                    && (CodePages.leadMask((char) a) & CodePages.contMask((char) b)) != 0) {
                return Double.POSITIVE_INFINITY;
            }
        }
        int[] one = new int[1];
        // decode adds to every candidate's cost, in every context and whatever else is switched on, its
        // wordInterior cost and at least lonelyFloor of its lonely-script cost: both come off each gain
        int[] originalAlphabets = alphabetCounts(cps);
        int[] decodedAlphabets = new int[16];
        for (int k = 0; k < count; k++) {
            decodedAlphabets[alphabetOf(decoded[k])]++;
        }
        // each candidate's gain, less what it pays, beside its original neighbours and beside the decodings of the
        // candidates touching it (NONE where none touches on that side)
        double[] alone = new double[count];
        double[] withLeft = new double[count];
        double[] withRight = new double[count];
        double[] withBoth = new double[count];
        double[] best = new double[count];
        for (int k = 0; k < count; k++) {
            int start = starts[k];
            int end = ends[k];
            int cp = decoded[k];
            double paid = lonelyFloor(cp, originalAlphabets, decodedAlphabets) + wordInterior(cps, start, end, cp,
                    k == 0 ? -1 : ends[k - 1], k + 1 == count ? Integer.MAX_VALUE : starts[k + 1])
                    - symbolSplittingWord(cps, start, end, cp);
            int left = start > 0 ? cps[start - 1] : -1;
            int right = end < cps.length ? cps[end] : -1;
            boolean prev = k > 0 && ends[k - 1] == start;
            boolean next = k + 1 < count && starts[k + 1] == end;
            alone[k] = gainIn(cps, start, end, cp, one, left, right) - paid;
            withLeft[k] = prev ? gainIn(cps, start, end, cp, one, decoded[k - 1], right) - paid : NONE;
            withBoth[k] = prev && next ? gainIn(cps, start, end, cp, one, decoded[k - 1], decoded[k + 1]) - paid
                    : NONE;
            withRight[k] = next ? gainIn(cps, start, end, cp, one, left, decoded[k + 1]) - paid : NONE;
            best[k] = Math.max(Math.max(alone[k], withLeft[k]), Math.max(withBoth[k], withRight[k]));
        }
        // Which neighbours can be decoded where it counts. decode keeps, each round, the candidates whose gain beside
        // the previous round's choice is above MARGIN, and takes the merely no worse ones too only in a round whose
        // kept gains reach LOSSY_EVIDENCE. The first round sees every candidate decoded; the later ones see only
        // candidates kept before, and so only those whose best gain passes MARGIN (mayPass). If no round can reach
        // LOSSY_EVIDENCE, a candidate that never passes MARGIN is never kept, and the accepted edits carry gains of
        // rounds that see it undecoded (of the first round only when every candidate is kept): an edit's gain is
        // at most its best beside neighbours that may pass, and counts only above MARGIN. The chance Hangul syllable
        // ꥪ of cp866 ъек, beside тов (⮢), made тов look clearly better in clean Russian.
        boolean[] mayPass = new boolean[count];
        for (int k = 0; k < count; k++) {
            mayPass[k] = best[k] > MARGIN;
        }
        double[] seen = new double[count];
        double firstRound = 0;
        double laterRounds = 0;
        for (int k = 0; k < count; k++) {
            boolean l = k > 0 && ends[k - 1] == starts[k];
            boolean r = k + 1 < count && starts[k + 1] == ends[k];
            double all = l && r ? withBoth[k] : l ? withLeft[k] : r ? withRight[k] : alone[k];
            firstRound += all > MARGIN ? all : 0;
            boolean lp = l && mayPass[k - 1];
            boolean rp = r && mayPass[k + 1];
            seen[k] = Math.max(Math.max(alone[k], lp ? withLeft[k] : NONE),
                    Math.max(lp && rp ? withBoth[k] : NONE, rp ? withRight[k] : NONE));
            laterRounds += seen[k] > MARGIN ? seen[k] : 0;
        }
        boolean onlyKept = firstRound < LOSSY_EVIDENCE && laterRounds < LOSSY_EVIDENCE;
        if (!onlyKept) {
            offAfterFirstRound(cps, count, starts, ends, decoded, alone, withLeft, withRight, withBoth, best);
        }
        double sum = 0;
        for (int k = 0; k < count; k++) {
            double gain = onlyKept ? (seen[k] > MARGIN ? seen[k] : 0) : best[k];
            if (gain > 0) {
                sum += strictEvidence(ends[k] - starts[k], gain, 0, landsOnRareChar(decoded[k]));
            }
        }
        return sum;
    }

    /**
     * Where a round may reach LOSSY_EVIDENCE (strictEvidenceBound counts every candidate's {@code best} then): the
     * candidates decode can never keep after its first round ("dead") and what that leaves the others. decode keeps a
     * candidate for the next round when its gain passes MARGIN, or, in a round whose clear decodings reach
     * LOSSY_EVIDENCE, when its gain is at least {@link #NO_WORSE_FLOOR} (or 0) and its decoding's alphabets are among
     * those of the clear decodings and of the chars they replace (no nested layer here: the bound is infinite where
     * one may count). A candidate whose best gain is at most MARGIN and below that floor, or whose decoding holds an
     * alphabet no candidate that may pass MARGIN decodes to or replaces, is kept in no round after the first. With
     * one such candidate the first round's choice (every candidate) is never final, so the accepted edits carry the
     * gains of later rounds, where it stands undecoded: it gains nothing ({@code best} 0), and its neighbours' best
     * leaves out the contexts where it is decoded. cp866 reads clean Russian as touching chance sequences: рек (the
     * Devanagari digit ४, best -4.5) beside тна (⭠, 2.0 only beside ४) reached LOSSY_EVIDENCE in the first round
     * alone, and sent 289 of the bench's clean Cyrillic lines to the strict decoding, which found nothing.
     */
    private static void offAfterFirstRound(int[] cps, int count, int[] starts, int[] ends, int[] decoded,
            double[] alone, double[] withLeft, double[] withRight, double[] withBoth, double[] best) {
        int proven = 0;
        for (int k = 0; k < count; k++) {
            if (best[k] > MARGIN) {
                proven |= alphabetsOf(decoded[k]);
                for (int i = starts[k]; i < ends[k]; i++) {
                    proven |= alphabetsOf(cps[i]);
                }
            }
        }
        boolean[] dead = new boolean[count];
        boolean any = false;
        for (int k = 0; k < count; k++) {
            dead[k] = best[k] <= MARGIN && (best[k] < NO_WORSE_FLOOR || (alphabetsOf(decoded[k]) & ~proven) != 0);
            any |= dead[k];
        }
        if (!any) {
            return;
        }
        for (int k = 0; k < count; k++) {
            if (dead[k]) {
                best[k] = 0;
                continue;
            }
            boolean leftOn = k > 0 && ends[k - 1] == starts[k] && !dead[k - 1];
            boolean rightOn = k + 1 < count && starts[k + 1] == ends[k] && !dead[k + 1];
            best[k] = Math.max(Math.max(alone[k], leftOn ? withLeft[k] : NONE),
                    Math.max(leftOn && rightOn ? withBoth[k] : NONE, rightOn ? withRight[k] : NONE));
        }
    }

    /**
     * The least lonely-script cost ({@link #lonelyCost}) a candidate decoding to the one char {@code cp} pays in
     * any round of decode: the line's other chars of its alphabet are at most those of the original line
     * ({@code originalAlphabets}) and the other candidates' decodings ({@code decodedAlphabets}, its own
     * included); fewer than lonelyCost asks for, and it pays whatever is switched on. Han and kana pay only
     * when glued to another alphabet, which depends on the neighbours: 0 for them.
     */
    private static double lonelyFloor(int cp, int[] originalAlphabets, int[] decodedAlphabets) {
        int a = alphabetOf(cp);
        if (a <= 1 || a == 7) {
            return 0;
        }
        int others = originalAlphabets[a] + decodedAlphabets[a] - 1;
        return others >= (a >= 10 && !isCommonScript(cp) ? 3 : 1) ? 0 : a >= 10 ? RARE_LONELY_SCRIPT : LONELY_SCRIPT;
    }

    /**
     * The gain decode gives the candidate {@code cps[start..end)} decoding to {@code cp} between these neighbours,
     * without the lonely-script cost; {@code one} is scratch space for the decoded char.
     */
    private static double gainIn(int[] cps, int start, int end, int cp, int[] one, int left, int right) {
        double before = Plausibility.cost(left, cps, start, end, right);
        if (before <= 0) {
            // costs are never negative: nothing to gain, and the bound only counts gains above 0 (this skips
            // costing the decoded chars for nearly every chance candidate of clean Cyrillic under cp866)
            return 0;
        }
        one[0] = cp;
        // the candidate's penalty: symbolsOnly for a 2-byte sequence, 0 for longer ones and CESU-8 pairs
        return before - Plausibility.cost(left, one, 0, 1, right) - symbolsOnly(cps, start, end - start - 1, cp);
    }

    /**
     * The strict candidates of findCandidates(cps, false, null) on a line without U+FFFD, the same walk step for
     * step, into {@code starts}, {@code ends} and {@code decoded} (one code point each); returns their count.
     */
    private int strictCandidates(int[] cps, int[] starts, int[] ends, int[] decoded) {
        int[] bytes = new int[4];
        int count = 0;
        int bit = 1 << page.index();
        int i = 0;
        while (i < cps.length) {
            // (as in sweep: a char this page does not read as a lead is answered from the mask all pages share)
            int c = cps[i];
            if (c < 0x80 || c > 0xFFFF || (CodePages.leadMask((char) c) & bit) == 0) {
                i++;
                continue;
            }
            int lead = byteAt(cps, i);
            if (lead < 0xC2 || lead > 0xF4) {
                i++;
                continue;
            }
            int need = needed(lead);
            bytes[0] = lead;
            int k = 0;
            while (k < need && isCont(byteAt(cps, i + 1 + k))) {
                bytes[k + 1] = byteAt(cps, i + 1 + k);
                k++;
            }
            if (k < need) {
                i += 1 + k;
                continue;
            }
            int cp = Utf8.decode(bytes, need + 1, true);
            if (cp >= 0xD800 && cp <= 0xDBFF) {
                Candidate cesu = cesu(cps, i, cp);
                if (cesu != null) {
                    starts[count] = i;
                    ends[count] = cesu.end;
                    decoded[count++] = cesu.decoded[0];
                    i = cesu.end;
                    continue;
                }
            } else if (cp >= 0) {
                starts[count] = i;
                ends[count] = i + 1 + need;
                decoded[count++] = cp;
                i += 1 + need;
                continue;
            }
            i++;
        }
        return count;
    }

    /**
     * A cost per candidate for a symbol read out of the middle of a clean word: the candidate's chars are letters
     * of one non-Latin alphabet, it decodes to a non-letter, and a letter of that alphabet that no candidate holds
     * touches it (Ukrainian МетодHTTP: тод as the arrow ⮤ under cp866). In real mojibake every neighbour of a
     * sequence is ASCII or another sequence's char. Never negative, so the gate's bound stays sound without it.
     */
    private static double[] wordInterior(int[] cps, List<Candidate> cands) {
        double[] cost = new double[cands.size()];
        for (int k = 0; k < cands.size(); k++) {
            Candidate c = cands.get(k);
            if (c.decoded.length == 1) {
                int prevEnd = k == 0 ? -1 : cands.get(k - 1).end;
                int nextStart = k + 1 == cands.size() ? Integer.MAX_VALUE : cands.get(k + 1).start;
                cost[k] = wordInterior(cps, c.start, c.end, c.decoded[0], prevEnd, nextStart);
            }
        }
        return cost;
    }

    /**
     * A cost per candidate of its chars as they stand (added to what decode's gain takes them from) where they split
     * an ASCII word with a symbol: a non-ASCII letter and an odd symbol glued to the lower-case ASCII letter after
     * them, decoding to a Latin letter whose case fits the word ({@code Ä°stanbul} for İstanbul, {@code RÄ«ga} for
     * Rīga: ftfy's cases 9 and 11). Each is a single 2-byte sequence, whose gain alone (the letter-symbol pair, 1)
     * is half a line's strict evidence; writers glue a symbol to a letter (SELKÄ EDELLÄ, AHÅ™, 10 Å—, ftfy's
     * negative cases), but not inside a word, unless it is an apostrophe (a lot of Ã’s, ftfy's negative case 154). Depends only on the chars as they stand (the right one is ASCII, which
     * no candidate holds), so strictEvidenceBound takes it off what each candidate pays, as decode adds it.
     */
    private static double[] symbolSplittingWord(int[] cps, List<Candidate> cands) {
        double[] cost = new double[cands.size()];
        for (int k = 0; k < cands.size(); k++) {
            Candidate c = cands.get(k);
            if (c.decoded.length == 1) {
                cost[k] = symbolSplittingWord(cps, c.start, c.end, c.decoded[0]);
            }
        }
        return cost;
    }

    /** {@link #symbolSplittingWord(int[], List)} of one candidate {@code cps[start..end)} decoding to {@code cp}. */
    static double symbolSplittingWord(int[] cps, int start, int end, int cp) {
        if (end - start != 2 || end >= cps.length || cps[end] < 'a' || cps[end] > 'z') {
            return 0;
        }
        int left = start > 0 ? cps[start - 1] : -1;
        boolean wordStart = left < 0 || !Character.isLetter(left);
        if (!wordStart && left >= 0x80 || alphabetOf(cp) != 1 || !Character.isLetter(cp)
                || !(Character.isLowerCase(cp) || wordStart && Character.isUpperCase(cp))) {
            return 0;
        }
        int lead = cps[start];
        int symbol = cps[start + 1];
        return Character.isLetter(lead) && !Character.isLetter(symbol) && !apostrophe(symbol)
                && Plausibility.pairCost(lead, symbol) > 0 ? SYMBOL_SPLITTING_WORD : 0;
    }

    /** The chars writers type as an apostrophe, after which a word goes on ({@code Ã’s}, {@code Ã´s}: plurals). */
    private static boolean apostrophe(int cp) {
        return cp == '\u2019' || cp == '\u2018' || cp == '\u00B4' || cp == '\u2032' || cp == '\u02BC';
    }

    /**
     * {@link #wordInterior(int[], List)} of one candidate {@code cps[start..end)} decoding to {@code cp}, between
     * candidates ending at {@code prevEnd} and starting at {@code nextStart} (-1 and MAX_VALUE for none).
     */
    static double wordInterior(int[] cps, int start, int end, int cp, int prevEnd, int nextStart) {
        if (Character.isLetter(cp)) {
            return 0;
        }
        int a = alphabetOf(cps[start]);
        boolean sameLetters = a >= 2 && Character.isLetter(cps[start]);
        for (int i = start + 1; sameLetters && i < end; i++) {
            sameLetters = Character.isLetter(cps[i]) && alphabetOf(cps[i]) == a;
        }
        if (!sameLetters) {
            return 0;
        }
        boolean freeLeft = start > 0 && prevEnd < start
                && Character.isLetter(cps[start - 1]) && alphabetOf(cps[start - 1]) == a;
        boolean freeRight = end < cps.length && nextStart > end
                && Character.isLetter(cps[end]) && alphabetOf(cps[end]) == a;
        return freeLeft || freeRight ? RARE_LONELY_SCRIPT : 0;
    }

    /**
     * {@link #RARE_LONELY_SCRIPT} where candidate {@code k} begins with a letter of a non-Latin alphabet and two letters
     * of that alphabet touch it on one side that stand alone: no candidate switched on this round holds them and no
     * earlier decoding produced them. That is a clean word's letters with the candidate cut out of its middle: in UTF-8
     * every letter of such an alphabet takes two bytes or more, so a mis-decoded word leaves none of them standing
     * alone (KOI8-R reads я│, D1 81, as с in a clean table row {@code │Имя│Фамилия│}). A neighbour candidate counts
     * only while it is on: KOI8-U also reads the сі of {@code версія│бібліотеки} as Ӧ, which the first round, where
     * every candidate is on, takes and the next drops. One lone letter may be a lead whose continuation was lost, so
     * two are asked for. Strict decodings only: the lossy pass sees the letters the strict one produced. Never
     * negative, so the gate's bound stays sound without it.
     */
    private static double insideCleanWord(int[] cps, List<Candidate> cands, int k, boolean[] on, boolean[] repaired) {
        Candidate c = cands.get(k);
        int lead = cps[c.start];
        if (alphabetOf(lead) < 2 || !Character.isLetter(lead)) {
            return 0;
        }
        // candidates hold two chars or more, so only the next one on each side can reach the two letters beside
        boolean freeLeft = c.start >= 2 && (k == 0 || !on[k - 1] || cands.get(k - 1).end <= c.start - 2)
                && cleanLetterBeside(cps, c.start - 1, lead, repaired)
                && cleanLetterBeside(cps, c.start - 2, lead, repaired);
        boolean freeRight = c.end + 2 <= cps.length
                && (k + 1 == cands.size() || !on[k + 1] || cands.get(k + 1).start >= c.end + 2)
                && cleanLetterBeside(cps, c.end, lead, repaired) && cleanLetterBeside(cps, c.end + 1, lead, repaired);
        return freeLeft || freeRight ? RARE_LONELY_SCRIPT : 0;
    }

    /** Whether {@code cps[i]} is a letter of {@code lead}'s alphabet that no earlier decoding produced. */
    private static boolean cleanLetterBeside(int[] cps, int i, int lead, boolean[] repaired) {
        return (repaired == null || !repaired[i]) && letterOfAlphabetOf(cps[i], lead);
    }

    /**
     * Per candidate decoding to a single char, the index of the first candidate decoding to the same char; -1 for the
     * others. Asked once per decoding; each round then counts its switched-on twins in an array (twinCounts).
     */
    private static int[] twinIndex(List<Candidate> cands) {
        int[] first = new int[cands.size()];
        // the first candidate of each single decoded char, in an open-addressed table of at most half load (every
        // strict decoding of every page builds one: boxed keys in a HashMap were 1.4% of repairing damaged text)
        int slots = Integer.highestOneBit(Math.max(2, cands.size()) * 2 - 1) << 1;
        int[] chars = new int[slots];
        int[] firsts = new int[slots];
        java.util.Arrays.fill(firsts, -1);
        int shift = 32 - Integer.numberOfTrailingZeros(slots);
        for (int k = 0; k < cands.size(); k++) {
            Candidate c = cands.get(k);
            if (c.decoded.length != 1) {
                first[k] = -1;
                continue;
            }
            int slot = c.decoded[0] * 0x9E3779B9 >>> shift;
            while (firsts[slot] >= 0 && chars[slot] != c.decoded[0]) {
                slot = slot + 1 & slots - 1;
            }
            if (firsts[slot] < 0) {
                chars[slot] = c.decoded[0];
                firsts[slot] = k;
            }
            first[k] = firsts[slot];
        }
        return first;
    }

    /** How many switched-on candidates decode to each single char, at the index twinIndex gives that char. */
    private static int[] twinCounts(int[] twinOf, boolean[] on) {
        int[] counts = new int[twinOf.length];
        for (int k = 0; k < twinOf.length; k++) {
            if (on[k] && twinOf[k] >= 0) {
                counts[twinOf[k]]++;
            }
        }
        return counts;
    }

    private double lonelyCost(Candidate c, int[] alphaCount, boolean countedIn, int twins,
            int left, int right) {
        double cost = 0;
        for (int cp : c.decoded) {
            int a = alphabetOf(cp);
            if (a <= 1) {
                continue;
            }
            if (a == 7 && gluedToOtherAlphabet(left, right)) {
                // a Han or kana char glued to a Cyrillic, Greek, Arabic... letter is a wrong decoding of a clean
                // word, whatever company it has: two such chars in one line (Bulgarian чан and шно read as
                // cp866) vouch for nothing
                cost += RARE_LONELY_SCRIPT;
                continue;
            }
            int others = alphaCount[a] - (countedIn ? countOf(c.decoded, a) : 0);
            if (c.decoded.length == 1 && !isCommonScript(cp)) {
                // other decodings to the very same letter are no company: a clean word that recurs in a line (the
                // Russian unit кБ, twice, read as ISO-8859-5) decodes to the same stray letter each time (marks
                // shared by scripts, such as the Japanese ー, recur in real text and are left out)
                others -= twins - (countedIn ? 1 : 0);
            }
            // a script few code pages' users write (Ethiopic, Myanmar...) needs a few more of its letters in the
            // line: the same clean acronym (Serbian ИксКБ, twice in a line) decodes to the same stray letter
            if (others >= (a >= 10 && !isCommonScript(cp) ? 3 : 1)) {
                continue;
            }
            // a single Han or kana char often stands alone in Latin text (glued to another alphabet it paid above)
            if (a != 7) {
                // a wrong decoding typically yields a stray letter or digit of a foreign script; more so of a
                // script that few code pages' users write (Ethiopic, Myanmar... inside a Serbian acronym)
                cost += a >= 10 ? RARE_LONELY_SCRIPT : LONELY_SCRIPT;
            }
        }
        return cost;
    }

    /**
     * Whether a neighbour is a letter of a named alphabet other than Latin and Han/kana (Persian ه‌‌ read as 坝);
     * not of the catch-all id 12, which also holds letters of the Common script such as the Japanese ー.
     */
    private static boolean gluedToOtherAlphabet(int left, int right) {
        return isOtherAlphabet(alphabetOf(left)) || isOtherAlphabet(alphabetOf(right));
    }

    private static boolean isOtherAlphabet(int a) {
        return a >= 2 && a <= 11 && a != 7;
    }

    /** The alphabets ({@link #alphabetOf}, as bits; non-letters excluded) of {@code cps}. */
    static int alphabets(int[] cps) {
        int mask = 0;
        for (int cp : cps) {
            mask |= alphabetsOf(cp);
        }
        return mask;
    }

    /** {@link #alphabets(int[])} of the one char {@code cp}. */
    private static int alphabetsOf(int cp) {
        if (cp < 0x80) {
            return alphabetOf(cp) > 0 ? 1 << 1 : 0;
        }
        int v = ALPHABET_OF.get(cp);
        int a = v & ALPHABET_BITS;
        return a > 0 && (v & COMMON_SCRIPT) == 0 ? 1 << a : 0;
    }

    private static boolean isCommonScript(int cp) {
        return (ALPHABET_OF.get(cp) & COMMON_SCRIPT) != 0;
    }

    private static boolean computeIsCommonScript(int cp) {
        Character.UnicodeScript s = Character.UnicodeScript.of(cp);
        return s == Character.UnicodeScript.COMMON || s == Character.UnicodeScript.INHERITED;
    }

    /** The alphabets of the chars of {@code cps} that {@code produced} marks. */
    private static int producedAlphabets(int[] cps, boolean[] produced) {
        int mask = 0;
        for (int i = 0; i < cps.length; i++) {
            if (produced[i]) {
                mask |= alphabetsOf(cps[i]);
            }
        }
        return mask;
    }

    /** The alphabets of every replacement in {@code edits}. */
    static int alphabets(List<Edit> edits) {
        int mask = 0;
        for (Edit e : edits) {
            mask |= alphabets(e.replacement());
        }
        return mask;
    }

    private static int countOf(int[] cps, int alphabet) {
        int n = 0;
        for (int cp : cps) {
            if (alphabetOf(cp) == alphabet) {
                n++;
            }
        }
        return n;
    }

    private static int[] alphabetCounts(int[] cps) {
        int[] counts = new int[16];
        for (int cp : cps) {
            counts[alphabetOf(cp)]++;
        }
        return counts;
    }

    /**
     * U+2800, the Braille pattern with no dot: chat and social posts use it as a blank that no app collapses
     * (E2 A0 80, whose A0 a clean-up makes a plain space: {@code â € } in windows-1252 mojibake, ftfy's case 54).
     * Its script is Braille, but it is no letter of an alphabet that a stray decoding could make lonely; the other
     * patterns (Braille art, or a 3-byte filling that chance lands there) keep their script's lonely cost.
     */
    private static final int BRAILLE_BLANK = 0x2800;

    /** A coarse alphabet id for the lonely-script check: 0 shared (Common) non-letters, 1 Latin, 2.. other scripts. */
    static int alphabetOf(int cp) {
        // (ASCII, most chars of most lines, as computeAlphabetOf has it)
        return cp < 0x80 ? (cp >= 'A' && cp <= 'Z' || cp >= 'a' && cp <= 'z' ? 1 : 0)
                : ALPHABET_OF.get(cp) & ALPHABET_BITS;
    }

    private static int computeAlphabetOf(int cp) {
        if (cp < 0x80) {
            return cp >= 'A' && cp <= 'Z' || cp >= 'a' && cp <= 'z' ? 1 : 0;
        }
        Character.UnicodeScript script = Character.UnicodeScript.of(cp);
        if (cp == BRAILLE_BLANK || !Character.isLetter(cp) && Character.getType(cp) != Character.DECIMAL_DIGIT_NUMBER
                && (script == Character.UnicodeScript.COMMON || script == Character.UnicodeScript.INHERITED)) {
            // shared punctuation and symbols belong to no alphabet; a script's own signs (Myanmar ၌, Ethiopic ።)
            // do: one of them appearing out of a clean word of another script is a wrong decoding (Serbian ИксБМ)
            return 0;
        }
        return switch (script) {
            case LATIN -> 1;
            case GREEK -> 2;
            case CYRILLIC -> 3;
            case ARMENIAN -> 4;
            case HEBREW -> 5;
            case ARABIC -> 6;
            case HAN, HIRAGANA, KATAKANA, HANGUL, BOPOMOFO -> 7;
            case THAI, LAO -> 8;
            case DEVANAGARI, BENGALI, GURMUKHI, GUJARATI, ORIYA, TAMIL, TELUGU, KANNADA, MALAYALAM, SINHALA -> 9;
            case GEORGIAN -> 10;
            case ETHIOPIC -> 11;
            default -> 12;
        };
    }

    private static int[] apply(int[] cps, List<Candidate> cands, boolean[] on, int[] pos) {
        int[] out = new int[cps.length + 4 * cands.size()];
        int o = 0;
        int i = 0;
        for (int k = 0; k < cands.size(); k++) {
            Candidate c = cands.get(k);
            while (i < c.start) {
                out[o++] = cps[i++];
            }
            pos[k] = o;
            if (on[k]) {
                for (int cp : c.decoded) {
                    out[o++] = cp;
                }
            } else {
                while (i < c.end) {
                    out[o++] = cps[i++];
                }
            }
            i = c.end;
        }
        while (i < cps.length) {
            out[o++] = cps[i++];
        }
        return java.util.Arrays.copyOf(out, o);
    }

    private int byteAt(int[] cps, int i) {
        return byteAt(page, cps, i);
    }

    /** The byte {@code page} gives {@code cps[i]}; -1 for none, or past the end. */
    static int byteAt(CodePage page, int[] cps, int i) {
        if (i >= cps.length) {
            return -1;
        }
        int cp = cps[i];
        return cp > 0xFFFF ? -1 : page.byteOrNone((char) cp);
    }

    /**
     * The chars of {@code cps} a strict decoding under some page of {@code mask} may replace: those of every lead
     * byte followed by as many continuation bytes (or U+FFFD) as it announces, wherever it starts. Every candidate
     * of a strict walk (a complete sequence, a CESU-8 pair, a sequence with U+FFFD) is made of such chars.
     */
    static boolean[] sequenceChars(int[] cps, int mask) {
        boolean[] touched = new boolean[cps.length];
        for (int i = 0; i < cps.length; i++) {
            // the pages of mask reading cps[i] as a lead, C2..F4 (CodePages.leadMask; an ASCII char is its own
            // byte or none in every page, and a char beyond the BMP no byte at all: never a lead)
            int cp = cps[i];
            int leads = cp < 0x80 || cp > 0xFFFF ? 0 : CodePages.leadMask((char) cp) & mask;
            for (; leads != 0; leads &= leads - 1) {
                CodePage page = CodePages.ALL.get(Integer.numberOfTrailingZeros(leads));
                int need = needed(page.byteOrNone((char) cp));
                int k = 0;
                while (k < need && (isCont(byteAt(page, cps, i + 1 + k))
                        || i + 1 + k < cps.length && cps[i + 1 + k] == 0xFFFD)) {
                    k++;
                }
                for (int j = i; k == need && j <= i + need; j++) {
                    touched[j] = true;
                }
            }
        }
        return touched;
    }

    /** Whether U+1F000 + {@code low} is Extended_Pictographic or a skin tone: an emoji F0 9F xx yy can stand for. */
    static boolean isPictograph1F000(int low) {
        return PICTOGRAPHIC_1F000[low];
    }

    static boolean isCont(int b) {
        return b >= 0x80 && b < 0xC0;
    }

    private static int needed(int lead) {
        return lead < 0xE0 ? 1 : lead < 0xF0 ? 2 : 3;
    }

    /**
     * Whether {@code cps[j]} carries on a run of continuation bytes no lead precedes, on a line already decoded: a
     * continuation the strict pass of this layer did not produce.
     */
    private boolean leadlessContinuation(int[] cps, boolean[] repaired, int j) {
        return j < cps.length && !repaired[j] && isCont(byteAt(cps, j));
    }

    /** Whether the strict pass produced none of {@code cps[from..to)}; false when what it produced is not known. */
    private static boolean noneRepaired(boolean[] repaired, int from, int to) {
        if (repaired == null) {
            return false;
        }
        for (int m = from; m < to; m++) {
            if (repaired[m]) {
                return false;
            }
        }
        return true;
    }

    /** The penalty of reading the complete sequence {@code cps[i..i+need]} as {@code cp}. */
    private double completePenalty(int[] cps, int i, int need, int cp) {
        return symbolsOnly(cps, i, need, cp)
                + Math.max(insideLeadlessEmoji(cps, i, i + 1 + need), insideCutEmoji(cps, i, i + 1 + need))
                + beforeClitic(cps, i, need);
    }

    /**
     * 2 (what Plausibility charges {@code Ã’}) for a 2-byte sequence at a word's start whose continuation is the
     * apostrophe ’ before a clitic, one or two ASCII lower-case letters ending the word ({@code Ã’s}): the apostrophe
     * of a letter named as a word, not the 0x92 of Ò (ftfy's negative case 154, {@code a lot of Ã’s in mojibake
     * text}). Inside a word the pair is the word's mojibake (Friulian {@code trasformΓ’t}, â under ISO-8859-7).
     * 0 elsewhere.
     */
    private static double beforeClitic(int[] cps, int i, int need) {
        if (need != 1 || cps[i + 1] != '\u2019' || !Character.isLetter(cps[i])
                || i > 0 && Character.isLetter(cps[i - 1])) {
            return 0;
        }
        int j = i + 2;
        while (j < cps.length && j < i + 4 && cps[j] >= 'a' && cps[j] <= 'z') {
            j++;
        }
        return j > i + 2 && (j == cps.length || !Character.isLetterOrDigit(cps[j])) ? 2 : 0;
    }

    private List<Candidate> findCandidates(int[] cps, boolean lossy, boolean[] repaired, boolean[] at) {
        LossyFiller.Line line = filler == null ? null : new LossyFiller.Line(page, cps, repaired);
        CharModel.Scorer scorer = lossy ? filler.scorerFor(line) : null;
        List<Candidate> out = sweep(cps, lossy, repaired, at, scorer, line);
        if (lossy && closeFillings(out)) {
            // holes near each other condition each other (a word with two lost bytes): the first sweep chose each
            // filling with only the holes to its left filled; each run of close holes is chosen again jointly
            // (HoleSearch), then the second sweep chooses each again with the fillings on both sides in place
            // (one round of iterated conditional modes over the line's holes), and judges its margin
            for (List<HoleSearch.Hole> run : closeRuns(out, line)) {
                HoleSearch.fill(line, run, scorer);
            }
            out = sweep(cps, lossy, repaired, at, scorer, line);
        }
        return out;
    }

    /**
     * A filling of a C2 or C3 lead before a space to its no-break space (A0) or à: with the space as that A0, or,
     * where the lead stands alone as a word, before the space, an A0 merged into the space that followed it
     * ({@code relatifs Ã l’utilisation}: ftfy's cases 49, 51 and 52; glued to a word, {@code VÃ RFC} is the
     * Vietnamese {@code VÁ}, whose 0x81 windows-1252 dropped, as likely as {@code Và}).
     */
    private boolean lostNoBreakSpace(int[] cps, Candidate c) {
        return c.decoded.length == 1 && lostNoBreakSpace(cps, c.start, c.end, c.decoded[0]);
    }

    /** Whether reading {@code cps[start..end)} as {@code cp} is a {@link #lostNoBreakSpace} filling. */
    private boolean lostNoBreakSpace(int[] cps, int start, int end, int cp) {
        int lead = byteAt(cps, start);
        return (end - start == 2 || end - start == 1 && (start == 0 || !Character.isLetter(cps[start - 1])))
                && start + 1 < cps.length && cps[start + 1] == ' ' && (lead == 0xC2 || lead == 0xC3)
                && (cp == 0xA0 || cp == 0xE0);
    }

    /**
     * Whether {@code decode(cps, true, repaired)} may keep an edit whose letters are of {@code alphabets} (bits of
     * alphabetOf, as {@link #alphabets(int[])} gives them; the lossy-twin contest keeps no other); false only when it
     * surely keeps none, told without asking the character model (docs/repair.md, "the eighth round"). The lossy walk
     * (sweep) meets the same sequences whatever the model chooses, except where a filling ends (a no-break space taken
     * from the space after it moves the walk on): every place the walk can reach is visited, and every filling the
     * filler can choose there ({@link LossyFiller#options}), or the complete sequence there, is a reading of a
     * candidate. decode keeps a candidate only once its gain clears its bar in some round (the merely no worse ones,
     * which pay no penalty or are a letter before its lost no-break space, ride along only on a round where some gain
     * clears it; such a letter of an alphabet the strict decoding produced needs only be no worse by itself), and a
     * gain is at most the cost of the candidate's chars beside the costliest neighbours it can have (the char as it
     * stands, or any reading of a candidate touching it), less the least cost of its reading beside the cheapest
     * ones, the least lonely-script cost its alphabet's company in the line allows, and its penalty (the
     * word-interior cost is never negative). A line with U+FFFD is never cleared (its fillings guess no byte and pay
     * no penalty).
     */
    boolean lossyMayKeep(int[] cps, boolean[] repaired, int alphabets) {
        int n = cps.length;
        for (int cp : cps) {
            if (cp == 0xFFFD) {
                return true;
            }
        }
        for (int i = 0; i < n; i++) {
            if (capitalBeforeLostNoBreakSpace(cps, i, repaired)) {
                // a rider of its own, whatever its gain's bound (capitalBeforeLostNoBreakSpace)
                return true;
            }
        }
        LossyFiller.Line line = new LossyFiller.Line(page, cps, repaired);
        boolean[] reach = new boolean[n + 1];
        reach[0] = true;
        // the candidates the walk can make: where each starts, and each reading (code point, end, bytes lost; a
        // complete sequence's lost is -1)
        List<int[]> candidates = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (!reach[i]) {
                continue;
            }
            int lead = byteAt(cps, i);
            if (repaired != null && isCont(lead) && !repaired[i]) {
                int run = 1;
                while (run < 3 && leadlessContinuation(cps, repaired, i + run)) {
                    run++;
                }
                if (!leadlessContinuation(cps, repaired, i + run)) {
                    candidates.add(readings(i, filler.leadOptions(page, line, i, run)));
                }
                reach[i + run] = true;
                continue;
            }
            if (lead < 0xC2 || lead > 0xF4 || repaired != null && repaired[i]) {
                reach[i + 1] = true;
                continue;
            }
            int need = needed(lead);
            int[] bytes = new int[need + 1];
            bytes[0] = lead;
            int k = 0;
            while (k < need && isCont(byteAt(cps, i + 1 + k))) {
                bytes[k + 1] = byteAt(cps, i + 1 + k);
                k++;
            }
            if (k == need) {
                int cp = noneRepaired(repaired, i, i + 1 + need) ? Utf8.decode(bytes, need + 1) : -1;
                if (cp >= 0) {
                    candidates.add(new int[] {i, cp, i + 1 + need, -1});
                }
                reach[i + 1 + need] = true;
                continue;
            }
            LossyFiller.Options options = filler.options(page, line, i, bytes, k);
            if (options != null) {
                candidates.add(readings(i, options));
                for (LossyFiller.Option o : options) {
                    reach[o.end()] = true;
                }
            }
            reach[i + 1 + k] = true;
        }
        // the chars a neighbour can be: as it stands, or any reading of a candidate touching it
        int[][] endingAt = new int[n + 1][];
        int[][] startingAt = new int[n + 1][];
        int[] endingCount = new int[n + 1];
        int[] startingCount = new int[n + 1];
        for (int p = 0; p <= n; p++) {
            endingAt[p] = new int[] {p > 0 ? cps[p - 1] : -1, 0, 0, 0};
            startingAt[p] = new int[] {p < n ? cps[p] : -1, 0, 0, 0};
            endingCount[p] = 1;
            startingCount[p] = 1;
        }
        // how many of the line's chars, and of the candidates, can be of each alphabet (lonelyCost's company)
        int[] original = alphabetCounts(cps);
        int[] decodable = new int[16];
        for (int[] c : candidates) {
            int readAs = 0;
            for (int r = 1; r < c.length; r += 3) {
                endingAt[c[r + 1]] = push(endingAt[c[r + 1]], endingCount[c[r + 1]]++, c[r]);
                startingAt[c[0]] = push(startingAt[c[0]], startingCount[c[0]]++, c[r]);
                readAs |= 1 << alphabetOf(c[r]);
            }
            for (int a = 0; a < 16; a++) {
                decodable[a] += readAs >>> a & 1;
            }
        }
        // an edit needs a reading of its alphabets that clears its bar, or one that pays no penalty (a complete
        // sequence) on a line where some reading clears its bar (decode takes the merely no worse along)
        boolean anyClears = false;
        boolean freeRider = false;
        // (decode's strictAlphabets: a letter before its lost no-break space of these needs no other reading to clear)
        int produced = repaired == null ? 0 : producedAlphabets(cps, repaired);
        for (int[] c : candidates) {
            int start = c[0];
            int[] lefts = endingAt[start];
            int leftCount = endingCount[start];
            int lastEnd = -1;
            double before = 0;
            for (int r = 1; r < c.length; r += 3) {
                int cp = c[r];
                int end = c[r + 1];
                int lost = c[r + 2];
                boolean kept = (alphabetsOf(cp) & ~alphabets) == 0;
                if (!kept && anyClears) {
                    continue;
                }
                double penalty = lost < 0 ? symbolsOnly(cps, start, end - start - 1, cp) : LossyFiller.penalty(lost);
                // (so does a letter whose no-break space became the space after it, if no worse than its guess: a
                // rider here whatever its gain)
                // (and a letter whose lead stands alone, glued to a char this layer decodes, which is not asked here)
                boolean rider = lost >= 0
                        && (letterBeforeLostNoBreakSpace(cps, start, end, cp, lost)
                                || gluedLetter(cps, start, end, cp, lost, true));
                freeRider |= kept && (penalty == 0 || rider);
                int bytesLost = Math.max(lost, 0);
                boolean riderAlone = kept && rider && (alphabetsOf(cp) & ~produced) == 0;
                double bar = riderAlone || (cp >= 0x800 || lostNoBreakSpace(cps, start, end, cp))
                        && fewEnoughGuessed(cps, start, end, cp, bytesLost) ? -penalty - 1e-9 : MARGIN;
                if (end != lastEnd) {
                    before = Plausibility.maxCost(lefts, leftCount, cps, start, end, startingAt[end],
                            startingCount[end]);
                    lastEnd = end;
                }
                if (before - penalty <= bar - 1e-6) {
                    // even a decoding that costs nothing would not clear the bar
                    continue;
                }
                double after = Plausibility.minCost(lefts, leftCount, cp, startingAt[end], startingCount[end])
                        + lonelyFloor(cp, original, decodable)
                        + (alphabetOf(cp) == 7 && glued(lefts, leftCount, startingAt[end], startingCount[end])
                                ? RARE_LONELY_SCRIPT : 0);
                if (before - after - penalty > bar - 1e-6) {
                    if (kept) {
                        return true;
                    }
                    anyClears = true;
                }
            }
        }
        return anyClears && freeRider;
    }

    /**
     * Whether every pair of a left neighbour of {@code lefts} and a right one of {@code rights} is
     * {@link #gluedToOtherAlphabet}: then a Han or kana decoding pays {@link #lonelyCost}'s RARE_LONELY_SCRIPT whatever
     * its neighbours turn out to be.
     */
    private static boolean glued(int[] lefts, int leftCount, int[] rights, int rightCount) {
        boolean everyLeft = true;
        for (int k = 0; k < leftCount && everyLeft; k++) {
            everyLeft = isOtherAlphabet(alphabetOf(lefts[k]));
        }
        boolean everyRight = true;
        for (int k = 0; k < rightCount && everyRight; k++) {
            everyRight = isOtherAlphabet(alphabetOf(rights[k]));
        }
        return everyLeft || everyRight;
    }

    /** {@code (start, cp, end, lost)...} of a filler's options: one candidate's readings for {@link #lossyMayKeep}. */
    private static int[] readings(int start, LossyFiller.Options options) {
        int[] c = new int[1 + 3 * options.size()];
        c[0] = start;
        for (int k = 0; k < options.size(); k++) {
            LossyFiller.Option o = options.get(k);
            c[1 + 3 * k] = o.cp();
            c[2 + 3 * k] = o.end();
            c[3 + 3 * k] = o.lost();
        }
        return c;
    }

    private static int[] push(int[] values, int at, int value) {
        int[] out = at < values.length ? values : java.util.Arrays.copyOf(values, values.length * 2);
        out[at] = value;
        return out;
    }

    /**
     * A filling of a 2-byte lead to a letter, with the space after it as its last byte, the no-break space (A0); the
     * lead as it stands is no letter of that letter's alphabet (Hebrew × or ׳, Greek Î, but not KOI8-R's я, which
     * is clean Russian before a space as often as it is the lead of њ).
     */
    private boolean letterBeforeLostNoBreakSpace(int[] cps, Candidate c) {
        return c.decoded.length == 1 && letterBeforeLostNoBreakSpace(cps, c.start, c.end, c.decoded[0], c.bytesLost);
    }

    /** Whether reading {@code cps[start..end)} as {@code cp} with {@code lost} guessed bytes is such a filling. */
    private boolean letterBeforeLostNoBreakSpace(int[] cps, int start, int end, int cp, int lost) {
        int lead = byteAt(cps, start);
        return end - start == 2 && cps[start + 1] == ' ' && lead >= 0xC2 && lead < 0xE0 && lost <= 1
                && Character.isLetter(cp) && !letterOfAlphabetOf(cps[start], cp);
    }

    /**
     * A 2-byte lead left alone, its one continuation lost (an undefined byte of the page), filled to a letter glued to
     * a letter of the same alphabet that this layer's strict decoding produced, on either side: Hebrew {@code ×ת} for
     * {@code את} (א is D7 90, undefined in windows-1252), Cyrillic {@code ׀ак} for {@code Пак} (D0 9F under
     * windows-1255). The lead as it stands may be a letter of the filling's alphabet too (windows-1256 reads D8, the
     * lead of ح D8 AD whose soft hyphen was dropped, as ط: {@code طجم} for {@code حجم}): glued to the rest of a word
     * in mojibake, it is that word's damage (a clean letter beside a candidate of its own, KOI8-R's {@code символ},
     * is not; nor is a clean letter alone between decoded words, {@link #letterAloneBesideDecoded}).
     */
    private boolean letterGluedToDecoded(int[] cps, Candidate c, boolean[] repaired) {
        if (repaired == null || c.decoded.length != 1
                || !gluedLetter(cps, c.start, c.end, c.decoded[0], c.bytesLost, true)) {
            return false;
        }
        int cp = c.decoded[0];
        return c.start > 0 && repaired[c.start - 1] && letterOfAlphabetOf(cps[c.start - 1], cp)
                || c.end < cps.length && repaired[c.end] && letterOfAlphabetOf(cps[c.end], cp);
    }

    /**
     * Whether {@code c} fills a 2-byte lead standing alone as a word of one letter (an undefined byte of the page its
     * one continuation) to a letter of an alphabet the lead is no letter of, next to a word whose first or last
     * letter this layer's strict decoding produced in that alphabet: Ukrainian у (D1 83) is {@code Ń} under
     * windows-1250 and -1257 between decoded words ({@code помилка Ń бібліотеці}), and a Latin capital alone between
     * Cyrillic words is their damage, not a word; which letter it was the model decides (у, с and я are all words).
     */
    private boolean letterAloneBesideDecoded(int[] cps, Candidate c, boolean[] repaired) {
        if (repaired == null || c.decoded.length != 1
                || !gluedLetter(cps, c.start, c.end, c.decoded[0], c.bytesLost, false)
                || c.start > 0 && Character.isLetter(cps[c.start - 1])
                || c.end < cps.length && Character.isLetter(cps[c.end])) {
            return false;
        }
        int cp = c.decoded[0];
        int before = c.start - 2;
        int after = c.end + 1;
        return before >= 0 && cps[c.start - 1] == ' ' && repaired[before] && letterOfAlphabetOf(cps[before], cp)
                || after < cps.length && cps[c.end] == ' ' && repaired[after] && letterOfAlphabetOf(cps[after], cp);
    }

    /**
     * A capital 2-byte lead standing alone at a word's start before a space and a lower-case letter, filled to a
     * capital with the space as its last byte, the no-break space (A0), on a line that is mojibake throughout: every
     * other non-ASCII char of it is one this layer decodes (its strict decoding produced it, or a candidate it keeps
     * holds it), and its strict decoding produced letters of the filling's Unicode block (Latvian {@code Å veices
     * baÅ†Ä·ieri} for {@code Šveices baņķieri}, Š being C5 A0: ftfy's cases 64 and 66). A real capital before a
     * space would have been mis-read with the rest of the line; the block keeps out the fillings no language of the
     * line writes (the Italian {@code È}, C8, reads Ƞ with A0; a clean Swedish {@code Å} beside the mojibake of a
     * Swedish word, which makes Latin-1 letters, would read Š, of Latin Extended-A).
     */
    private boolean capitalBeforeLostNoBreakSpace(int[] cps, Candidate c, boolean[] repaired, List<Candidate> cands,
                                                  boolean[] kept) {
        if (c.decoded.length != 1 || c.end - c.start != 2 || c.bytesLost > 1 || !Character.isUpperCase(c.decoded[0])
                || !capitalBeforeLostNoBreakSpace(cps, c.start, repaired)) {
            return false;
        }
        boolean[] decodes = repaired.clone();
        for (int k = 0; k < cands.size(); k++) {
            if (kept[k]) {
                java.util.Arrays.fill(decodes, cands.get(k).start, cands.get(k).end, true);
            }
        }
        for (int j = 0; j < cps.length; j++) {
            if ((j < c.start || j >= c.end) && cps[j] >= 0x80 && !decodes[j]) {
                return false;
            }
        }
        return blockProduced(cps, repaired, c.decoded[0]);
    }

    /**
     * Whether {@code cps[i]} may be a place for {@link #capitalBeforeLostNoBreakSpace(int[], Candidate, boolean[],
     * List, boolean[])}: a capital 2-byte lead at a word's start, the strict decoding left it, before a space and a lower-case
     * letter, and every other non-ASCII char of the line is one the strict decoding produced or one this page reads
     * as a byte of 0x80 or above (which a candidate may hold).
     */
    private boolean capitalBeforeLostNoBreakSpace(int[] cps, int i, boolean[] repaired) {
        if (repaired == null || i + 2 >= cps.length || cps[i + 1] != ' ' || !Character.isUpperCase(cps[i])
                || !Character.isLowerCase(cps[i + 2]) || i > 0 && Character.isLetter(cps[i - 1]) || repaired[i]) {
            return false;
        }
        int lead = byteAt(cps, i);
        if (lead < 0xC2 || lead >= 0xE0) {
            return false;
        }
        for (int j = 0; j < cps.length; j++) {
            if (j != i && cps[j] >= 0x80 && !repaired[j] && byteAt(cps, j) < 0x80) {
                return false;
            }
        }
        return true;
    }

    /** Whether this layer's strict decoding produced a letter of {@code cp}'s Unicode block. */
    private static boolean blockProduced(int[] cps, boolean[] repaired, int cp) {
        Character.UnicodeBlock block = Character.UnicodeBlock.of(cp);
        for (int j = 0; j < cps.length; j++) {
            if (repaired[j] && Character.isLetter(cps[j]) && Character.UnicodeBlock.of(cps[j]) == block) {
                return true;
            }
        }
        return false;
    }

    /** Whether {@code ch} is a letter of {@code cp}'s alphabet. */
    private static boolean letterOfAlphabetOf(int ch, int cp) {
        return Character.isLetter(ch) && alphabetOf(ch) == alphabetOf(cp);
    }

    /**
     * Whether reading the lead {@code cps[start]} alone as {@code cp}, {@code lost} bytes guessed, fills a letter; unless
     * {@code ownAlphabet}, of an alphabet the lead as it stands is no letter of.
     */
    private boolean gluedLetter(int[] cps, int start, int end, int cp, int lost, boolean ownAlphabet) {
        int lead = byteAt(cps, start);
        return end - start == 1 && lead >= 0xC2 && lead < 0xE0 && lost == 1 && Character.isLetter(cp)
                && (ownAlphabet || !letterOfAlphabetOf(cps[start], cp));
    }

    /**
     * Whether {@code cps[at]} is a char this layer decoded: one its strict decoding produced, or a candidate's start.
     */
    private static boolean decodedAt(int at, int[] cps, boolean[] repaired, List<Candidate> cands) {
        if (at >= cps.length) {
            return false;
        }
        if (repaired != null && repaired[at]) {
            return true;
        }
        for (Candidate c : cands) {
            if (c.start == at) {
                return true;
            }
        }
        return false;
    }

    /** The runs of two or more fillings, each close enough to the one before that its right context reaches it. */
    private static List<List<HoleSearch.Hole>> closeRuns(List<Candidate> cands, LossyFiller.Line line) {
        List<List<HoleSearch.Hole>> runs = new ArrayList<>();
        List<HoleSearch.Hole> run = new ArrayList<>();
        int lastEnd = -1;
        for (Candidate c : cands) {
            HoleSearch.Hole h = c.bytesLost > 0 ? line.holes.get(c.start) : null;
            if (h == null) {
                continue;
            }
            if (lastEnd < 0 || c.start - lastEnd > SECOND_SWEEP_REACH) {
                if (run.size() > 1) {
                    runs.add(run);
                }
                run = new ArrayList<>();
            }
            run.add(h);
            lastEnd = c.end;
        }
        if (run.size() > 1) {
            runs.add(run);
        }
        return runs;
    }

    /** Whether two fillings lie close enough that one's right context reaches the other. */
    private static boolean closeFillings(List<Candidate> cands) {
        int lastEnd = -1;
        for (Candidate c : cands) {
            if (c.bytesLost > 0) {
                if (lastEnd >= 0 && c.start - lastEnd <= SECOND_SWEEP_REACH) {
                    return true;
                }
                lastEnd = c.end;
            }
        }
        return false;
    }

    private List<Candidate> sweep(int[] cps, boolean lossy, boolean[] repaired, boolean[] at, CharModel.Scorer scorer,
                                  LossyFiller.Line line) {
        List<Candidate> out = new ArrayList<>();
        // a char that is neither a lead (C2..F4) here nor, where a lead-less run is looked for, a continuation starts
        // nothing: answered from the masks all pages share (CodePages.leadMask, contMask) without asking the page
        int bit = 1 << page.index();
        boolean leadless = lossy && repaired != null;
        int i = 0;
        while (i < cps.length) {
            int c = cps[i];
            if (at != null && !at[i] || c < 0x80 || c > 0xFFFF
                    || ((CodePages.leadMask((char) c) | (leadless ? CodePages.contMask((char) c) : 0)) & bit) == 0) {
                i++;
                continue;
            }
            int lead = byteAt(cps, i);
            if (lossy && repaired != null && isCont(lead) && !repaired[i]) {
                // continuation bytes no lead precedes, on a line already decoded: their lead was lost
                int run = 1;
                while (run < 3 && leadlessContinuation(cps, repaired, i + run)) {
                    run++;
                }
                boolean longer = leadlessContinuation(cps, repaired, i + run);
                line.unfill(i);
                LossyFiller.Filled f = longer ? null : filler.fillLead(page, line, i, run, scorer, evidence);
                if (f != null) {
                    line.filled(f.start(), f.end(), f.cp());
                    out.add(Candidate.filled(f));
                }
                i += run;
                continue;
            }
            if (lead < 0xC2 || lead > 0xF4 || lossy && repaired != null && repaired[i]) {
                // (a char the strict pass of this layer produced is text of this layer; the next layer judges it)
                i++;
                continue;
            }
            int need = needed(lead);
            int[] bytes = new int[need + 1];
            bytes[0] = lead;
            int k = 0;
            boolean wild = false;
            while (k < need && (isCont(byteAt(cps, i + 1 + k)) || i + 1 + k < cps.length && cps[i + 1 + k] == 0xFFFD)) {
                bytes[k + 1] = byteAt(cps, i + 1 + k);
                wild |= bytes[k + 1] < 0;
                k++;
            }
            if (k == need && wild && filler == null) {
                // a decoder without a filler (the gate's, TextRepairer.lossyOnly's proven sequences) cannot read a
                // byte a decoder replaced: the sequence is no candidate of its
                i += 1 + need;
                continue;
            }
            if (k == need && wild) {
                // U+FFFD stands for an undefined byte that a decoder replaced: guess it like a dropped one, but the
                // text already shows that loss, so a guess the model is not near certain of leaves the sequence as
                // the one char it was, lost: U+FFFD (as ftfy reads it)
                line.unfill(i);
                LossyFiller.Filled f = filler.fillReplaced(page, line, i, bytes,
                        scorer == null ? filler.scorerFor(line) : scorer, evidence);
                if (f != null && f.margin() < REPLACED_MARGIN) {
                    f = new LossyFiller.Filled(f.start(), f.end(), 0xFFFD, 0, 0, 1, -1, Double.POSITIVE_INFINITY,
                            f.likelihood());
                }
                if (f != null) {
                    line.filled(f.start(), f.end(), f.cp());
                    out.add(Candidate.filled(f));
                    i = f.end();
                } else {
                    i += 1 + need;
                }
                continue;
            }
            if (k == need && lossy) {
                // a complete sequence the strict decoding of this proven line left alone, often because its
                // neighbour was a cut-short sequence (Cyrillic "ст" as D1 [81] D1 82): judged again beside the
                // fillings. Only on the already decoded line (repaired known), never on the raw one, and never
                // over chars that decoding produced
                // chars the strict pass produced are text of this layer, for the next layer to judge
                int cp = noneRepaired(repaired, i, i + 1 + need) ? Utf8.decode(bytes, need + 1) : -1;
                if (cp >= 0) {
                    out.add(new Candidate(i, i + 1 + need, new int[] {cp}, 0, completePenalty(cps, i, need, cp), 1));
                }
                i += 1 + need;
                continue;
            }
            if (k == need) {
                int cp = Utf8.decode(bytes, need + 1, true);
                if (cp >= 0xD800 && cp <= 0xDBFF) {
                    Candidate cesu = cesu(cps, i, cp);
                    if (cesu != null) {
                        out.add(cesu);
                        i = cesu.end;
                        continue;
                    }
                } else if (cp >= 0) {
                    out.add(new Candidate(i, i + 1 + need, new int[] {cp}, 0, completePenalty(cps, i, need, cp), 1));
                    i += 1 + need;
                    continue;
                }
                i++;
                continue;
            }
            if (lossy) {
                line.unfill(i);
                LossyFiller.Filled f = filler.fill(page, line, i, bytes, k, scorer, evidence);
                if (f != null) {
                    line.filled(f.start(), f.end(), f.cp());
                    out.add(Candidate.filled(f));
                    i = f.end();
                    continue;
                }
            }
            i += 1 + k;
        }
        return out;
    }

    /**
     * Whether the candidate at {@code prov[ps..pe)} (the line with the candidates decoded) is a ZWJ between two emoji,
     * or an emoji that goes on the RGI ZWJ sequence the emoji and ZWJ before it begin ({@link
     * SymbolPrior#continuesZwjSequence}), even with all three of its continuations lost ({@code 🏳️‍} then {@code š}
     * under windows-1257, 🌈 F0 9F 8C 88 with 9F, 8C and 88 undefined): inside an emoji sequence of a line proven
     * damaged, such a char reads no better than its mojibake (a ZWJ is invisible), but it is the rest of the sequence.
     */
    private static boolean partOfEmojiSequence(int[] prov, int ps, int pe, Candidate c) {
        if (c.decoded.length != 1 || ps == 0) {
            return false;
        }
        int cp = c.decoded[0];
        if (cp == 0x200D) {
            return c.bytesLost <= 1 && SymbolPrior.goesOnEmoji(prov[ps - 1], cp) && pe < prov.length
                    && SymbolPrior.isEmoji(prov[pe]);
        }
        int from = Math.max(0, ps - 16);
        return prov[ps - 1] == 0x200D && SymbolPrior.isEmoji(cp)
                && SymbolPrior.continuesZwjSequence(new String(prov, from, ps - from), cp);
    }

    /**
     * Whether {@code c} reads a complete 2-byte sequence of two symbols as a quotation mark that opens or closes
     * (Unicode's initial and final quotes: « » under cp437, cp850 and cp866 are the box-drawing pairs ┬╗ ┬½ ┬л), paying
     * only {@link #symbolsOnly}' bar. That bar keeps a chance pair of symbols in clean text from reading as one; on a
     * line whose other decodings already prove this page's damage (decode's round past LOSSY_EVIDENCE), a quote that
     * reads no worse than its chars is what the damage made of it, as a letter there is: {@code ┬л┬а%s┬а┬╗} was left
     * {@code « %s ┬╗}, its opener decoded (л is a letter, no bar) and its closer not.
     */
    private static boolean quoteOfSymbols(int[] cps, Candidate c) {
        if (c.bytesLost != 0 || c.decoded.length != 1 || c.end - c.start != 2) {
            return false;
        }
        int type = Character.getType(c.decoded[0]);
        return (type == Character.INITIAL_QUOTE_PUNCTUATION || type == Character.FINAL_QUOTE_PUNCTUATION)
                && c.penalty == symbolsOnly(cps, c.start, 1, c.decoded[0]);
    }

    /**
     * A 2-byte sequence whose chars are all symbols and that decodes to a symbol (¬´ as «) is as likely
     * to be real text as mojibake; it must clear a higher bar. A lead that reads as a script's own combining mark
     * with no letter of that script before it is no symbol: nothing writes a Hebrew point on a space or a Latin
     * letter, and {@code ֲ»} is windows-1255's » (C2 BB), often a line's only damage.
     */
    private static double symbolsOnly(int[] cps, int i, int need, int decoded) {
        if (need != 1 || Character.isLetter(decoded) || Character.isLetter(cps[i]) || Character.isLetter(cps[i + 1])
                || strandedScriptMark(cps, i)) {
            return 0;
        }
        return 3;
    }

    /**
     * 3 (the bar of {@link #symbolsOnly}) for a sequence lying inside an emoji whose lead, F0, another page dropped:
     * cp850 reads F0 as a soft hyphen, so 👨 (F0 9F 91 A8) is left as ƒæ¿, and MacRoman reads its ƒæ as ľ (C4 BE),
     * windows-1252 the Ä¼ of 🎬's ƒÄ¼ as ļ (C4 BC). Such a reading is no evidence of this page: the emoji pass
     * restores the emoji under the page that dropped its lead. 0 elsewhere, and under a page that drops F0 itself.
     */
    private double insideLeadlessEmoji(int[] cps, int start, int end) {
        if (page.drops(0xF0)) {
            return 0;
        }
        for (int j = Math.max(0, end - 3); j <= start && j + 2 < cps.length; j++) {
            if (cps[j] > 0xFFFF || cps[j + 1] > 0xFFFF || cps[j + 2] > 0xFFFF) {
                continue;
            }
            int pages = CodePages.emojiSecondAloneMask((char) cps[j]) & CodePages.contMask((char) cps[j + 1])
                    & CodePages.contMask((char) cps[j + 2]);
            for (; pages != 0; pages &= pages - 1) {
                CodePage other = CodePages.ALL.get(Integer.numberOfTrailingZeros(pages));
                // (both chars read as continuations there: F0 9F with them is well-formed, U+1F000..U+1FFFF)
                int low = (other.byteOf((char) cps[j + 1]) & 0x3F) << 6 | other.byteOf((char) cps[j + 2]) & 0x3F;
                if (PICTOGRAPHIC_1F000[low]) {
                    return 3;
                }
            }
        }
        return 0;
    }

    /**
     * 3 (the bar of {@link #symbolsOnly}) for a sequence lying inside the last two of three chars that another page
     * reads as an emoji cut short, F0 9F and one continuation, where a byte that page drops completes a pictographic
     * char: windows-1252 leaves 🍕 (F0 9F 8D 95, 8D undefined) as ðŸ•, and MacRoman reads its Ÿ• as ٥ (D9 A5), 🙏's
     * Ÿ™ as ٪. Such a reading is no evidence of this page: the emoji pass restores the emoji under the other. 0
     * elsewhere.
     */
    private double insideCutEmoji(int[] cps, int start, int end) {
        int j = start - 1;
        if (j < 0 || end > j + 3 || cps[j] > 0xFFFF || cps[start] > 0xFFFF || cps[j + 2] > 0xFFFF) {
            return 0;
        }
        int pages = CodePages.emojiLeadMask((char) cps[j]) & CodePages.emojiSecondMask((char) cps[start])
                & CodePages.contMask((char) cps[j + 2]) & ~(1 << page.index());
        for (; pages != 0; pages &= pages - 1) {
            CodePage other = CodePages.ALL.get(Integer.numberOfTrailingZeros(pages));
            if (j + 3 < cps.length && cps[j + 3] <= 0xFFFF && (CodePages.contMask((char) cps[j + 3]) & 1 << other.index()) != 0) {
                continue; // complete there, not cut short
            }
            int kept = other.byteOf((char) cps[j + 2]) & 0x3F;
            for (int lost = 0x80; lost < 0xC0; lost++) {
                if (other.drops(lost)
                        && (PICTOGRAPHIC_1F000[(lost & 0x3F) << 6 | kept] || PICTOGRAPHIC_1F000[kept << 6 | lost & 0x3F])) {
                    return 3;
                }
            }
        }
        return 0;
    }

    /** Whether {@code cps[i]} is a non-spacing mark of one script (not inherited) after no char of that script. */
    private static boolean strandedScriptMark(int[] cps, int i) {
        if (Character.getType(cps[i]) != Character.NON_SPACING_MARK) {
            return false;
        }
        Character.UnicodeScript script = Character.UnicodeScript.of(cps[i]);
        return script != Character.UnicodeScript.INHERITED && script != Character.UnicodeScript.COMMON
                && (i == 0 || Character.UnicodeScript.of(cps[i - 1]) != script);
    }

    /**
     * Whether a filling to {@code cp} with {@code bytesLost} guessed bytes may pass on the bar of its guess (decode,
     * and the bound lossyMayKeep, which must never clear what decode keeps): one guessed byte, or two where the
     * sequence keeps its lead and one more (an emoji, 4 bytes) or where the char is CJK ({@link #isCjk}) and its
     * lead {@code cps[start]} touches no ASCII letter: an ASCII letter is never mojibake, and a lead glued to one is a
     * clean letter of the line (Swedish {@code innehåll} beside a Chinese span: å is E5, the lead of 名 E5 90 8D
     * whose 90 and 8D windows-1252 drops).
     */
    private static boolean fewEnoughGuessed(int[] cps, int start, int end, int cp, int bytesLost) {
        return bytesLost <= 1 || bytesLost == 2 && (cp >= 0x10000 || isCjk(cp) && !asciiLetterAt(cps, start - 1)
                && !asciiLetterAt(cps, end));
    }

    private static boolean asciiLetterAt(int[] cps, int i) {
        return i >= 0 && i < cps.length && cps[i] < 0x80 && Character.isLetter(cps[i]);
    }

    /**
     * Whether {@code cp} is a char of CJK text: CJK punctuation, kana, Han (U+2E80..U+9FFF, U+F900..U+FAFF), Hangul
     * syllables, or a full-width form (，：（）). Such a char is three bytes whose two continuations a page may both
     * leave undefined (E8 8C 83, 范, under windows-1257); its lead alone (č) then stands between chars the layer
     * decodes, and the dictionary and the words around it tell which char it was.
     */
    private static boolean isCjk(int cp) {
        return cp >= 0x2E80 && cp <= 0x9FFF || cp >= 0xAC00 && cp <= 0xD7AF || cp >= 0xF900 && cp <= 0xFAFF
                || cp >= 0xFF00 && cp <= 0xFFEF;
    }

    /** CESU-8 / Java modified UTF-8: a surrogate pair written as two 3-byte sequences. */
    private Candidate cesu(int[] cps, int i, int high) {
        int[] bytes = new int[3];
        for (int k = 0; k < 3; k++) {
            bytes[k] = byteAt(cps, i + 3 + k);
        }
        if (bytes[0] != 0xED || !isCont(bytes[1]) || !isCont(bytes[2])) {
            return null;
        }
        int low = ((bytes[0] & 0x0F) << 12) | ((bytes[1] & 0x3F) << 6) | (bytes[2] & 0x3F);
        if (low < 0xDC00 || low > 0xDFFF) {
            return null;
        }
        return new Candidate(i, i + 6, new int[] {Character.toCodePoint((char) high, (char) low)}, 0, 0, 1);
    }

    /**
     * A possible decoding of {@code cps[start..end)}; {@code penalty} is added to its cost (lossy guesses);
     * {@code rival}, for a filling the evidence cannot decide, the runner-up char (else -1), {@code margin} its lead.
     */
    record Candidate(int start, int end, int[] decoded, int bytesLost, double penalty, double modelConfidence,
                     int rival, double margin, double likelihood) {

        Candidate(int start, int end, int[] decoded, int bytesLost, double penalty, double modelConfidence) {
            this(start, end, decoded, bytesLost, penalty, modelConfidence, -1, Double.POSITIVE_INFINITY, 0);
        }

        static Candidate filled(LossyFiller.Filled f) {
            return new Candidate(f.start(), f.end(), new int[] {f.cp()}, f.bytesLost(), f.penalty(), f.confidence(),
                    f.undecided() ? f.rival() : -1, f.margin(), f.likelihood());
        }
    }
}
