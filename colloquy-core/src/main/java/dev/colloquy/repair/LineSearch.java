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
    private final Map<Text, List<Edit>[]> strict = new HashMap<>();
    private final Map<Text, List<Edit>[]> nested = new HashMap<>();
    private final Map<Text, Object> followUps = new HashMap<>();

    LineSearch(Supplier<CharModel> model) {
        this.filler = new LossyFiller(new ScorerPerText(model));
    }

    /** The filler for this line's lossy decodings (its scorers shared per text). */
    LossyFiller filler() {
        return filler;
    }

    /** {@code new LayerDecoder(page, filler).decode(cps, false)}, computed once per page and text (nested ones shared). */
    List<Edit> strictEdits(CodePage page, int[] cps) {
        return perPage(strict, page, cps, t -> LayerDecoder.inSearch(page, this).decode(t, false));
    }

    /**
     * {@code new LayerDecoder(page, filler).nestedEdits(cps)}, computed once per page and text: the strict decoding
     * judges whether a layer is nested beneath it by decoding the text it would make under every page, and pages
     * that read a line alike (windows-1252, ISO-8859-1, -15, windows-1254...) make the same text of it.
     */
    List<Edit> nestedEdits(CodePage page, int[] cps) {
        return perPage(nested, page, cps, t -> new LayerDecoder(page, filler).nestedEdits(t));
    }

    private static List<Edit> perPage(Map<Text, List<Edit>[]> memo, CodePage page, int[] cps,
                                      Function<int[], List<Edit>> decode) {
        @SuppressWarnings("unchecked")
        List<Edit>[] byPage = memo.computeIfAbsent(new Text(cps), t -> new List[CodePages.ALL.size()]);
        List<Edit> edits = byPage[page.index()];
        if (edits == null) {
            edits = decode.apply(cps);
            byPage[page.index()] = edits;
        }
        return edits;
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

        private final class LazyScorer implements CharModel.Scorer {
            private final String sample;
            private CharModel.Scorer scorer;

            LazyScorer(String sample) {
                this.sample = sample;
            }

            @Override
            public double logProb(CharSequence preceding, int cp) {
                if (scorer == null) {
                    scorer = model.get().scorer(sample);
                }
                return scorer.logProb(preceding, cp);
            }
        }
    }
}
