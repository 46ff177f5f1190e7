package dev.colloquy.signals;

import dev.colloquy.model.Finding;
import java.util.List;

/**
 * Repetition inside one turn, measured as in the Gopher quality rules (Rae et al. 2021, appendix A); found by
 * {@link RepetitionDetector} and attached to the turn. Fractions are of lines, paragraphs or word characters.
 *
 * @param turn                       the turn (0-based)
 * @param duplicateLineFraction      share of lines that repeat an earlier line
 * @param duplicateLineCharFraction  share of line characters in such lines
 * @param duplicateParagraphFraction share of paragraphs that repeat an earlier paragraph
 * @param duplicateParagraphCharFraction share of paragraph characters in such paragraphs
 * @param topNgramFractions          for n = 2, 3, 4: share of word characters in the most frequent n-gram
 * @param duplicateNgramFractions    for n = 5 .. 10: share of word characters inside repeated n-grams
 *                                   (these and the top n-gram fractions are 0 below the step's min_words)
 * @param repeatedRunCopies          copies in the longest run of one phrase repeated back to back (0 when
 *                                   no phrase occurs four times in a row)
 * @param repeatedRunTokens          tokens that run covers
 * @param exceeded                   the rules over their threshold, as {@code name>threshold}
 *                                   (e.g. {@code "dup_5gram_char_frac>0.15"})
 */
public record Repetition(int turn, double duplicateLineFraction, double duplicateLineCharFraction,
                         double duplicateParagraphFraction, double duplicateParagraphCharFraction,
                         List<Double> topNgramFractions, List<Double> duplicateNgramFractions,
                         int repeatedRunCopies, int repeatedRunTokens, List<String> exceeded) implements Finding {

    public Repetition {
        topNgramFractions = List.copyOf(topNgramFractions);
        duplicateNgramFractions = List.copyOf(duplicateNgramFractions);
        exceeded = List.copyOf(exceeded);
    }

    @Override
    public String type() {
        return "repetition";
    }
}
