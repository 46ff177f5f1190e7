package dev.colloquy.cli;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code colloquy fix}'s arguments read without picocli when they are plain: files (or {@code -}) and at most one
 * {@code --explain=PATH} / {@code --explain PATH}. Anything else (help, version, an unknown or repeated option,
 * {@code --}, an {@code @argument-file}, a value that is not a path) is left to picocli, which answers it as before.
 *
 * <p>Why: picocli's classes are Java 5 class files, which the launcher's class-data archive (JDK 17 dynamic CDS)
 * cannot hold, so building its model of {@code fix} loaded and verified ~170 classes on every start, and its
 * factory's probe for Groovy's {@code Closure} opened every jar on the class path to miss it: ~0.1 CPU-s of every
 * {@code fix}, a fifth of a clean 5 MB file's whole process.
 */
final class PlainFixArguments {

    private static final String EXPLAIN = "--explain";

    private PlainFixArguments() {
    }

    /**
     * The command these arguments ask for, with the fields picocli would have set, or null when picocli must read
     * them. Reads stdin, stdout and stderr as {@link FixCommand#FixCommand()} does.
     */
    static FixCommand parse(String... args) {
        List<String> files = new ArrayList<>();
        String explain = null;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            String value;
            if (arg.startsWith(EXPLAIN + "=")) {
                value = arg.substring(EXPLAIN.length() + 1);
            } else if (arg.equals(EXPLAIN) && i + 1 < args.length) {
                value = args[++i];
            } else if (arg.equals("-") || isPlain(arg)) {
                files.add(arg);
                continue;
            } else {
                return null;
            }
            if (explain != null || !isPlain(value)) {
                return null;
            }
            explain = value;
        }
        FixCommand command = new FixCommand();
        command.files = files;
        if (explain != null) {
            try {
                command.explain = Path.of(explain);
            } catch (InvalidPathException e) {
                return null;
            }
        }
        return command;
    }

    // not empty, not an option (picocli reads '-...' as one) and not an @argument-file picocli would expand
    private static boolean isPlain(String arg) {
        return !arg.isEmpty() && arg.charAt(0) != '-' && arg.charAt(0) != '@';
    }
}
