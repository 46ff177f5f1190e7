package dev.colloquy.repair;

/**
 * The repair engine's facade: undoes encoding damage (mojibake) in text, and never changes correct text.
 * Thread-safe; one instance can serve all threads.
 *
 * <p>TODO(repair): placeholder so other packages compile; the repair work replaces the body.
 */
public final class TextRepairer {

    private static final TextRepairer DEFAULTS = new TextRepairer();

    private TextRepairer() {
    }

    /** The engine with default settings. */
    public static TextRepairer defaults() {
        return DEFAULTS;
    }

    /** Repairs one text (one line or one turn), returning the result and the list of repairs. */
    public RepairResult repair(String text) {
        return new RepairResult(text, java.util.List.of());
    }
}
