package dev.colloquy.signals;

import dev.colloquy.model.Conversation;
import dev.colloquy.model.Finding;
import dev.colloquy.model.Role;
import dev.colloquy.model.Turn;
import dev.colloquy.step.Step;
import dev.colloquy.step.AbstractStepFactory;
import dev.colloquy.step.StepParameters;
import dev.colloquy.step.StepResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Checks the shape of a conversation: alternation of speakers and roles, empty turns, how it opens and ends,
 * turns cut off mid-sentence, and its size. Adds {@link StructureFinding}s and one {@link StructureCounts} to the
 * conversation; never rejects (filters decide what to drop). Thread-safe.
 */
public final class StructureCheck implements Step {

    /*
     * A cut-off turn is judged from its last line only, conservatively, because chat turns often end without a
     * full stop ("thanks", "see you"): it is flagged when it ends in a comma, semicolon, hyphen or an article,
     * conjunction or preposition that cannot end an English sentence, or when the last sentence runs past
     * cutOffWords words without any terminal punctuation. Lines ending in a closing bracket, quote, emoji, code
     * fence or CJK full stop are complete.
     */

    public static final String NAME = "structure_check";

    static final int DEFAULT_CUT_OFF_WORDS = 25;

    private static final Set<String> DANGLING = Set.of("the", "a", "an", "and", "or", "but", "of", "to", "with",
            "for", "in", "on", "at", "by", "from", "because", "that", "which", "my", "your", "our", "their", "is",
            "are", "was", "were");

    private final int cutOffWords;

    public StructureCheck(int cutOffWords) {
        if (cutOffWords < 3) {
            throw new IllegalArgumentException("Step '" + NAME + "': parameter 'cut_off_words' must be >= 3, was "
                    + cutOffWords);
        }
        this.cutOffWords = cutOffWords;
    }

    public StructureCheck() {
        this(DEFAULT_CUT_OFF_WORDS);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public StepResult apply(Conversation c) {
        List<Turn> turns = c.turns();
        List<Finding> out = new ArrayList<>();
        int user = 0;
        int assistant = 0;
        long chars = 0;
        int longest = 0;
        boolean assistantReply = false;
        int firstNonSystem = -1;
        for (int i = 0; i < turns.size(); i++) {
            Turn t = turns.get(i);
            int cps = t.text().codePointCount(0, t.text().length());
            chars += cps;
            longest = Math.max(longest, cps);
            boolean blank = t.text().isBlank();
            if (t.role() == Role.USER) {
                user++;
            } else if (t.role() == Role.ASSISTANT) {
                assistant++;
                assistantReply |= !blank;
            }
            if (t.role() != Role.SYSTEM && firstNonSystem < 0) {
                firstNonSystem = i;
            }
            if (t.role() == Role.SYSTEM && i > 0 && turns.get(i - 1).role() != Role.SYSTEM) {
                out.add(new StructureFinding(StructureFinding.Kind.SYSTEM_NOT_FIRST, List.of(i)));
            }
            if (blank) {
                out.add(new StructureFinding(StructureFinding.Kind.EMPTY_TURN, List.of(i)));
            } else if (isCutOff(t.text())) {
                out.add(new StructureFinding(StructureFinding.Kind.CUT_OFF, List.of(i)));
            }
            if (i > 0) {
                Turn prev = turns.get(i - 1);
                if (prev.speaker().equals(t.speaker())) {
                    out.add(new StructureFinding(StructureFinding.Kind.REPEATED_SPEAKER, List.of(i - 1, i)));
                }
                if (prev.role() == t.role() && t.role() != Role.SYSTEM) {
                    out.add(new StructureFinding(StructureFinding.Kind.CONSECUTIVE_SAME_ROLE, List.of(i - 1, i)));
                }
            }
        }
        if (turns.isEmpty()) {
            out.add(new StructureFinding(StructureFinding.Kind.EMPTY_CONVERSATION, List.of()));
        } else if (turns.size() == 1) {
            out.add(new StructureFinding(StructureFinding.Kind.SINGLE_TURN, List.of(0)));
        }
        if (firstNonSystem >= 0 && turns.get(firstNonSystem).role() == Role.ASSISTANT) {
            out.add(new StructureFinding(StructureFinding.Kind.OPENS_WITH_ASSISTANT, List.of(firstNonSystem)));
        }
        if (!turns.isEmpty() && turns.get(turns.size() - 1).role() == Role.USER) {
            out.add(new StructureFinding(StructureFinding.Kind.ENDS_WITH_USER, List.of(turns.size() - 1)));
        }
        if (!turns.isEmpty() && !assistantReply) {
            out.add(new StructureFinding(StructureFinding.Kind.NO_ASSISTANT_REPLY, List.of()));
        }
        out.add(new StructureCounts(turns.size(), user, assistant, chars, longest));
        return StepResult.kept(c.withFindings(out));
    }

    boolean isCutOff(String text) {
        String s = text.strip();
        int lineStart = s.lastIndexOf('\n') + 1;
        String line = s.substring(lineStart);
        if (line.isEmpty() || line.startsWith("```") || line.startsWith("|")) {
            return false;
        }
        int last = line.codePointBefore(line.length());
        if (last == ',' || last == ';' || last == '-') {
            return line.length() > 1;
        }
        if (!Character.isLetterOrDigit(last)) {
            return false;
        }
        String[] words = line.split("\\s+");
        String lastWord = words[words.length - 1].toLowerCase(Locale.ROOT);
        if (words.length >= 4 && DANGLING.contains(lastWord)) {
            return true;
        }
        int sentenceStart = Math.max(Math.max(line.lastIndexOf(". "), line.lastIndexOf("? ")), line.lastIndexOf("! "));
        String sentence = sentenceStart < 0 ? line : line.substring(sentenceStart + 2);
        return sentence.split("\\s+").length > cutOffWords;
    }

    /** Builds {@link StructureCheck} from {@code cut_off_words}. */
    public static final class Factory extends AbstractStepFactory {
        public Factory() {
            super(NAME, "Finds alternation problems, empty and cut-off turns, bad openings and endings; counts turns.",
                    "cut_off_words");
        }

        @Override
        protected Step build(StepParameters p) {
            return new StructureCheck(p.getInt("cut_off_words", DEFAULT_CUT_OFF_WORDS));
        }
    }
}
