package dev.colloquy.repair;

import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.lang.UProperty;
import dev.colloquy.io.Utf8;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The repair engine's facade: undoes encoding damage (mojibake) in text, and never changes correct text.
 * Thread-safe; one instance can serve all threads.
 *
 * <p>What it undoes: UTF-8 read as a single-byte code page (windows-1250..1258, ISO-8859-1/2/5/7/9/15,
 * KOI8-R/U, MacRoman, cp437, cp850, cp866), once or several times, over a whole line or only some spans
 * of it; the lossy variant where the code page's undefined bytes, soft hyphens or no-break spaces were
 * lost; CESU-8 surrogate pairs; C1 control characters standing for windows-1252 punctuation; and, for
 * {@link #repairBytes(byte[])}, text that is not UTF-8 at all.
 *
 * <p>Guarantees: text without evidence of damage comes back as the same string with no repairs, and
 * repairing twice changes nothing more ({@code repair(repair(x).text()).text()} equals
 * {@code repair(x).text()}). Extras that are not encoding repairs (straight quotes, full-width to ASCII,
 * HTML unescaping) are off unless asked for through {@link #builder()}.
 */
public final class TextRepairer {

    private static final TextRepairer DEFAULTS = builder().build();
    private static final int MAX_LAYERS = 4;
    /**
     * The strict evidence a line needs before any of it is decoded: the summed gains of its complete
     * sequences under one code page. One real mojibake char ({@code Ã©}, {@code â€™}) has a gain of 2.5-4;
     * a chance lead + continuation pair in clean text (Arabic {@code ح،}, Ukrainian {@code мі…}) rarely
     * more than 1.
     */
    static final double STRICT_EVIDENCE = 2.0;
    private static final int LOOKAHEAD_PAGES = 8;
    /**
     * How much likelier (natural log) the character model must rate a word with a lossy-only filling than the word
     * as it stands (see {@link #lossyOnly}).
     */
    static final double LOSSY_ONLY_GAIN = 3;
    /**
     * What a filling that ends a word of two letters must gain instead ({@link #endsTwoLetterWord}): să, på and iš
     * gain 10 to 19 nats in their lines, where a clean {@code aÅ} or {@code aÄ} read as {@code aŭ} or {@code ağ}
     * gains 4 to 6.
     */
    static final double TWO_LETTER_WORD_GAIN = 8;
    /**
     * How much likelier (natural log) a twin page's fillings must make the line than the winner's to replace it: a
     * page that drops more bytes always explains at least as much, so it must explain clearly more.
     */
    private static final double TWIN_LIKELIHOOD_MARGIN = 0.5;

    private final Extras extras;

    private TextRepairer(Builder b) {
        this.extras = new Extras(b.uncurlQuotes, b.fullwidthToAscii, b.unescapeHtml);
    }

    /** The engine with default settings: encoding repairs only. */
    public static TextRepairer defaults() {
        return DEFAULTS;
    }

    /** A builder for an engine with optional extras. */
    public static Builder builder() {
        return new Builder();
    }

    /** Repairs one text (one line or one turn), returning the result and the list of repairs. */
    public RepairResult repair(String text) {
        return repair(text, null);
    }

    private RepairResult repair(String text, ByteEvidence evidence) {
        RepairResult r = MojibakeScan.mayHoldMojibake(text) ? repairSlow(text, evidence)
                : new RepairResult(text, List.of());
        return extras.any() ? extras.apply(r) : r;
    }

    /**
     * A session for one input (a file, a stream): it learns from confident lossy repairs which bytes this
     * input's mis-decoding dropped, and leans later guesses that way. Not thread-safe: one per input.
     */
    public Session session() {
        return new Session(this);
    }

    /** Repairs the lines or turns of one input in order; see {@link #session()}. */
    public static final class Session {
        private final TextRepairer engine;
        private final ByteEvidence evidence = new ByteEvidence();

        private Session(TextRepairer engine) {
            this.engine = engine;
        }

        /** As {@link TextRepairer#repair(String)}, informed by this input's earlier repairs. */
        public RepairResult repair(String text) {
            return engine.repair(text, evidence);
        }

        /** As {@link TextRepairer#repairBytes(byte[])}, informed by this input's earlier repairs. */
        public RepairResult repairBytes(byte[] bytes) {
            return engine.repairBytes(bytes, evidence);
        }
    }

    /**
     * Repairs raw bytes of unknown encoding. Valid UTF-8 is decoded and repaired like {@link #repair(String)};
     * anything else is decoded with the most likely charset, reported as a {@code charset_detected} repair
     * whose chain names the charset and whose confidence is the detector's.
     */
    public RepairResult repairBytes(byte[] bytes) {
        return repairBytes(bytes, null);
    }

    private RepairResult repairBytes(byte[] bytes, ByteEvidence evidence) {
        String utf8 = strictUtf8(bytes);
        if (utf8 != null) {
            return repair(utf8, evidence);
        }
        RawDecoding raw = RawDecoding.decode(bytes);
        RepairResult inner = repair(raw.text(), evidence);
        List<Repair> repairs = new ArrayList<>();
        int n = raw.text().codePointCount(0, raw.text().length());
        int m = inner.text().codePointCount(0, inner.text().length());
        repairs.add(new Repair(RepairKind.CHARSET_DETECTED, 0, n, 0, m, "", "", "bytes read as " + raw.charset(),
                raw.confidence()));
        repairs.addAll(inner.repairs());
        return new RepairResult(inner.text(), repairs);
    }

    private static String strictUtf8(byte[] bytes) {
        return Utf8.isValid(bytes, 0, bytes.length) ? new String(bytes, StandardCharsets.UTF_8) : null;
    }

    // package-private so MojibakeScanTest can hold the gate against the very decision it bounds
    RepairResult repairSlow(String text, ByteEvidence evidence) {
        int[] original = MojibakeScan.codePoints(text);
        int[] cps = original;
        EditLog log = new EditLog();
        // lossy fillings left undecided, at their place in the current text
        List<UnresolvedSpan> unresolved = new ArrayList<>();
        // the character model is reached only through the search, on the first lossy guess that needs it
        LineSearch search = new LineSearch(Models::standard);
        // pages under which an emoji cut short was restored (emojiOnly): the line is proven damaged that way
        int emojiProven = 0;
        // pages under which a lossy-only filling (lossyOnly) was applied: the line is proven damaged that way too
        int lossyProven = 0;
        // pages under which complete sequences of the line were decoded (a layer applied): the line is proven damaged
        // that way, and a capital of such a page at a word's start needs no foreign look (lossyOnly)
        int layerProven = 0;
        for (int layer = 0; layer < MAX_LAYERS * 2; layer++) {
            int mask = MojibakeScan.candidatePages(cps);
            double costNow = lineCost(cps);
            // a layer is taken only if it leaves the line cheaper than it is, and costs are never negative: a line
            // that costs nothing needs no search for one
            LayerChoice best = costNow <= 1e-9 ? null : bestLayer(search, cps, mask, false, true, null);
            if (best != null && (emojiProven & 1 << best.page.index()) == 0 && (emojiProven & mask) != 0) {
                // a page an emoji proved reads the line as well as the winner (cp850 and cp437 read ├╝ alike): its
                // own decoding, so that the proof counts
                best = provenPage(search, cps, emojiProven & mask, best);
            }
            // strict evidence only: complete sequences whose decoding is clearly more plausible than the text
            // as it stands; lossy guesses and what the session learnt never count towards it
            if (best != null && !log.isEmpty() && strictEvidence(best.edits) < STRICT_EVIDENCE
                    && (emojiProven & 1 << best.page.index()) == 0) {
                // an inner layer looks no better than the outer one did: it may only touch spans that an
                // earlier layer of this line already proved damaged; but where an emoji cut short proved this very
                // page, its other sequences are that damage too (» as ֲ» beside 🤔 as נ₪” under windows-1255)
                best = insideRepairs(best, log, cps);
            }
            if (best != null && (strictEvidence(best.edits) >= STRICT_EVIDENCE || !log.isEmpty())
                    && best.reach < costNow - 1e-9) {
                int[] decoded = EditLog.applyEdits(cps, best.edits);
                LayerChoice lossy = best.gain >= LayerDecoder.LOSSY_EVIDENCE
                        ? bestLossyTwin(search, cps, decoded, best, mask, evidence) : null;
                CodePage page = lossy == null ? best.page : lossy.page;
                layerProven |= 1 << page.index();
                cps = apply(log, cps, best.edits, page.name(), RepairKind.MOJIBAKE, unresolved);
                if (lossy != null) {
                    cps = applyLossy(log, cps, lossy.edits, page, evidence, unresolved);
                }
                continue;
            }
            LayerChoice proven = emojiProven == 0 ? null : provenSequences(cps, emojiProven & mask);
            if (proven != null) {
                // a page an emoji cut short proved: its other complete sequences that read better are that damage too
                cps = apply(log, cps, proven.edits, proven.page.name(), RepairKind.MOJIBAKE, unresolved);
                continue;
            }
            List<Edit> c1 = C1Controls.edits(cps);
            if (!c1.isEmpty()) {
                cps = apply(log, cps, c1, C1Controls.LAYER, RepairKind.C1_CONTROLS, unresolved);
                continue;
            }
            // also after other repairs of the line: a second repair, starting afresh, would find them (idempotence)
            // (a Latin capital at a word's start only on a line damaged already:
            // MojibakeScan.lossyOnlyPagesWithWordStarts)
            int lossyOnlyPages = MojibakeScan.lossyOnlyPages(cps);
            boolean wordStarts = lossyOnlyPages != 0 || !log.isEmpty();
            if (wordStarts) {
                lossyOnlyPages |= MojibakeScan.lossyOnlyPages(cps, true);
            }
            LayerChoice only = lossyOnlyPages == 0 ? null
                    : lossyOnly(search, cps, lossyOnlyPages, wordStarts, layerProven, evidence);
            if (only != null) {
                int[] before = cps;
                cps = applyLossy(log, cps, only.edits, only.page, evidence, unresolved);
                if (cps != before) {
                    lossyProven |= 1 << only.page.index();
                    continue;
                }
            }
            // the lossy search keeps only emoji cut short (see emojiOnly): without a char pair reading as F0 9F in
            // some page it cannot find one, and it is the costliest search of all (the character model)
            // (these pages are in the mask but cp850's, whose emoji have no lead left at all: ƒÿé for 😂)
            int emojiPages = MojibakeScan.emojiPairPages(cps);
            LayerChoice emoji = emojiPages == 0 ? null
                    : bestEmojiOnly(search, cps, mask | emojiPages, evidence);
            if (emoji != null) {
                int[] before = cps;
                cps = applyLossy(log, cps, emoji.edits, emoji.page, evidence, unresolved);
                if (cps != before) {
                    emojiProven |= 1 << emoji.page.index();
                    continue;
                }
            }
            LayerChoice provenByFilling = lossyProven == 0 ? null : provenSequences(cps, lossyProven & mask);
            if (provenByFilling != null) {
                // a page a lossy-only filling proved, once nothing else is left to do: its other complete sequences
                // that read no worse are that damage too (the ř of dveÅ™e beside ignorovĆny under windows-1257)
                cps = apply(log, cps, provenByFilling.edits, provenByFilling.page.name(), RepairKind.MOJIBAKE,
                        unresolved);
                continue;
            }
            LayerChoice whole = (emojiPages | layerProven & mask) == 0 ? null
                    : wholeEmoji(cps, emojiPages | layerProven & mask);
            if (whole != null) {
                // emoji whose four bytes all stand as chars the page reads as letters, which no cost above saw (рџ‘Ќ
                // under windows-1251), and the ZWJ a layer left between two emoji it decoded: last, once nothing else
                // is left, and they prove their page as an emoji cut short does
                cps = apply(log, cps, whole.edits, whole.page.name(), RepairKind.MOJIBAKE, unresolved);
                emojiProven |= 1 << whole.page.index();
                continue;
            }
            break;
        }
        if (log.isEmpty()) {
            return new RepairResult(text, List.of(), unresolved);
        }
        return new RepairResult(new String(cps, 0, cps.length), explain(original, cps, log), unresolved);
    }

    /** {@code log.apply}, moving the unresolved spans found so far with the text (a span an edit touches is gone). */
    private static int[] apply(EditLog log, int[] cps, List<Edit> edits, String layer, RepairKind kind,
                               List<UnresolvedSpan> unresolved) {
        for (int k = 0; k < unresolved.size(); k++) {
            UnresolvedSpan u = unresolved.get(k);
            int delta = 0;
            boolean touched = false;
            for (Edit e : edits) {
                if (e.end() <= u.offset()) {
                    delta += e.replacement().length - (e.end() - e.start());
                } else if (e.start() < u.offset() + u.length()) {
                    touched = true;
                }
            }
            if (touched) {
                unresolved.remove(k--);
            } else {
                unresolved.set(k, u.shifted(delta));
            }
        }
        return log.apply(cps, edits, layer, kind);
    }

    /**
     * Applies the lossy fillings the evidence decides, and leaves each undecided one as it stands, reporting it in
     * {@code unresolved}: a guess between two readings the model rates alike would as often corrupt the text as
     * mend it. Only decided fillings teach the session. Returns {@code cps} itself when nothing was applied.
     */
    private static int[] applyLossy(EditLog log, int[] cps, List<Edit> edits, CodePage page, ByteEvidence evidence,
                                    List<UnresolvedSpan> unresolved) {
        List<Edit> decided = new ArrayList<>(edits.size());
        List<Edit> undecided = new ArrayList<>();
        for (Edit e : edits) {
            (e.undecided() ? undecided : decided).add(e);
        }
        int[] next = cps;
        if (!decided.isEmpty()) {
            learn(evidence, page, cps, decided);
            next = apply(log, cps, decided, page.name(), RepairKind.LOSSY_MOJIBAKE, unresolved);
        }
        for (Edit e : undecided) {
            int at = e.start();
            for (Edit d : decided) {
                if (d.end() <= e.start()) {
                    at += d.replacement().length - (d.end() - d.start());
                }
            }
            int length = e.end() - e.start();
            boolean known = false;
            for (UnresolvedSpan u : unresolved) {
                known |= u.offset() == at && u.length() == length;
            }
            if (!known) {
                String best = new String(e.replacement(), 0, e.replacement().length);
                String rival = new String(Character.toChars(e.rival()));
                unresolved.add(new UnresolvedSpan(at, length, new String(cps, e.start(), length), List.of(best, rival),
                        String.format(java.util.Locale.ROOT,
                                "utf-8 read as %s, %d byte%s lost: %s is likelier than %s by only %.2f (log),"
                                        + " under %.1f",
                                page.name(), e.bytesLost(), e.bytesLost() == 1 ? "" : "s", best, rival, e.margin(),
                                LossyFiller.UNDECIDED_MARGIN)));
            }
        }
        unresolved.sort(java.util.Comparator.comparingInt(UnresolvedSpan::offset));
        return next;
    }

    /** Each page of {@code mask} whose decoding of {@code cps} (strict, or lossy) changes anything, with its gain. */
    private List<LayerChoice> layerChoices(LineSearch search, int[] cps, int mask, boolean lossy,
                                           ByteEvidence evidence) {
        List<LayerChoice> choices = new ArrayList<>();
        for (CodePage page : CodePages.ALL) {
            if ((mask & (1 << page.index())) == 0 || lossy && page.droppedCount() == 0) {
                continue;
            }
            // a page that drops F0 (cp850) leaves emoji as continuations with no lead: read as a decoded line, whose
            // lone continuations had their lead lost (LayerDecoder's fillLead)
            List<Edit> edits = lossy ? new LayerDecoder(page, search.filler(), evidence).decode(cps, true,
                    page.drops(0xF0) ? new boolean[cps.length] : null) : search.strictEdits(page, cps);
            if (edits.isEmpty()) {
                continue;
            }
            double gain = 0;
            for (Edit e : edits) {
                gain += e.gain();
            }
            choices.add(new LayerChoice(page, edits, gain, -gain, -gain));
        }
        return choices;
    }

    /**
     * Of the pages of {@code mask}, the lossy decoding that restores an emoji cut short ({@link #emojiOnly}) and
     * reads more of the line's other complete sequences, then the one with the most gain, reduced to that repair;
     * null when none does. A page whose lossy decoding gains more but restores no emoji does not hide one that does
     * (under cp850 an emoji left as {@code ƒÿè} beside a {@code ├│} that cp437 reads as well). Where two pages
     * restore an emoji, the line's other sequences tell them apart as they do for lossy-only fillings:
     * {@code â”} is ☔ (E2 [98] 94) under windows-1250, which reads the line's {@code Ăł} as ó, and ❔
     * (E2 [9D] 94) under windows-1252, which cannot read it.
     */
    private LayerChoice bestEmojiOnly(LineSearch search, int[] cps, int mask, ByteEvidence evidence) {
        List<LayerChoice> restoring = new ArrayList<>();
        List<LayerChoice> kept = new ArrayList<>();
        for (LayerChoice c : layerChoices(search, cps, mask, true, evidence)) {
            LayerChoice emoji = emojiOnly(c, cps);
            if (emoji != null) {
                restoring.add(c);
                kept.add(emoji);
            }
        }
        int best = -1;
        int bestExplained = 0;
        for (int k = 0; k < restoring.size(); k++) {
            LayerChoice c = restoring.get(k);
            int explained = restoring.size() == 1 ? 0
                    : new LayerDecoder(c.page, null, null).provenEdits(cps).size();
            if (best < 0 || explained > bestExplained
                    || explained == bestExplained && c.gain > restoring.get(best).gain + 1e-9) {
                best = k;
                bestExplained = explained;
            }
        }
        return best < 0 ? null : kept.get(best);
    }

    /**
     * The code page whose decoding of {@code cps} helps most. Strict layers are compared by the cost of the
     * whole line after the layer and after the best layer that would follow it, because an inner layer of
     * mojibake often looks no better than the outer one; the page that leads to the most plausible text wins.
     */
    private LayerChoice bestLayer(LineSearch search, int[] cps, int mask, boolean lossy, boolean lookahead,
                                  ByteEvidence evidence) {
        List<LayerChoice> choices = layerChoices(search, cps, mask, lossy, evidence);
        if (choices.isEmpty()) {
            return null;
        }
        if (lossy || !lookahead) {
            LayerChoice best = null;
            for (LayerChoice c : choices) {
                if (best == null || c.gain > best.gain + 1e-9) {
                    best = c;
                }
            }
            return best;
        }
        // judging by where a page leads costs a second search per page: only for the few best-looking pages
        List<LayerChoice> ranked = new ArrayList<>(choices);
        ranked.sort((a, b) -> Double.compare(b.gain, a.gain));
        LayerChoice best = null;
        int[] bestNext = null;
        boolean bestFollowedUp = false;
        for (int i = 0; i < ranked.size() && i < LOOKAHEAD_PAGES; i++) {
            LayerChoice c = ranked.get(i);
            int[] next = EditLog.applyEdits(cps, c.edits);
            double finalCost = lineCost(next);
            // one more layer is one more assumption, costing 1, and costs are never negative: so the final cost is
            // at least min(finalCost, 1). A page that cannot beat the best so far is skipped, and one whose
            // decoding costs no more than one extra layer would is ranked without the second search (the winner's
            // reach, which has no such preference, gets it below).
            if (best != null && Math.min(finalCost, 1) > best.finalCost + 1e-9) {
                continue;
            }
            double reach = finalCost;
            boolean followedUp = finalCost > 1;
            if (followedUp && best != null && finalCost > best.finalCost + 1e-9
                    && followUpFloor(next) + 1 > best.finalCost + 1e-9) {
                // nor can it after any further layer: a follow-up replaces only chars of complete sequences, and the
                // cost terms of the other chars stay (docs/repair.md, "the sixth round"); the floor is worked out only
                // for a page its own decoding leaves behind the best
                continue;
            }
            if (followedUp) {
                double afterCost = followUpCost(search, next);
                // a page that explains the line alone is preferred
                finalCost = Math.min(finalCost, afterCost + 1);
                reach = Math.min(reach, afterCost);
            }
            if (best == null || finalCost < best.finalCost - 1e-9
                    || Math.abs(finalCost - best.finalCost) <= 1e-9 && prefersOnTie(search, c, next, best, bestNext)) {
                best = new LayerChoice(c.page, c.edits, c.gain, finalCost, reach);
                bestNext = next;
                bestFollowedUp = followedUp;
            }
        }
        if (best != null && !bestFollowedUp) {
            best = new LayerChoice(best.page, best.edits, best.gain, best.finalCost,
                    Math.min(best.reach, followUpCost(search, bestNext)));
        }
        return best;
    }

    /**
     * A lower bound of {@link #followUpCost}: the cost terms of {@code next} that no strict layer of the pages
     * the follow-up searches can change (Plausibility.costOutside of the chars no complete sequence holds).
     */
    private static double followUpFloor(int[] next) {
        return Plausibility.costOutside(next, LayerDecoder.sequenceChars(next, MojibakeScan.candidatePages(next)));
    }

    /** The cost of {@code next} after the best strict layer that would follow it; infinity when none would. */
    private double followUpCost(LineSearch search, int[] next) {
        LayerChoice after = search.followUp(next,
                t -> bestLayer(search, t, MojibakeScan.candidatePages(t), false, false, null));
        return after == null ? Double.POSITIVE_INFINITY : lineCost(EditLog.applyEdits(next, after.edits));
    }

    /**
     * Between two pages that lead to equally plausible text, the one that explains more of the line's sequences
     * (Romanian {@code Ă®n} beside {@code Ä\u0083}: ISO-8859-1 and windows-1250 both decode the ă, only
     * windows-1250 also the î, which looks no worse as it stands); then the one whose decoding ({@code next}, against
     * {@code bestNext}) the character model rates likelier: Plausibility judges scripts and case, not words, so
     * Hungarian {@code fĂĄjl … kĂvĂźl} read as {@code fåjl … kívßl} (windows-1250) tied with {@code fájl … kívül}
     * (ISO-8859-2); then the more common page. Only where the decodings differ in letters alone: the model reads
     * letters by their languages' n-grams, but marks, symbols and selectors by Unicode priors, which have no language
     * to tell two pages apart by (the selector U+FE0F after a ✈ cut short, or the half mark U+FE2C another page reads
     * there); there the more common page stays the better guess.
     */
    private static boolean prefersOnTie(LineSearch search, LayerChoice c, int[] next, LayerChoice best, int[] bestNext) {
        if (c.edits.size() != best.edits.size()) {
            return c.edits.size() > best.edits.size();
        }
        if (differInLettersOnly(next, bestNext)) {
            double mine = modelLogProb(search.filler().scorerFor(next), next);
            double theirs = modelLogProb(search.filler().scorerFor(bestNext), bestNext);
            if (Math.abs(mine - theirs) >= LOSSY_ONLY_GAIN) {
                return mine > theirs;
            }
        }
        return c.page.index() < best.page.index();
    }

    /** Whether {@code a} and {@code b} differ, of equal length, and only where both hold letters. */
    private static boolean differInLettersOnly(int[] a, int[] b) {
        if (a.length != b.length) {
            return false;
        }
        boolean differ = false;
        for (int k = 0; k < a.length; k++) {
            if (a[k] != b[k]) {
                if (!Character.isLetter(a[k]) || !Character.isLetter(b[k])) {
                    return false;
                }
                differ = true;
            }
        }
        return differ;
    }

    /** The log-probability {@code scorer} gives {@code cps} (an impossible char: -50). */
    private static double modelLogProb(CharModel.Scorer scorer, int[] cps) {
        StringBuilder left = new StringBuilder();
        double sum = 0;
        for (int cp : cps) {
            double lp = scorer.logProb(left, cp);
            sum += lp == Double.NEGATIVE_INFINITY ? -50 : lp;
            left.appendCodePoint(cp);
        }
        return sum;
    }

    /**
     * Code pages that decode a line the same way (windows-1252 and windows-1254 share most bytes) differ in
     * which bytes they leave undefined, hence in which bytes a lossy decoding dropped. Among the pages whose
     * strict decoding equals the best one's, the one whose dropped bytes explain the cut-short sequences
     * best wins; null when no page restores anything.
     */
    private LayerChoice bestLossyTwin(LineSearch search, int[] cps, int[] decoded, LayerChoice best, int mask,
                                      ByteEvidence evidence) {
        LayerChoice winner = null;
        List<LayerChoice> twins = new ArrayList<>();
        // twins that drop the same bytes and read every char of the decoded line alike fill it alike: one lossy
        // decoding serves them (as LineSearch shares strict ones)
        int[] chars = LineSearch.pageChars(decoded);
        List<CodePage> lossyPages = new ArrayList<>();
        List<List<Edit>> lossyEdits = new ArrayList<>();
        List<int[]> lossyAsked = new ArrayList<>();
        for (CodePage page : CodePages.ALL) {
            if ((mask & (1 << page.index())) == 0 || page.droppedCount() == 0) {
                continue;
            }
            if (page != best.page) {
                List<Edit> same = search.strictEdits(page, cps);
                if (!java.util.Arrays.equals(EditLog.applyEdits(cps, same), decoded)) {
                    continue;
                }
            }
            List<Edit> lossyDecoding = null;
            for (int j = 0; j < lossyPages.size() && lossyDecoding == null; j++) {
                CodePage twin = lossyPages.get(j);
                if (twin.nbspByte() == page.nbspByte() && twin.softHyphenByte() == page.softHyphenByte()
                        && java.util.Arrays.equals(twin.droppedBytes(), page.droppedBytes())
                        && LineSearch.readAlike(twin, page, chars, lossyAsked.get(j))) {
                    lossyDecoding = lossyEdits.get(j);
                }
            }
            if (lossyDecoding == null) {
                LayerDecoder decoder = new LayerDecoder(page, search.filler(), evidence);
                boolean[] repaired = repairedChars(best.edits, decoded.length);
                if (decoder.lossyMayKeep(decoded, repaired, LayerDecoder.alphabets(best.edits))) {
                    lossyDecoding = decoder.decode(decoded, true, repaired);
                    lossyPages.add(page);
                    lossyEdits.add(lossyDecoding);
                    lossyAsked.add(decoder.askedEncodable());
                } else {
                    // no filling of the strict decodings' alphabets can clear its bar, whatever the model would
                    // choose: the decoding keeps nothing here (and, having asked the page nothing, serves no twin)
                    lossyDecoding = List.of();
                }
            }
            List<Edit> edits = sameScripts(lossyDecoding, LayerDecoder.alphabets(best.edits));
            double gain = 0;
            for (Edit e : edits) {
                gain += e.gain() + 2 * e.modelConfidence();
            }
            if (!edits.isEmpty()) {
                LayerChoice c = new LayerChoice(page, edits, gain, 0, 0);
                twins.add(c);
                if (winner == null || gain > winner.gain + 1e-9) {
                    winner = c;
                }
            }
        }
        // twins that fill the same sequences are told apart by how likely their dropped bytes make the line: a page
        // that can have lost the byte of the likeliest char explains the line better than one that must pick another
        // (the confidence above favours the page with fewer fillings to choose from)
        LayerChoice likeliest = winner;
        for (LayerChoice c : twins) {
            if (c != winner && sameSpans(c.edits, winner.edits)
                    && likelihood(c.edits) > likelihood(likeliest.edits) + TWIN_LIKELIHOOD_MARGIN) {
                likeliest = c;
            }
        }
        return likeliest;
    }

    private static boolean sameSpans(List<Edit> a, List<Edit> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int k = 0; k < a.size(); k++) {
            if (a.get(k).start() != b.get(k).start() || a.get(k).end() != b.get(k).end()) {
                return false;
            }
        }
        return true;
    }

    private static double likelihood(List<Edit> edits) {
        double sum = 0;
        for (Edit e : edits) {
            sum += e.likelihood();
        }
        return sum;
    }

    /** Which chars of the line after {@code edits} the edits produced (as opposed to chars left as they were). */
    private static boolean[] repairedChars(List<Edit> edits, int length) {
        boolean[] repaired = new boolean[length];
        int shift = 0;
        for (Edit e : edits) {
            int at = e.start() + shift;
            for (int k = 0; k < e.replacement().length; k++) {
                repaired[at + k] = true;
            }
            shift += e.replacement().length - (e.end() - e.start());
        }
        return repaired;
    }

    /**
     * How strongly complete sequences say a line is damaged: the summed {@link LayerDecoder#strictEvidence}
     * of its edits. {@link MojibakeScan} bounds this same sum from above to prove lines clean.
     */
    static double strictEvidence(List<Edit> edits) {
        double sum = 0;
        for (Edit e : edits) {
            sum += LayerDecoder.strictEvidence(e);
        }
        return sum;
    }

    /**
     * {@code choice} with only the edits inside spans an earlier layer changed; null when none is left. An edit
     * landing on a rare char ({@link LayerDecoder#landsOnRareChar(Edit)}) is left out too: an inner layer this weak
     * has no evidence that a rare char was meant (ftfy's case 120 under one more latin-1 layer, {@code lÃ¡Â´Â´}: the
     * outer layer gives {@code lá´´}, whose acute accents then read as {@code ᴴ}).
     */
    private LayerChoice insideRepairs(LayerChoice choice, EditLog log, int[] cps) {
        List<Edit> kept = new ArrayList<>();
        for (Edit e : choice.edits) {
            if (log.covers(e.start(), e.end()) && !LayerDecoder.landsOnRareChar(e)) {
                kept.add(e);
            }
        }
        if (kept.isEmpty()) {
            return null;
        }
        double gain = 0;
        for (Edit e : kept) {
            gain += e.gain();
        }
        if (kept.size() == choice.edits.size()) {
            return new LayerChoice(choice.page, kept, gain, choice.finalCost, choice.reach);
        }
        double cost = lineCost(EditLog.applyEdits(cps, kept));
        return new LayerChoice(choice.page, kept, gain, cost, cost);
    }

    /**
     * The one lossy repair that needs no other evidence in its line: an emoji cut short. Its chars spell
     * F0 9F and at least one more continuation under the code page ({@code ðŸ} in windows-1252, {@code ğŸ}
     * in windows-1254: a letter followed by Ÿ, which no language writes), so only the lost byte is a guess,
     * and the guess must be a symbol, never a letter. Null when {@code choice} holds no such repair.
     */
    private static LayerChoice emojiOnly(LayerChoice choice, int[] cps) {
        if (choice == null) {
            return null;
        }
        List<Edit> kept = new ArrayList<>();
        String text = new String(cps, 0, cps.length);
        int pageBit = 1 << choice.page.index();
        for (Edit e : choice.edits) {
            int first = cps[e.start()];
            int second = cps[e.start() + 1 < cps.length ? e.start() + 1 : e.start()];
            if (e.end() - e.start() >= 3 && e.replacement().length == 1 && first <= 0xFFFF && second <= 0xFFFF
                    && choice.page.canEncode((char) first) && choice.page.byteOf((char) first) == 0xF0
                    && choice.page.canEncode((char) second) && choice.page.byteOf((char) second) == 0x9F
                    && !Character.isLetterOrDigit(e.replacement()[0])) {
                kept.add(e);
            } else if (e.replacement().length == 1 && first <= 0xFFFF && e.replacement()[0] >= 0x2300
                    && (MojibakeScan.cutEmojiPages(text, text.offsetByCodePoints(0, e.start())) & pageBit) != 0
                    && UCharacter.hasBinaryProperty(e.replacement()[0], UProperty.EMOJI)) {
                // an emoji cut short where its F0 9F pair is gone with the dropped byte (windows-1253/1255/1257 drop
                // 9F, cp850 F0), or one of the symbol emoji (E2 lead) cut short: only in an emoji's place
                // (MojibakeScan.cutEmojiPages), and only an emoji (not ™ or ↔, which are emoji too)
                kept.add(e);
            } else if (e.replacement().length == 1 && SymbolPrior.isEmojiPart(e.replacement()[0])
                    && (!kept.isEmpty() && kept.get(kept.size() - 1).end() == e.start()
                        || e.start() > 0 && SymbolPrior.goesOnEmoji(cps[e.start() - 1], e.replacement()[0]))) {
                // what goes on an emoji right after it: U+FE0F (❤️: EF B8 cut short), a skin tone, a ZWJ
                kept.add(e);
            }
        }
        return kept.isEmpty() ? null : new LayerChoice(choice.page, kept, 0, 0, 0);
    }

    /**
     * Of the {@code proven} pages (an emoji cut short was restored under each), the first whose
     * {@link LayerDecoder#provenEdits} of {@code cps} are not empty, with them; null when none has any.
     */
    private static LayerChoice provenSequences(int[] cps, int proven) {
        for (CodePage page : CodePages.ALL) {
            if ((proven & 1 << page.index()) != 0) {
                List<Edit> edits = new LayerDecoder(page, null, null).provenEdits(cps);
                if (!edits.isEmpty()) {
                    return new LayerChoice(page, edits, 0, 0, 0);
                }
            }
        }
        return null;
    }

    /**
     * Of the pages of {@code mask}, the one under which most chars of {@code cps} spell whole emoji
     * ({@link WholeEmoji}), then the one that reads more of the line's other complete sequences, with those emoji;
     * null when no page has any.
     */
    private static LayerChoice wholeEmoji(int[] cps, int mask) {
        LayerChoice best = null;
        int bestExplained = 0;
        for (CodePage page : CodePages.ALL) {
            if ((mask & 1 << page.index()) == 0) {
                continue;
            }
            List<Edit> edits = WholeEmoji.edits(page, cps);
            if (edits.isEmpty() || best != null && edits.size() < best.edits.size()) {
                continue;
            }
            int explained = new LayerDecoder(page, null, null).provenEdits(cps).size();
            if (best == null || edits.size() > best.edits.size() || explained > bestExplained) {
                best = new LayerChoice(page, edits, 0, 0, 0);
                bestExplained = explained;
            }
        }
        return best;
    }

    /** Of the {@code proven} pages, one whose strict decoding of {@code cps} is {@code best}'s; else {@code best}. */
    private LayerChoice provenPage(LineSearch search, int[] cps, int proven, LayerChoice best) {
        int[] decoded = EditLog.applyEdits(cps, best.edits);
        for (CodePage page : CodePages.ALL) {
            if ((proven & 1 << page.index()) != 0) {
                List<Edit> edits = search.strictEdits(page, cps);
                if (!edits.isEmpty() && java.util.Arrays.equals(EditLog.applyEdits(cps, edits), decoded)) {
                    return new LayerChoice(page, edits, best.gain, best.finalCost, best.reach);
                }
            }
        }
        return best;
    }

    /**
     * The lossy repairs that need no strict evidence in their line, because the damaged char stands where clean text
     * does not put it ({@link MojibakeScan#lossyOnlyPages}): an upper-case letter that is a 2-byte lead right after
     * a lower-case letter, filled to a lower-case letter of that letter's script ({@code pĆginas} → {@code páginas},
     * {@code EmuleazÄ} → {@code Emulează}, {@code verrÃ  } → {@code verrà }); the same letter alone before two
     * spaces, one of them its no-break space ({@code Ã  ignorer} → {@code à ignorer}); and the first two bytes
     * of a quote or dash, {@code â€}, cut short, not inside a word. Each filling must be decided, and the character
     * model must rate the word with it at least {@link #LOSSY_ONLY_GAIN} above the word as it stands (so a German
     * {@code getÄnderung} stays: no filling of Ä makes a likelier word). A capital at a word's start must also read
     * as a letter foreign to the line's languages ({@link #foreignLetter}), unless the page is one of
     * {@code layerProven}, whose complete sequences this line's layers decoded: there the model alone decides
     * ({@code Zobraziť Äitateľnú} → {@code čitateľnú}, where ä is Slovak too). Of the pages, the one whose kept
     * fillings gain most; null when none keeps any.
     */
    private LayerChoice lossyOnly(LineSearch search, int[] cps, int pages, boolean wordStarts, int layerProven,
                                  ByteEvidence evidence) {
        LayerChoice best = null;
        int bestExplained = 0;
        // the model is tuned to the line without the suspect chars (Ć would vote for Polish in pĆginas); and the
        // pages each place is suspect under (a quote's place is its second char, and its filling starts before)
        StringBuilder sample = new StringBuilder();
        String text = new String(cps, 0, cps.length);
        int[] placePages = new int[cps.length];
        for (int k = 0, i = 0; k < cps.length; i += Character.charCount(cps[k]), k++) {
            int here = cps[k] < 0xA0 || cps[k] > 0xFFFF ? 0
                    : wordStarts ? MojibakeScan.lossyOnlyPagesWithWordStarts(text, i)
                    : MojibakeScan.lossyOnlyPages(text, i);
            if (here != 0 && insideCutEmoji(text, cps, k, i)) {
                // the rest of an emoji cut short, not of a word: cp850 leaves 💡 as ƒÆí, where Æ after the small
                // letter ƒ looked like a capital cut short inside a word; the emoji pass restores it
                here = 0;
            }
            if (here != 0 && k > 0 && quoteLead(cps[k - 1], here)) {
                // E2 80 right after an emoji cut short is its ZWJ (E2 80 8D) cut short, not a quote: windows-1255
                // leaves 👨‍👩 as נ‘¨ג€נ‘©, and ” there would make נ‘¨” a complete sequence the emoji pass cannot read
                here &= ~afterCutEmoji(text, cps, k - 1, i - Character.charCount(cps[k - 1]));
            }
            if (here != 0 && k > 0 && quoteLead(cps[k - 1], here)) {
                // a quote's lead (â of â€) is the damage too: its â would vote for Romanian on a Finnish line
                sample.setCharAt(sample.length() - 1, ' ');
            }
            sample.appendCodePoint(here != 0 ? ' ' : cps[k]);
            placePages[k] |= here;
            if (k > 0) {
                placePages[k - 1] |= here;
            }
        }
        LossyFiller filler = search.filler().lowerCaseOnly(sample.toString());
        int[] sampleCps = sample.codePoints().toArray();
        CharModel.Scorer scorer = filler.scorerFor(cps);
        for (CodePage page : CodePages.ALL) {
            if ((pages & (1 << page.index())) == 0 || page.droppedCount() == 0) {
                continue;
            }
            boolean[] at = new boolean[cps.length];
            for (int k = 0; k < cps.length; k++) {
                at[k] = (placePages[k] & (1 << page.index())) != 0;
            }
            // the line's other complete sequences as this page reads them (proven by its fillings, see repairSlow): the
            // model is tuned to the line with them decoded (afiČ™eazÄ: the ș of Romanian, not a Czech-looking Č)
            List<Edit> proven = new LayerDecoder(page, null, null).provenEdits(cps);
            LossyFiller pageFiller = filler;
            CharModel.Scorer pageScorer = scorer;
            if (!proven.isEmpty()) {
                int[] read = EditLog.applyEdits(sampleCps, proven);
                pageFiller = search.filler().lowerCaseOnly(new String(read, 0, read.length));
                pageScorer = pageFiller.scorerFor(cps);
            }
            List<Edit> kept = new ArrayList<>();
            double gain = 0;
            for (Edit e : new LayerDecoder(page, pageFiller, evidence).fillings(cps, at)) {
                if (e.undecided() || e.replacement().length != 1 || !lossyOnlyPlace(page, e, cps)) {
                    continue;
                }
                double model = modelGain(e, cps, pageScorer);
                if (model >= (endsTwoLetterWord(cps, e.start()) ? TWO_LETTER_WORD_GAIN : LOSSY_ONLY_GAIN) && (!startsWord(cps, e) || wordStarts
                        && ((layerProven & 1 << page.index()) != 0 || foreignCapital(e, cps)
                                || foreignLetter(e, cps, text, sampleCps, search.filler())))) {
                    kept.add(e);
                    gain += model;
                }
            }
            if (kept.isEmpty()) {
                continue;
            }
            // a page that also reads the line's other complete sequences (proven by its fillings: see repairSlow)
            // explains more of the line: Romanian afiČ™eazÄ is ș and ă under windows-1250 and -1257, where
            // windows-1252 reads the Ä as č, likelier beside the Czech-looking Č, and the Č™ not at all
            int explained = proven.size();
            if (best == null || explained > bestExplained || explained == bestExplained && gain > best.gain + 1e-9) {
                best = new LayerChoice(page, kept, gain, 0, 0);
                bestExplained = explained;
            }
        }
        return best;
    }

    /**
     * Whether {@code cps[k]} (at {@code text[i]}) is one of the two chars after the first char left of a 4-byte emoji
     * cut short ({@link MojibakeScan#cutEmojiPages}; its F0 or 9F): a continuation of that emoji under some page.
     */
    private static boolean insideCutEmoji(String text, int[] cps, int k, int i) {
        int at = i;
        for (int back = 1; back <= 2 && k - back >= 0; back++) {
            at -= Character.charCount(cps[k - back]);
            char c = cps[k - back] >= 0x80 && cps[k - back] <= 0xFFFF ? (char) cps[k - back] : 0;
            if (c != 0 && (MojibakeScan.cutEmojiPages(text, at)
                    & (CodePages.emojiLeadCutMask(c) | CodePages.emojiSecondAloneMask(c))) != 0) {
                return true;
            }
        }
        return false;
    }

    /**
     * The pages (bit mask) under which {@code cps[k]} (at {@code text[i]}) comes right after an emoji cut short: the
     * first char left of it ({@link MojibakeScan#cutEmojiPages}) two or three chars before, its continuations between.
     */
    private static int afterCutEmoji(String text, int[] cps, int k, int i) {
        int pages = 0;
        int at = i;
        for (int back = 1; back <= 3 && k - back >= 0; back++) {
            at -= Character.charCount(cps[k - back]);
            if (back >= 2 && cps[k - back] >= 0x80 && cps[k - back] <= 0xFFFF) {
                pages |= MojibakeScan.cutEmojiPages(text, at);
            }
        }
        return pages;
    }

    /** Whether {@code c} reads as E2, the lead of a quote or dash, under one of {@code pages}. */
    private static boolean quoteLead(int c, int pages) {
        for (CodePage page : CodePages.ALL) {
            if ((pages & (1 << page.index())) != 0 && c <= 0xFFFF && page.canEncode((char) c)
                    && page.byteOf((char) c) == 0xE2) {
                return true;
            }
        }
        return false;
    }

    /** Whether filling {@code e} is one of the lossy-only repairs {@link #lossyOnly} lists. */
    private static boolean lossyOnlyPlace(CodePage page, Edit e, int[] cps) {
        int s = e.start();
        int c = cps[s];
        int r = e.replacement()[0];
        if (c > 0xFFFF || !page.canEncode((char) c)) {
            return false;
        }
        int lead = page.byteOf((char) c);
        if (lead == 0xE2) {
            if (e.end() - s != 2) {
                return false;
            }
            // a quote or dash stands beside a word, not inside one: "вЂ" in the Serbian ПоздравЂаво is text
            int second = cps[s + 1];
            boolean insideWord = s > 0 && Character.isLetter(cps[s - 1]) && e.end() < cps.length
                    && Character.isLetter(cps[e.end()]);
            return !insideWord && second <= 0xFFFF && page.canEncode((char) second)
                    && page.byteOf((char) second) == 0x80 && r >= 0x2010 && r <= 0x203A
                    && Character.getType(r) != Character.FORMAT && !Character.isSpaceChar(r);
        }
        if (lead < 0xC2 || lead > 0xDF || !CodePages.lossyOnlyLetter(c)) {
            return false;
        }
        int previous = s > 0 ? cps[s - 1] : -1;
        int next = e.end() < cps.length ? cps[e.end()] : -1;
        boolean tookSpace = e.end() - s == 2 && cps[s + 1] == ' ';
        if (r == 0xA0) {
            // a no-break space glued to a word, its A0 made the space after it (MojibakeScan.pagesFlatteningNoBreakSpace)
            if (lead != 0xC2 || !tookSpace) {
                return false;
            }
            String text = new String(cps, 0, cps.length);
            return MojibakeScan.noBreakSpacePlace(text, text.offsetByCodePoints(0, s));
        }
        if (startsWord(cps, e)) {
            // a Latin capital at a word's start, filled to a letter of either case, or after the word's first
            // capital, filled to a lower-case letter (MojibakeScan.wordStartPages)
            return previous < 0 || !Character.isLetter(previous) ? Character.isLetter(r) : Character.isLowerCase(r);
        }
        if (!Character.isLowerCase(r)) {
            return false;
        }
        if (previous >= 0 && previous <= 0xFFFF && Character.isLowerCase(previous)
                && CharLikelihood.scriptOf(previous) == CharLikelihood.scriptOf(r) && !camelCase(page, cps, s)) {
            if (!Character.isUpperCase(c) && Character.getType(c) != Character.NON_SPACING_MARK) {
                // a letter of a script without case: inside the word, or before two spaces, the first its no-break
                // space (MojibakeScan.continuesFilledWord)
                return tookSpace ? next == ' '
                        : next >= 0 && Character.isLowerCase(next)
                                && CharLikelihood.scriptOf(next) == CharLikelihood.scriptOf(r);
            }
            // inside a word, or at its end (after two lower-case letters, or ending a word of two letters)
            return tookSpace || next < 0
                    || Character.isLowerCase(next) && CharLikelihood.scriptOf(next) == CharLikelihood.scriptOf(r)
                    || !Character.isLetter(next) && s >= 2 && Character.isLowerCase(cps[s - 2])
                    || endsTwoLetterWord(cps, s);
        }
        // alone before two spaces, the first its no-break space
        return Character.isUpperCase(c) && (previous < 0 || previous == ' ') && tookSpace && next == ' ';
    }

    /**
     * Whether {@code cps[s]} ends a word of two letters before a space, the word itself after a space or at the
     * line's start: Romanian {@code sÄ}, Swedish {@code pĆ}, Lithuanian {@code iÅ} are să, på, iš (the {@code s} of
     * a format's {@code %sΒ} is no word). Clean text has such pairs too ({@code aÅ}), and a filling there must gain
     * {@link #TWO_LETTER_WORD_GAIN}.
     */
    private static boolean endsTwoLetterWord(int[] cps, int s) {
        return s >= 1 && s + 1 < cps.length && cps[s + 1] == ' ' && Character.isLowerCase(cps[s - 1])
                && (s == 1 || cps[s - 2] == ' ');
    }

    /**
     * Whether filling {@code e} replaces one Latin capital (U+00C0..U+024F), or a Greek or Cyrillic one
     * ({@link MojibakeScan#foreignCapital}: {@code Γtre}), before a lower-case letter of the
     * filling's script, at a word's start or right after the word's first capital ({@code Ćber}, {@code NĆgon}):
     * the lossy-only places where clean text puts capitals too, which {@link #foreignLetter} must also clear.
     */
    private static boolean startsWord(int[] cps, Edit e) {
        int s = e.start();
        int c = cps[s];
        int next = e.end() < cps.length ? cps[e.end()] : -1;
        int r = e.replacement()[0];
        if (e.end() - s != 1 || next < 0 || (c < 0xC0 || c > 0x24F) && !foreignCapital(e, cps)
                || !Character.isLowerCase(next) || r > 0x17F
                || CharLikelihood.scriptOf(next) != CharLikelihood.scriptOf(r)) {
            return false;
        }
        return s == 0 || !Character.isLetter(cps[s - 1])
                || Character.isUpperCase(cps[s - 1]) && (s == 1 || !Character.isLetter(cps[s - 2]));
    }

    /**
     * Whether filling {@code e} replaces a Greek or Cyrillic capital glued before a lower-case Latin letter
     * ({@link MojibakeScan#foreignCapital}: {@code Γtre}): its script is foreign to the word it starts, which
     * {@link #foreignLetter} need not ask (γ and ê after a space are both rare in French).
     */
    private static boolean foreignCapital(Edit e, int[] cps) {
        return e.end() + 1 < cps.length && MojibakeScan.foreignCapital(cps[e.start()], cps[e.end()], cps[e.end() + 1]);
    }

    /**
     * At a word's start a capital is no evidence by itself (Swedish {@code Ålder}, Tatar {@code Ämirlekläre}); there
     * the char must read as a letter foreign to the line's languages and the filling as one of theirs: the standard
     * model (tuned to the line without the char, as the gate asks it; then to the 40 chars before it and to the 40
     * after it, suspect chars left out) rates the filling's lower-case form at least
     * {@link #FOREIGN_LETTER} above the char's, both after a space. {@code Ćber} in German: ü −5.6, ć −14.3.
     * {@code line} is {@code cps} as a string.
     */
    private static boolean foreignLetter(Edit e, int[] cps, String line, int[] sample, LossyFiller filler) {
        // foreign to the languages of the whole line (as the gate asks it: MojibakeScan.wordStartPages), of the words
        // before it and of the words after it: a Swedish sentence in a Slovak chat turn (… Ålder där …) has its own
        // letters
        int i = line.offsetByCodePoints(0, e.start());
        if (!foreignLetter(CharLikelihood.standard().bigramScorer(withoutChar(line, i)), cps[e.start()],
                e.replacement()[0])) {
            return false;
        }
        int before = Math.max(0, e.start() - FOREIGN_WINDOW);
        int after = Math.min(sample.length, e.end() + FOREIGN_WINDOW);
        for (String around : new String[] {new String(sample, before, e.start() - before),
                new String(sample, e.end(), after - e.end())}) {
            if (around.codePoints().filter(Character::isLetter).count() < 8) {
                // a line's start or end says nothing of its languages
                continue;
            }
            if (!foreignLetter(filler.lowerCaseOnly(around).scorerFor(cps), cps[e.start()], e.replacement()[0])) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether {@code scorer} rates {@code filling}'s lower-case form {@link #FOREIGN_LETTER} above {@code c}'s, after a
     * space.
     */
    static boolean foreignLetter(CharModel.Scorer scorer, int c, int filling) {
        return scorer.logProb(" ", Character.toLowerCase(filling)) - scorer.logProb(" ", Character.toLowerCase(c))
                >= FOREIGN_LETTER;
    }

    /**
     * {@code text} with the char at {@code i} (a BMP char) made a space: the sample a suspect char does not vote in.
     */
    static String withoutChar(CharSequence text, int i) {
        StringBuilder out = new StringBuilder(text);
        out.setCharAt(i, ' ');
        return out.toString();
    }

    /** See {@link #foreignLetter}: e^5, about 150 times likelier. */
    static final double FOREIGN_LETTER = 5;
    /** See {@link #foreignLetter}: the chars each side of the place whose languages judge it. */
    private static final int FOREIGN_WINDOW = 40;

    /**
     * Whether the word {@code cps[s]} sits in has another capital after its first letter that is no 2-byte lead of
     * {@code page} ({@code iPhoneÅ}, {@code setÖffnungszeit}'s kin): an identifier's capitals, not a damaged word.
     */
    private static boolean camelCase(CodePage page, int[] cps, int s) {
        int start = s;
        while (start > 0 && Character.isLetter(cps[start - 1])) {
            start--;
        }
        int end = s + 1;
        while (end < cps.length && Character.isLetter(cps[end])) {
            end++;
        }
        for (int k = start + 1; k < end; k++) {
            int c = cps[k];
            if (k != s && Character.isUpperCase(c)
                    && !(c <= 0xFFFF && page.canEncode((char) c) && page.byteOf((char) c) >= 0xC2
                            && page.byteOf((char) c) <= 0xDF)) {
                return true;
            }
        }
        return false;
    }

    /**
     * How much likelier (natural log) the character model finds the filling than the chars it replaces, over the
     * same left context and the rest of the word after it (the next char and up to six more letters).
     */
    private static double modelGain(Edit e, int[] cps, CharModel.Scorer scorer) {
        int s = e.start();
        StringBuilder left = new StringBuilder();
        for (int k = Math.max(0, s - 24); k < s; k++) {
            left.appendCodePoint(cps[k]);
        }
        int stop = Math.min(cps.length, e.end() + 1);
        while (stop < cps.length && stop - e.end() <= 6 && Character.isLetter(cps[stop])) {
            stop++;
        }
        StringBuilder asIs = new StringBuilder(left);
        double original = 0;
        for (int k = s; k < stop; k++) {
            original += scorer.logProb(asIs, cps[k]);
            asIs.appendCodePoint(cps[k]);
        }
        StringBuilder withFilling = new StringBuilder(left);
        double filled = scorer.logProb(withFilling, e.replacement()[0]);
        withFilling.appendCodePoint(e.replacement()[0]);
        for (int k = e.end(); k < stop; k++) {
            filled += scorer.logProb(withFilling, cps[k]);
            withFilling.appendCodePoint(cps[k]);
        }
        return filled - original;
    }

    /**
     * The lossy guesses whose letters belong to an alphabet the strict decodings of the same line produced.
     * A filled byte is a guess: it may complete a span the strict evidence proved damaged, but it cannot
     * bring in a script of its own (a Hangul or Han syllable inside a Cyrillic or Persian word is what a
     * wrong guess next to clean text looks like).
     */
    private static List<Edit> sameScripts(List<Edit> edits, int alphabets) {
        List<Edit> kept = new ArrayList<>(edits.size());
        for (Edit e : edits) {
            if ((LayerDecoder.alphabets(e.replacement()) & ~alphabets) == 0) {
                kept.add(e);
            }
        }
        return kept;
    }

    private static void learn(ByteEvidence evidence, CodePage page, int[] cps, List<Edit> edits) {
        if (evidence == null) {
            return;
        }
        for (Edit e : edits) {
            if (e.replacement().length == 1) {
                evidence.record(ByteEvidence.restored(page, cps, e.start(), e.end(), e.replacement()[0]),
                        e.modelConfidence());
            }
        }
    }

    private static double lineCost(int[] cps) {
        return Plausibility.cost(-1, cps, 0, cps.length, -1);
    }

    private static List<Repair> explain(int[] original, int[] output, EditLog log) {
        List<Repair> repairs = new ArrayList<>();
        for (EditLog.Segment s : log.segments()) {
            String before = new String(original, s.origStart(), s.origEnd() - s.origStart());
            String after = new String(output, s.curStart(), s.curEnd() - s.curStart());
            repairs.add(new Repair(s.kind(), s.origStart(), s.origEnd(), s.curStart(), s.curEnd(), before, after,
                    describe(s), Math.round(s.confidence() * 1000) / 1000.0));
        }
        return repairs;
    }

    private static String describe(EditLog.Segment s) {
        if (s.chain().equals(C1Controls.LAYER)) {
            return "C1 controls read as windows-1252";
        }
        String[] pages = s.chain().replace(C1Controls.LAYER, "windows-1252 (C1 controls)").split("\\+");
        StringBuilder sb = new StringBuilder("utf-8 read as ").append(pages[0]);
        for (int i = 1; i < pages.length; i++) {
            sb.append(", then as ").append(pages[i]);
        }
        if (s.bytesLost() > 0) {
            sb.append(", ").append(s.bytesLost()).append(s.bytesLost() == 1 ? " byte lost" : " bytes lost");
        }
        return sb.toString();
    }

    /**
     * {@code finalCost}: the cost of the line after this layer, or after the best layer that would follow it plus 1
     * (one more layer is one more assumption), for ranking pages; {@code reach}: the lower of those two costs
     * without that preference, for deciding whether the line improves at all (a double mojibake whose outer layer
     * looks no better, {@code Г‚ВЈ} to {@code Â£}, is worth its second layer).
     */
    private record LayerChoice(CodePage page, List<Edit> edits, double gain, double finalCost, double reach) {
    }

    /** Options for an engine; everything beyond encoding repair is off by default. */
    public static final class Builder {
        private boolean uncurlQuotes;
        private boolean fullwidthToAscii;
        private boolean unescapeHtml;

        private Builder() {
        }

        /** Also turn curly quotes into straight ASCII quotes (not an encoding repair; off by default). */
        public Builder uncurlQuotes(boolean on) {
            this.uncurlQuotes = on;
            return this;
        }

        /** Also turn full-width ASCII variants (U+FF01..U+FF5E, U+3000) into ASCII (off by default). */
        public Builder fullwidthToAscii(boolean on) {
            this.fullwidthToAscii = on;
            return this;
        }

        /** Also decode HTML character references such as {@code &amp;} and {@code &#233;} (off by default). */
        public Builder unescapeHtml(boolean on) {
            this.unescapeHtml = on;
            return this;
        }

        public TextRepairer build() {
            return new TextRepairer(this);
        }
    }
}
