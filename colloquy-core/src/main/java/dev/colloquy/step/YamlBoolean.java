package dev.colloquy.step;

import java.io.Serializable;

/**
 * A YAML scalar read as a boolean, with the word as written. YAML 1.1 (what the YAML parser follows) reads
 * {@code yes}, {@code no}, {@code on}, {@code off}, {@code y}, {@code n} and {@code true}, {@code false} in any
 * case as booleans, so {@code mode: off} or {@code languages: [en, no]} would otherwise arrive as booleans; a key
 * that wants text takes {@link #word()}, a key that wants a boolean takes {@link #value()}.
 *
 * @param value what YAML 1.1 makes of it
 * @param word  the scalar exactly as written, e.g. {@code off}, {@code No}
 */
public record YamlBoolean(boolean value, String word) implements Serializable {

    /** The word: how the config prints in messages and in the resume fingerprint. */
    @Override
    public String toString() {
        return word;
    }
}
