package dev.colloquy.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** TODO(fix): placeholder, replaced by the work that builds this command. */
@Command(name = "fix", mixinStandardHelpOptions = true, description = "Repair encoding damage (mojibake) line by line.")
final class FixCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        System.err.println("colloquy fix: not implemented yet");
        return ExitCodes.USAGE;
    }
}
