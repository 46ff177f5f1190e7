package dev.colloquy.signals;

import dev.colloquy.model.Conversation;
import dev.colloquy.model.Turn;
import dev.colloquy.step.Step;
import dev.colloquy.step.AbstractStepFactory;
import dev.colloquy.step.StepParameters;
import dev.colloquy.step.StepResult;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds holes: places where an emphasized span was stripped with its content on export ("I believe in .",
 * "someone just  you without effort"), and attaches a {@link Hole} to the turn for each. Never rejects.
 *
 * <p>Cheap surface cues pick candidates (see {@code HoleScanner}); for English text, a POS tagger then
 * checks the grammar around each candidate (see {@code HoleGrammar}). Only candidates reaching
 * {@code min_confidence} are reported. Thread-safe and serializable; holds only its settings.
 */
public final class HoleDetector implements Step {

    public static final String NAME = "holes";
    public static final double DEFAULT_MIN_CONFIDENCE = 0.5;
    static final boolean DEFAULT_GRAMMAR = true;
    private static final long serialVersionUID = 1L;

    /** Candidates scored in this band are close enough to the threshold for grammar to decide. */
    private static final double GRAMMAR_BAND = 0.3;
    /** At most this many candidates per text are POS-checked, which bounds the cost of a hole-riddled turn. */
    private static final int GRAMMAR_BUDGET = 12;

    private final double minConfidence;
    private final boolean grammar;

    public HoleDetector() {
        this(DEFAULT_MIN_CONFIDENCE, DEFAULT_GRAMMAR);
    }

    /**
     * @param minConfidence holes scored below this are not reported; in (0, 1]
     * @param grammar       whether to check English candidates with the POS model (slower, more precise)
     */
    public HoleDetector(double minConfidence, boolean grammar) {
        if (!(minConfidence > 0 && minConfidence <= 1)) {
            throw new IllegalArgumentException("min_confidence must be in (0, 1], was " + minConfidence);
        }
        this.minConfidence = minConfidence;
        this.grammar = grammar;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public StepResult apply(Conversation conversation) {
        List<Turn> turns = new ArrayList<>(conversation.turns().size());
        boolean changed = false;
        for (Turn turn : conversation.turns()) {
            List<Hole> holes = find(turn.text());
            changed |= !holes.isEmpty();
            turns.add(turn.withFindings(holes));
        }
        return StepResult.kept(changed ? conversation.withTurns(turns) : conversation);
    }

    /** The holes in one text, in order, with offsets in code points. */
    public List<Hole> find(String text) {
        List<HoleCandidate> candidates = new HoleScanner().scan(text);
        if (candidates.isEmpty()) {
            return List.of();
        }
        HoleGrammar checker = null;
        int budget = GRAMMAR_BUDGET;
        List<Hole> holes = new ArrayList<>();
        int lastIndex = 0;
        int lastOffset = 0;
        for (HoleCandidate c : candidates) {
            double score = c.score();
            if (grammar && budget > 0 && Math.abs(score - minConfidence) < GRAMMAR_BAND && needsGrammar(c)) {
                budget--;
                if (checker == null) {
                    checker = new HoleGrammar();
                }
                score = checker.rescore(text, c);
            }
            if (score >= minConfidence) {
                lastOffset += text.codePointCount(lastIndex, c.index());
                lastIndex = c.index();
                holes.add(new Hole(lastOffset, Math.min(0.99, Math.round(score * 100) / 100.0), c.cue()));
            }
        }
        return holes;
    }

    /**
     * Grammar is worth its cost (a POS-tagged window, ~0.1-0.5 ms) where it changes outcomes: a space before
     * punctuation is a hole after "in" but a typo after a noun. A double space between words reads the same
     * to a tagger whether a modifier was stripped or a space slipped in ("a  good idea"), so it is left to
     * the cheap cues unless they are unsure.
     */
    private static boolean needsGrammar(HoleCandidate c) {
        return c.cue() == HoleCue.SPACE_BEFORE_PUNCTUATION || c.cue() == HoleCue.DOUBLE_SPACE && c.score() < 0.7;
    }

    /** Builds the step from {@code PIPELINE.yaml}: {@code min_confidence} (0.5), {@code grammar} (true). */
    public static final class Factory extends AbstractStepFactory {
        public Factory() {
            super(NAME, "Marks holes where an inline span was stripped with its content (\"I believe in .\").",
                    "min_confidence", "grammar");
        }

        @Override
        protected Step build(StepParameters p) {
            return new HoleDetector(p.getDouble("min_confidence", DEFAULT_MIN_CONFIDENCE),
                    p.getBoolean("grammar", DEFAULT_GRAMMAR));
        }
    }
}
