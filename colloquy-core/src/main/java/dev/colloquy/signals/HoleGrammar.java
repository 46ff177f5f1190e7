package dev.colloquy.signals;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import opennlp.tools.postag.POSModel;
import opennlp.tools.postag.POSTaggerME;

/*
 * Grammar evidence for English candidates, from OpenNLP's perceptron POS tagger trained on the Universal
 * Dependencies English Web Treebank (UPOS tags). The text around the candidate is tagged with the gap
 * closed, as a reader would see it, and the tags either side of the gap are checked for a missing word:
 *   - a determiner, preposition, auxiliary, particle or conjunction right before punctuation, the end, or
 *     another function word ("in .", "to .", "as a —", "the  of") needs a complement: missing;
 *   - a clause with no verb once the gap is closed ("someone just  you without effort",
 *     "Now  revolutionary.") lost its verb: missing;
 *   - a noun, adjective or number right before punctuation is a normal sentence end: the gap is
 *     probably only stray spacing.
 * Tagging costs ~0.1 ms per window, so it runs only on the few candidates the scanner found, never on
 * whole texts. The model (1.2 MB) loads once, on first use, from the opennlp-models-pos-en jar; a
 * POSTaggerME is not thread-safe, so each call makes its own over the shared, immutable model.
 */
final class HoleGrammar {

    private static final String MODEL = "/opennlp-en-ud-ewt-pos-1.3-2.5.4.bin";
    private static final Pattern TOKEN = Pattern.compile("[\\p{L}\\p{N}]+(?:['’][\\p{L}]+)*|[^\\s\\p{L}\\p{N}]");
    private static final Set<String> NEEDS_COMPLEMENT = Set.of("DET", "ADP", "AUX", "PART", "CCONJ", "SCONJ");
    private static final Set<String> CANNOT_FOLLOW_DETERMINER = Set.of("VERB", "AUX", "ADP", "CCONJ", "PUNCT", "DET");
    private static final Set<String> CLAUSE_END = Set.of(".", ",", ";", ":", "!", "?", "—", "–", "(", ")", "\"",
            "“", "”");
    private static final int LEFT_CHARS = 70;
    private static final int RIGHT_CHARS = 40;

    /** Holds the model so it loads only when grammar is first needed (class init is lazy and thread-safe). */
    private static final class Model {
        static final POSModel POS = load();

        private static POSModel load() {
            try (InputStream in = HoleGrammar.class.getResourceAsStream(MODEL)) {
                if (in == null) {
                    throw new IllegalStateException("OpenNLP POS model " + MODEL
                            + " is not on the class path; add org.apache.opennlp:opennlp-models-pos-en");
                }
                return new POSModel(in);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read OpenNLP POS model " + MODEL, e);
            }
        }
    }

    private final POSTaggerME tagger = new POSTaggerME(Model.POS);

    /** The candidate's score corrected by grammar, or unchanged when the context is not English. */
    double rescore(String text, HoleCandidate candidate) {
        int gapStart = candidate.cue() == HoleCue.DOUBLE_SPACE ? candidate.index() - 1 : candidate.index();
        int gapEnd = candidate.index();
        int leftStart = Math.max(0, gapStart - LEFT_CHARS);
        List<String> left = tokens(text.substring(leftStart, gapStart), leftStart > 0);
        List<String> right = tokens(text.substring(gapEnd, Math.min(text.length(), gapEnd + RIGHT_CHARS)), false);
        int english = 0;
        for (String t : left) {
            english += HoleWords.isEnglishMarker(t) ? 1 : 0;
        }
        for (String t : right) {
            english += HoleWords.isEnglishMarker(t) ? 1 : 0;
        }
        if (english < 2 || left.isEmpty()) {
            return candidate.score();
        }
        List<String> all = new ArrayList<>(left);
        all.addAll(right);
        String[] tags = tagger.tag(all.toArray(new String[0]));
        int gap = left.size();
        String before = tags[gap - 1];
        String after = gap < tags.length ? tags[gap] : "PUNCT";
        double score = candidate.score();
        if (NEEDS_COMPLEMENT.contains(before) && !"PART".equals(after)
                && (after.equals("PUNCT") || NEEDS_COMPLEMENT.contains(after))) {
            score += 0.2;
        }
        if ("DET".equals(before) && CANNOT_FOLLOW_DETERMINER.contains(after)) {
            score += 0.15;
        }
        if (candidate.cue() != HoleCue.LINE_START && !clauseHasVerb(all, tags, gap)) {
            score += 0.1;
        }
        if (candidate.cue() == HoleCue.SPACE_BEFORE_PUNCTUATION && "!?:;".indexOf(text.charAt(gapEnd)) >= 0
                && Set.of("NOUN", "PROPN", "NUM", "ADJ", "X", "SYM").contains(before)) {
            score -= 0.1;
        }
        return score;
    }

    private static boolean clauseHasVerb(List<String> tokens, String[] tags, int gap) {
        int from = gap;
        while (from > 0 && !CLAUSE_END.contains(tokens.get(from - 1))) {
            from--;
        }
        int to = gap;
        while (to < tokens.size() && !CLAUSE_END.contains(tokens.get(to))) {
            to++;
        }
        if (to - from < 2) {
            return true;
        }
        for (int i = from; i < to; i++) {
            if (tags[i].equals("VERB") || tags[i].equals("AUX")) {
                return true;
            }
        }
        return false;
    }

    /** Words and single punctuation marks, contractions split as in the treebank ("They", "'re"). */
    static List<String> tokens(String s, boolean dropPartialFirst) {
        List<String> out = new ArrayList<>();
        Matcher m = TOKEN.matcher(s);
        boolean first = true;
        while (m.find()) {
            String t = m.group().replace('’', '\'');
            if (first && dropPartialFirst && m.start() == 0 && t.length() > 1) {
                first = false;
                continue;
            }
            first = false;
            int apostrophe = t.indexOf('\'');
            if (apostrophe > 0) {
                String lower = HoleWords.normalize(t);
                int split = lower.endsWith("n't") ? t.length() - 3 : apostrophe;
                out.add(t.substring(0, split));
                out.add(t.substring(split));
            } else {
                out.add(t);
            }
        }
        return out;
    }
}
