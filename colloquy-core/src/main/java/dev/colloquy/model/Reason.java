package dev.colloquy.model;

import java.io.Serializable;
import java.util.Objects;

/**
 * Why a record was set aside: a stable snake_case code ({@code malformed_json}, {@code too_few_turns}), counted
 * per step in {@code stats.json} and written to the quarantine. Compared, ordered and counted as a value, by its
 * code.
 *
 * <p>A record, not an enum: the built-in codes are constants of the classes that reject ({@code ReadReason},
 * {@code DuplicateOf.Kind}, each filter), but {@code blocklist} and {@code max_findings} take a code the user
 * names in the pipeline file, so no closed set can hold them all. The code is parsed into a {@code Reason} once,
 * where it is configured, and stays typed until the writer edge.
 *
 * @param code the code written to the quarantine and {@code stats.json}
 */
public record Reason(String code) implements Comparable<Reason>, Serializable {

    public Reason {
        Objects.requireNonNull(code, "reason");
    }

    /** The reason with this code. */
    public static Reason of(String code) {
        return new Reason(code);
    }

    /** In the order of their codes, as {@code stats.json} lists them. */
    @Override
    public int compareTo(Reason other) {
        return code.compareTo(other.code);
    }

    /** The code. */
    @Override
    public String toString() {
        return code;
    }
}
