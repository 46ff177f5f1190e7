package dev.colloquy.signals;

import dev.colloquy.model.Finding;
import java.util.Optional;

/**
 * A turn that copies much of the turn before it, found by {@link EchoDetector} and attached to the copying turn.
 *
 * @param turn      the copying turn (0-based)
 * @param source    the turn copied from
 * @param share     share of the turn's word n-grams that occur in {@code source}, 0..1
 * @param n         the n-gram length used
 * @param threshold the share from which a turn is reported
 */
public record Echo(int turn, int source, double share, int n, double threshold) implements Finding {

    @Override
    public String type() {
        return "echo";
    }

    @Override
    public Optional<Score> statsScore() {
        return Optional.of(new Score("share", share));
    }
}
