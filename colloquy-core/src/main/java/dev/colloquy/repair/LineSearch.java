package dev.colloquy.repair;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

/*
 * The memory of one line's repair: the search through the code pages asks the same questions many times.
 * Every layer ranks the pages by their strict decoding of the line, the lookahead of each of the best pages
 * asks for the best layer that would follow it (several pages often decode a line identically, so they lead
 * to the same text), and the next layer asks for the strict decodings of the text the last layer made, which
 * that lookahead already computed. A strict decoding without a session's evidence is a pure function of the
 * page and the text, and so is the follow-up search, so remembering them changes no result. Each strict decoding
 * also decodes the text it would make under every page, to see whether a layer is nested beneath it; pages that
 * read the line alike make the same text, so those nested decodings (pure too) are remembered per page and text.
 *
 * The lossy decodings of one text (one per code page with dropped bytes, in the lossy-twin contest and in the
 * search for emoji cut short) each ask the character model for a scorer of the same line; a scorer is pure
 * memoization over its sample, so one per distinct text serves them all, and it is built only when a lossy
 * sequence is actually scored (most lossy decodings find none, and need neither the n-gram tables nor ICU); the
 * model itself is reached only then (building it loads Jackson and ICU: 50-60 ms of a one-line `colloquy fix`).
 *
 * One instance per call of TextRepairer.repairSlow, on one thread.
 */
final class LineSearch {

    private final LossyFiller filler;
    private final Map<Text, Decodings> strict = new HashMap<>();
    private final Map<Text, Decodings> nested = new HashMap<>();
    private final Map<Text, Object> followUps = new HashMap<>();

    LineSearch(Supplier<CharModel> model) {
        this.filler = new LossyFiller(new ScorerPerText(model));
    }

    /** The filler for this line's lossy decodings (its scorers shared per text). */
    LossyFiller filler() {
        return filler;
    }

    /** {@code new LayerDecoder(page, filler).decode(cps, false)}, computed once per text and pages that read it alike. */
    List<Edit> strictEdits(CodePage page, int[] cps) {
        return perPage(strict, page, cps, () -> LayerDecoder.inSearch(page, this), d -> d.decode(cps, false));
    }

    /**
     * {@code new LayerDecoder(page, filler).nestedEdits(cps)}, computed once per text and pages that read it alike:
     * the strict decoding judges whether a layer is nested beneath it by decoding the text it would make under every
     * page, and pages that read a line alike (windows-1252, ISO-8859-1, -15, windows-1254...) make the same text of it.
     */
    List<Edit> nestedEdits(CodePage page, int[] cps) {
        return perPage(nested, page, cps, () -> new LayerDecoder(page, filler), d -> d.nestedEdits(cps));
    }

    /**
     * The decoding of {@code cps} under {@code page}: remembered, or shared from a page that reads the text alike
     * ({@link Decodings#readAlike}), or made by {@code decode}.
     */
    private static List<Edit> perPage(Map<Text, Decodings> memo, CodePage page, int[] cps, Supplier<LayerDecoder> decoder,
                                      Function<LayerDecoder, List<Edit>> decode) {
        Decodings byPage = memo.computeIfAbsent(new Text(cps), t -> new Decodings(cps));
        int p = page.index();
        List<Edit> edits = byPage.edits[p];
        if (edits == null) {
            for (int q = 0; q < byPage.edits.length && edits == null; q++) {
                if (byPage.edits[q] != null && byPage.readAlike(CodePages.ALL.get(q), page, byPage.asked[q])) {
                    edits = byPage.edits[q];
                    byPage.asked[p] = byPage.asked[q];
                }
            }
            if (edits == null) {
                LayerDecoder d = decoder.get();
                edits = decode.apply(d);
                byPage.asked[p] = d.askedEncodable();
            }
            byPage.edits[p] = edits;
        }
        return edits;
    }

    /**
     * The chars of {@code cps} each page reads as a byte of its own (non-ASCII BMP chars, or every BMP char should
     * some page not read ASCII as itself), for {@link #readAlike}; null when the text holds U+FFFD, whose sequences
     * a decoding fills with its page's undefined bytes.
     */
    static int[] pageChars(int[] cps) {
        int n = 0;
        for (int cp : cps) {
            if (cp == 0xFFFD) {
                return null;
            }
            if (cp <= 0xFFFF && (cp >= 0x80 || !Decodings.ASCII_ALIKE)) {
                n++;
            }
        }
        int[] chars = new int[n];
        n = 0;
        for (int cp : cps) {
            if (cp <= 0xFFFF && (cp >= 0x80 || !Decodings.ASCII_ALIKE)) {
                chars[n++] = cp;
            }
        }
        return chars;
    }

    /**
     * Whether {@code page} gives each of {@code chars} (pageChars of a text; null: never) the byte {@code decoded}
     * gives it, and answers the encodability of {@code asked} (what a decoding under {@code decoded} asked,
     * LayerDecoder.askedEncodable) alike.
     */
    static boolean readAlike(CodePage decoded, CodePage page, int[] chars, int[] asked) {
        if (chars == null) {
            return false;
        }
        for (int c : chars) {
            if (decoded.byteOrNone((char) c) != page.byteOrNone((char) c)) {
                return false;
            }
        }
        for (int c : asked) {
            if (decoded.canEncode((char) c) != page.canEncode((char) c)) {
                return false;
            }
        }
        return true;
    }

    /**
     * One text's strict (or nested) decodings per page. A strict decoding asks its page only two things: the byte of
     * each char of the text, and whether the page encodes some of the chars it decoded to
     * ({@link LayerDecoder#askedEncodable}), except on a line with U+FFFD, whose sequences are filled with the
     * page's undefined bytes. So a page that gives every char the byte another page gives it, and answers that
     * page's questions alike, decodes the text exactly as that page did: the decoding is shared, not repeated
     * (22% of the strict decodings of damaged multilingual text repeated another page's).
     */
    private static final class Decodings {
        private static final boolean ASCII_ALIKE = asciiAlike();
        @SuppressWarnings("unchecked")
        final List<Edit>[] edits = new List[CodePages.ALL.size()];
        final int[][] asked = new int[CodePages.ALL.size()][];
        /** The text's chars each page reads as a byte of its own (pageChars); null: pages never alike. */
        private final int[] chars;

        Decodings(int[] cps) {
            chars = pageChars(cps);
        }

        /** Whether {@code page} decodes the text as {@code decoded} did, which asked {@code asked}. */
        boolean readAlike(CodePage decoded, CodePage page, int[] asked) {
            return LineSearch.readAlike(decoded, page, chars, asked);
        }

        /** Whether every page gives each ASCII char its own byte (then ASCII chars need no comparing). */
        private static boolean asciiAlike() {
            for (CodePage page : CodePages.ALL) {
                for (char c = 0; c < 0x80; c++) {
                    if (page.byteOrNone(c) != c) {
                        return false;
                    }
                }
            }
            return true;
        }
    }

    /** {@code search.apply(cps)}, computed once per text; {@code search} must be a pure function of the text. */
    @SuppressWarnings("unchecked")
    <T> T followUp(int[] cps, Function<int[], T> search) {
        Text key = new Text(cps);
        if (followUps.containsKey(key)) {
            return (T) followUps.get(key);
        }
        T result = search.apply(cps);
        followUps.put(key, result);
        return result;
    }

    /** A line's code points as a map key; the array is never changed once a layer has made it. */
    private record Text(int[] cps) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Text t && Arrays.equals(cps, t.cps);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(cps);
        }
    }

    /** One scorer per distinct sample, built on its first question. */
    private static final class ScorerPerText implements CharModel {
        private final Supplier<CharModel> model;
        private final Map<String, CharModel.Scorer> scorers = new HashMap<>();

        ScorerPerText(Supplier<CharModel> model) {
            this.model = model;
        }

        @Override
        public Scorer scorer(CharSequence sample) {
            return scorers.computeIfAbsent(sample.toString(), LazyScorer::new);
        }

        @Override
        public double wordsLogProb(CharSequence run) {
            return model.get().wordsLogProb(run);
        }

        private final class LazyScorer implements CharModel.Scorer {
            private final String sample;
            private CharModel.Scorer scorer;

            LazyScorer(String sample) {
                this.sample = sample;
            }

            @Override
            public double logProb(CharSequence preceding, int cp) {
                return scorer().logProb(preceding, cp);
            }

            @Override
            public void logProbs(CharSequence preceding, int[] cps, int n, double[] out) {
                scorer().logProbs(preceding, cps, n, out);
            }

            private CharModel.Scorer scorer() {
                if (scorer == null) {
                    scorer = model.get().scorer(sample);
                }
                return scorer;
            }
        }
    }
}
