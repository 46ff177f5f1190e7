package dev.colloquy.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Properties;

/**
 * The jar's entry point: answers {@code --version} and a {@code fix} with plain arguments ({@link PlainFixArguments})
 * itself, and hands everything else to {@link Main}'s picocli command tree.
 *
 * <p>This class names no picocli type on purpose. Loading a class from the launcher's class-data archive re-checks
 * the types its verification relied on, and {@link Main}'s code (its exception mapper, its picocli fields) would make
 * the JVM load picocli's classes, which the archive cannot hold (Java 5 class files), from the last jars of the class
 * path, opening all the others to look for them: every start of {@code fix} paid for a tree it did not use.
 */
public final class Entry {

    private Entry() {
    }

    public static void main(String[] args) {
        if (args.length == 1 && (args[0].equals("--version") || args[0].equals("-V"))) {
            PrintWriter out = new PrintWriter(new java.io.OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
            out.println(version());
            System.exit(out.checkError() ? ExitCodes.INPUT_PROBLEMS : ExitCodes.OK);
        }
        if (args.length > 0 && args[0].equals("fix")) {
            FixCommand plain = PlainFixArguments.parse(Arrays.copyOfRange(args, 1, args.length));
            if (plain != null) {
                System.exit(execute(plain, System.err));
            }
        }
        Main.main(args);
    }

    /**
     * Runs a command as picocli's {@code execute} would: its exit code, or, when it throws, the stack trace on
     * {@code stderr} and {@link ExitCodes#INPUT_PROBLEMS} (what {@link Main}'s exception mapper answers).
     */
    static int execute(FixCommand command, PrintStream stderr) {
        try {
            return command.call();
        } catch (Exception e) {
            e.printStackTrace(stderr);
            return ExitCodes.INPUT_PROBLEMS;
        }
    }

    /** {@code colloquy VERSION}, the version Maven filtered into {@code version.properties}. */
    static String version() {
        Properties p = new Properties();
        try (InputStream in = Entry.class.getResourceAsStream("version.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            // a jar without its version file still answers
        }
        return "colloquy " + p.getProperty("version", "unknown");
    }
}
