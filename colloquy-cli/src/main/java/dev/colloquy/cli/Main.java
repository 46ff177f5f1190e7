package dev.colloquy.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code colloquy} command: repair and curate corpora of conversation transcripts. */
@Command(name = "colloquy",
        mixinStandardHelpOptions = true,
        versionProvider = Main.Version.class,
        description = "Repair and curate corpora of multi-turn conversation transcripts.",
        subcommands = {FixCommand.class, ConvertCommand.class, InspectCommand.class, RunCommand.class},
        footer = {"", ExitCodes.RULE})
public final class Main implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing command: try 'colloquy --help'");
    }

    /** Builds the command line with our conventions: UTF-8 streams, usage errors exit 2. */
    public static CommandLine commandLine() {
        return configure(new CommandLine(new Main()));
    }

    /**
     * {@code colloquy fix} alone, named as in the whole tree: what {@link #main} runs for {@code fix}, since building
     * the tree (picocli's reflection over every command and option, and the classes that loads: Jackson's mapper,
     * the pipeline's types) was most of what a one-line {@code fix} cost.
     */
    static CommandLine fixCommandLine() {
        CommandLine fix = configure(new CommandLine(new FixCommand()));
        fix.setCommandName("colloquy fix");
        return fix;
    }

    private static CommandLine configure(CommandLine cl) {
        // Not System.out: a PrintStream swallows write errors (a full disk would pass for success).
        cl.setOut(new StdoutWriter(new java.io.FileOutputStream(java.io.FileDescriptor.out)));
        cl.setErr(new PrintWriter(new java.io.OutputStreamWriter(System.err, StandardCharsets.UTF_8), true));
        cl.setExitCodeExceptionMapper(e -> e instanceof CommandLine.ParameterException ? ExitCodes.USAGE : ExitCodes.INPUT_PROBLEMS);
        return cl;
    }

    /** The whole command tree; {@link Entry}, the jar's entry point, answers the commands that need none first. */
    public static void main(String[] args) {
        boolean fix = args.length > 0 && args[0].equals("fix");
        CommandLine cl = fix ? fixCommandLine() : commandLine();
        System.exit(cl.execute(fix ? java.util.Arrays.copyOfRange(args, 1, args.length) : args));
    }

    /** The version Maven filtered into {@code version.properties}. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {Entry.version()};
        }
    }
}
