package dev.colloquy.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** TODO(convert): placeholder, replaced by the work that builds this command. */
@Command(name = "convert", mixinStandardHelpOptions = true, description = "Convert conversations between formats.")
final class ConvertCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        System.err.println("colloquy convert: not implemented yet");
        return ExitCodes.USAGE;
    }
}
