package dev.colloquy.cli;

/** The process exit codes of every command: a stable contract for scripts. */
public final class ExitCodes {
    /** Everything read was written. */
    public static final int OK = 0;
    /** The run finished, but some input was set aside (quarantined) or could not be read. */
    public static final int INPUT_PROBLEMS = 1;
    /** The command line or configuration is wrong; nothing was done. */
    public static final int USAGE = 2;

    private ExitCodes() {
    }
}
