package dev.colloquy.signals;

import dev.colloquy.model.Finding;
import java.util.Objects;
import java.util.Optional;

/**
 * A place in a turn where an inline span (italic, bold, a link) was probably stripped together with its
 * content on export, leaving {@code "I believe in ."} or {@code "someone just  you"}.
 *
 * @param offset     where the missing span was, in code points into the turn's text: the position between
 *                   the two spaces of a double space, or of the punctuation mark a word is missing before
 * @param confidence how sure the detector is, in (0, 1]
 * @param cue        the surface evidence that made the place a candidate
 */
public record Hole(int offset, double confidence, HoleCue cue) implements Finding {

    public static final String TYPE = "holes";

    public Hole {
        if (offset < 0) {
            throw new IllegalArgumentException("offset must be >= 0, was " + offset);
        }
        if (!(confidence > 0 && confidence <= 1)) {
            throw new IllegalArgumentException("confidence must be in (0, 1], was " + confidence);
        }
        Objects.requireNonNull(cue, "cue");
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public Optional<Score> statsScore() {
        return Optional.of(new Score("confidence", confidence));
    }
}
