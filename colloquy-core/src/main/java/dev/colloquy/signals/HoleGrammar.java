package dev.colloquy.signals;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import opennlp.tools.postag.POSModel;
import opennlp.tools.postag.POSTaggerME;

/*
 * Grammar evidence for English candidates, from OpenNLP's perceptron POS tagger trained on the Universal
 * Dependencies English Web Treebank (UPOS tags). The text around a candidate is tagged with the gap closed,
 * as a reader would see it, and the pair of tags either side of the gap is looked up in a table of
 * log-likelihood ratios, ln P(pair | hole) - ln P(pair | intact text), learned from the dev split of the
 * labelled set by HoleTagPairsBuilder (test scope; bench/holes-train.sh). Intact text is where a stray
 * space would fall, so the ratio says whether closing the gap leaves a fluent join ("is  a" -> AUX DET,
 * common in intact text) or one that misses a word ("in ." -> ADP PUNCT, "we  each" -> PRON DET).
 * Two classes of pair: WORDS (a double space between words) and PUNCT (a space before punctuation).
 *
 * Tagging costs ~0.1 ms per window, so it runs only on the few candidates the scanner found, never on
 * whole texts. The model (1.2 MB) loads once, on first use, from the opennlp-models-pos-en jar; a
 * POSTaggerME is not thread-safe, so each thread gets its own over the shared, immutable model.
 */
final class HoleGrammar {

    static final String WORDS = "WORDS";
    static final String PUNCT = "PUNCT";
    /** Score change per nat of likelihood ratio; calibrated on the dev split. */
    private static final double WEIGHT = 0.12;

    private static final String MODEL = "/opennlp-en-ud-ewt-pos-1.3-2.5.4.bin";
    private static final String PAIRS = "hole-tag-pairs.tsv";
    private static final Pattern TOKEN = Pattern.compile("[\\p{L}\\p{N}]+(?:['’][\\p{L}]+)*|[^\\s\\p{L}\\p{N}]");
    private static final int LEFT_CHARS = 50;
    private static final int RIGHT_CHARS = 25;
    /** Tokens tagged either side of the gap (the window above only decides whether the context is English). */
    private static final int TAG_LEFT = 6;
    private static final int TAG_RIGHT = 4;

    /** Holds the model and table so they load only when grammar is first needed (lazy, thread-safe). */
    private static final class Model {
        static final POSModel POS = load();
        static final Map<String, Double> RATIOS = ratios();
        /**
         * One tagger per thread: a POSTaggerME keeps per-call state, and building one costs milliseconds
         * (it scans the model), far more than tagging a window. Holds no data between calls.
         */
        static final ThreadLocal<POSTaggerME> TAGGER = ThreadLocal.withInitial(() -> new POSTaggerME(POS));

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

        private static Map<String, Double> ratios() {
            Map<String, Double> out = new HashMap<>();
            try (InputStream in = HoleGrammar.class.getResourceAsStream(PAIRS)) {
                if (in == null) {
                    throw new IllegalStateException("missing resource " + PAIRS);
                }
                for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                    String[] f = line.split("\t");
                    if (f.length == 4 && !line.startsWith("#")) {
                        out.put(key(f[0], f[1], f[2]), Double.parseDouble(f[3]));
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + PAIRS, e);
            }
            return Map.copyOf(out);
        }
    }

    /** The candidate's score corrected by grammar, or unchanged when the context is not English. */
    double rescore(String text, HoleCandidate candidate) {
        String kind = switch (candidate.cue()) {
            case DOUBLE_SPACE -> WORDS;
            case SPACE_BEFORE_PUNCTUATION -> PUNCT;
            default -> null;
        };
        if (kind == null) {
            return candidate.score();
        }
        int gapStart = kind.equals(WORDS) ? candidate.index() - 1 : candidate.index();
        String[] pair = tagsAround(text, gapStart, candidate.index());
        if (pair == null) {
            return candidate.score();
        }
        Double ratio = Model.RATIOS.get(key(kind, pair[0], pair[1]));
        return ratio == null ? candidate.score() : candidate.score() + WEIGHT * ratio;
    }

    /**
     * The UPOS tags of the tokens either side of the gap {@code [gapStart, gapEnd)} once it is closed, or null
     * when the context does not look English. The tag after a gap at the end is PUNCT.
     */
    String[] tagsAround(String text, int gapStart, int gapEnd) {
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
            return null;
        }
        // The tagger's cost grows with the tokens tagged; its features look two words either side, so a few
        // tokens around the gap give the same two tags as the whole window (same dev and test figures).
        List<String> near = left.subList(Math.max(0, left.size() - TAG_LEFT), left.size());
        List<String> all = new ArrayList<>(near);
        all.addAll(right.subList(0, Math.min(right.size(), TAG_RIGHT)));
        String[] tags = Model.TAGGER.get().tag(all.toArray(new String[0]));
        int gap = near.size();
        return new String[] {tags[gap - 1], gap < tags.length ? tags[gap] : "PUNCT"};
    }

    static String key(String kind, String before, String after) {
        return kind + ' ' + before + ' ' + after;
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
