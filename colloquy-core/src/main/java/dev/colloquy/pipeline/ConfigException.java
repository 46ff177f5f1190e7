package dev.colloquy.pipeline;

/**
 * A pipeline configuration that cannot be used. The message is ready to show a person and starts with
 * {@code file:line:} when the problem has a place in the file, e.g.
 * {@code pipeline.yaml:12: unknown key 'treshold' in dedup (valid: bands, mode, ...)}.
 */
public final class ConfigException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ConfigException(String message) {
        super(message);
    }

    static ConfigException at(String file, int line, String message) {
        return new ConfigException(line > 0 ? file + ":" + line + ": " + message : file + ": " + message);
    }
}
