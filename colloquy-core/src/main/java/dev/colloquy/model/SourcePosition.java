package dev.colloquy.model;

import java.io.Serializable;
import java.util.Objects;

/**
 * Where a record came from: a file (or {@code -} for stdin) and the 1-based line it starts on.
 * Rendered as {@code path:line}, the form used in quarantine records and reports.
 */
public record SourcePosition(String file, long line) implements Serializable {

    public SourcePosition {
        Objects.requireNonNull(file, "file");
        if (line < 0) {
            throw new IllegalArgumentException("line must be >= 0, was " + line);
        }
    }

    @Override
    public String toString() {
        return file + ":" + line;
    }
}
