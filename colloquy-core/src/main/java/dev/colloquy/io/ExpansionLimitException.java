package dev.colloquy.io;

import java.io.IOException;

/** A compressed input expanded past {@link Decompression#MAX_RATIO}: reading stopped there (a decompression bomb). */
public final class ExpansionLimitException extends IOException {

    private static final long serialVersionUID = 1L;

    public ExpansionLimitException(String message) {
        super(message);
    }
}
