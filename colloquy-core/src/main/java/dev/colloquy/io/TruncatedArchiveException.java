package dev.colloquy.io;

import java.io.IOException;

/** A compressed input ended early or is corrupt: everything before the damage was readable. */
public final class TruncatedArchiveException extends IOException {

    private static final long serialVersionUID = 1L;

    public TruncatedArchiveException(String message, Throwable cause) {
        super(message, cause);
    }
}
