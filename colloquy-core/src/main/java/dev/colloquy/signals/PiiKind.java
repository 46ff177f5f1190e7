package dev.colloquy.signals;

import java.util.Locale;

/** The kinds of personal data {@link PiiDetector} finds. */
public enum PiiKind {
    EMAIL,
    PHONE,
    IP_ADDRESS,
    CREDIT_CARD,
    URL_CREDENTIALS;

    /** The placeholder stem used by {@link PiiRedactor}: {@code EMAIL} gives {@code <EMAIL_1>}. */
    String placeholderStem() {
        return name().toUpperCase(Locale.ROOT);
    }
}
