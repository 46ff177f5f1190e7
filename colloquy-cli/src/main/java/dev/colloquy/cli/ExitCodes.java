package dev.colloquy.cli;

/**
 * The process exit codes of every command: a stable contract for scripts. One rule for all commands:
 * {@link #RULE}. A record that a pipeline step sets aside (a filter, dedup) is curation, not an input problem;
 * a record that cannot be read (malformed JSON, invalid UTF-8, a damaged archive) is.
 */
public final class ExitCodes {
    /** Everything read was written. */
    public static final int OK = 0;
    /** The run finished, but some input was set aside (quarantined) or could not be read. */
    public static final int INPUT_PROBLEMS = 1;
    /** The command line or configuration is wrong; nothing was done. */
    public static final int USAGE = 2;

    /** The rule as printed in every command's --help. */
    public static final String RULE = "Exit codes (every command): 0 done, every input record read (kept, or set aside by a pipeline step); 1 some input could not be read (quarantined or reported, nothing lost) or the outputs could not be written; 2 usage or configuration error, nothing done.";

    private ExitCodes() {
    }
}
