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

    /*
     * Reads the last line of the stripped text in place (bounds into the text, no strip, substring or split): it
     * runs on every turn of a corpus, and the copies and regular-expression splits it made were 5 % of a README
     * pipeline run's allocation. Words are counted as String.split("\\s+") counts them (a leading empty string
     * when the range opens with white space), so the answers are the same.
     */
    boolean isCutOff(String text) {
        int end = text.length();
        while (end > 0 && Character.isWhitespace(text.codePointBefore(end))) {
            end -= Character.charCount(text.codePointBefore(end));
        }
        int start = 0;
        while (start < end && Character.isWhitespace(text.codePointAt(start))) {
            start += Character.charCount(text.codePointAt(start));
        }
        if (start == end) {
            return false;
        }
        // '\n' is white space, so the stripped text neither starts nor ends with it
        int line = Math.max(start, text.lastIndexOf('\n', end - 1) + 1);
        if (text.startsWith("```", line) || text.startsWith("|", line)) {
            return false;
        }
        int last = text.codePointBefore(end);
        if (last == ',' || last == ';' || last == '-') {
            return end - line > 1;
        }
        if (!Character.isLetterOrDigit(last)) {
            return false;
        }
        int lastWord = end;
        while (lastWord > line && !isRegexSpace(text.charAt(lastWord - 1))) {
            lastWord--;
        }
        // no dangling word is longer than 7 chars, and lower-casing never shortens a string
        if (end - lastWord <= 7 && words(text, line, end) >= 4
                && DANGLING.contains(text.substring(lastWord, end).toLowerCase(Locale.ROOT))) {
            return true;
        }
        int sentence = Math.max(Math.max(text.lastIndexOf(". ", end - 2), text.lastIndexOf("? ", end - 2)),
                text.lastIndexOf("! ", end - 2));
        return words(text, sentence >= line ? sentence + 2 : line, end) > cutOffWords;
    }

    /** How many strings {@code text.substring(from, to).split("\\s+")} gives, for a range ending in a non-space. */
    private static int words(String text, int from, int to) {
        int n = 0;
        boolean inWord = false;
        for (int i = from; i < to; i++) {
            boolean space = isRegexSpace(text.charAt(i));
            if (!space && !inWord) {
                n++;
            }
            inWord = !space;
        }
        return from < to && isRegexSpace(text.charAt(from)) ? n + 1 : n;
    }

    /** {@code \\s} of java.util.regex without UNICODE_CHARACTER_CLASS: [ \\t\\n\\x0B\\f\\r]. */
    private static boolean isRegexSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == 0x0B || c == '\f' || c == '\r';
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
