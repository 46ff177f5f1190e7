package dev.colloquy.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** TODO(run): placeholder, replaced by the work that builds this command. */
@Command(name = "run", mixinStandardHelpOptions = true, description = "Run the curation pipeline described by a YAML file.")
final class RunCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        System.err.println("colloquy run: not implemented yet");
        return ExitCodes.USAGE;
    }
}
