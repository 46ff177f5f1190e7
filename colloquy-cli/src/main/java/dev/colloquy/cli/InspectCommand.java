package dev.colloquy.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** TODO(inspect): placeholder, replaced by the work that builds this command. */
@Command(name = "inspect", mixinStandardHelpOptions = true, description = "Show what is wrong with each conversation.")
final class InspectCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        System.err.println("colloquy inspect: not implemented yet");
        return ExitCodes.USAGE;
    }
}
