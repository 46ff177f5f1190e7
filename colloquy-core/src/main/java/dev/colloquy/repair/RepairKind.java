package dev.colloquy.repair;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** What a {@link Repair} did. {@link #wireName()} is the stable name in explanations and findings. */
public enum RepairKind {
    /** Text encoded as UTF-8 and decoded with a single-byte code page (one or more layers), undone. */
    MOJIBAKE,
    /** Mojibake whose code page dropped bytes; the lost bytes were reconstructed. */
    LOSSY_MOJIBAKE,
    /** C1 control characters standing for windows-1252 punctuation, replaced. */
    C1_CONTROLS,
    /** Raw bytes of a legacy encoding (GBK, Shift_JIS, windows-125x, ...), read as that encoding. */
    CHARSET_DETECTED,
    /** HTML character references unescaped (off by default). */
    HTML_UNESCAPED,
    /** Curly quotes straightened (off by default). */
    QUOTES_STRAIGHTENED,
    /** Full-width forms folded to ASCII (off by default). */
    FULLWIDTH_TO_ASCII;

    private final String wireName = name().toLowerCase(Locale.ROOT);

    /** The snake_case name: {@code mojibake}, {@code lossy_mojibake}, ... */
    @JsonValue
    public String wireName() {
        return wireName;
    }

    /** The wire name. */
    @Override
    public String toString() {
        return wireName;
    }
}
