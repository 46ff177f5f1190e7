package dev.colloquy.signals;

import dev.colloquy.model.Finding;
import java.util.List;
import java.util.Optional;

/**
 * A run of turns that add little new content and mostly agree, praise, toast or thank each other, found by
 * {@link AgreementLoopDetector} and attached to the conversation.
 *
 * @param turns    the turns of the run (0-based, consecutive)
 * @param score    0..1: mean over the run of agreement strength times lack of novelty
 * @param novelty  per turn of the run, the share of its content tokens not seen in earlier turns
 * @param cues     per turn of the run, the agreement cues found (lower-case, as listed in the lexicon)
 */
public record AgreementLoop(List<Integer> turns, double score, List<Double> novelty, List<List<String>> cues)
        implements Finding {

    public AgreementLoop {
        turns = List.copyOf(turns);
        novelty = List.copyOf(novelty);
        cues = cues.stream().map(List::copyOf).toList();
    }

    @Override
    public String type() {
        return "agreement_loop";
    }

    @Override
    public Optional<Score> statsScore() {
        return Optional.of(new Score("score", score));
    }
}
