package dev.colloquy.repair;

import java.util.List;

/**
 * The best reconstruction of UTF-8 bytes that had bytes dropped.
 *
 * @param text          the decoded text
 * @param bytesRestored how many bytes were re-inserted (or a 0x20 turned back into 0xA0)
 * @param confidence    0..1: the model's posterior probability of {@code text} among the candidates it kept
 * @param alternatives  the candidates, best first ({@code text} is the first), at most five
 */
record LossyDecoding(String text, int bytesRestored, double confidence, List<Alternative> alternatives) {

    LossyDecoding {
        alternatives = List.copyOf(alternatives);
    }

    /** One candidate decoding with its posterior probability. */
    record Alternative(String text, int bytesRestored, double probability) {
    }
}
