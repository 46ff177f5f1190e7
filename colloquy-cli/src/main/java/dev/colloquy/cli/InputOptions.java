package dev.colloquy.cli;

import dev.colloquy.format.Columns;
import dev.colloquy.format.ConversationReader;
import dev.colloquy.format.InputFormat;
import dev.colloquy.format.RoleMap;
import dev.colloquy.io.InputSource;
import dev.colloquy.io.InputSources;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Input options shared by the commands that read conversations: {@code INPUT...}, --from, --roles, --max-line-bytes. */
final class InputOptions {

    @Parameters(paramLabel = "INPUT", arity = "1..*",
            description = "Files, directories (read recursively), glob patterns, or - for stdin. .gz and .zst are read transparently.")
    List<String> inputs = new ArrayList<>();

    @Option(names = "--from", paramLabel = "FORMAT", defaultValue = "auto",
            converter = FormatNames.In.class, completionCandidates = FormatNames.In.class,
            description = "Input format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}, detected per file and per line).")
    InputFormat from = InputFormat.AUTO;

    @Option(names = "--roles", paramLabel = "MAP",
            description = "Speaker roles, e.g. A=user,B=assistant. Default: a label naming a role keeps it; "
                    + "otherwise the first speaker is user, the second assistant.")
    String roles;

    @Option(names = "--max-line-bytes", paramLabel = "N", defaultValue = "" + ConversationReader.DEFAULT_MAX_LINE_BYTES,
            description = "Lines longer than this are quarantined as line_too_long (default: ${DEFAULT-VALUE}).")
    int maxLineBytes = ConversationReader.DEFAULT_MAX_LINE_BYTES;

    @Option(names = "--columns", paramLabel = "MAP",
            description = "Map your column and message-key names to ours, e.g. messages=dialog,role=speaker,content=text"
                    + " (keys: messages, conversations, conversation, instruction, input, output, system, history, id,"
                    + " role, content, from, value).")
    String columns;

    /** What the input options name, expanded and parsed. */
    record Opened(List<InputSource> sources, RoleMap roles) {
    }

    /**
     * The inputs expanded ({@code -} is {@code stdin}) with the parsed role map, or null after printing
     * "{@code command}: what is wrong" to {@code err}, which the caller answers with a usage error.
     */
    Opened open(InputStream stdin, PrintWriter err, String command) {
        try {
            return new Opened(InputSources.expand(inputs, stdin), roleMap());
        } catch (IllegalArgumentException | UncheckedIOException e) {
            err.println(command + ": " + e.getMessage());
            return null;
        }
    }

    /** The parsed --roles and --columns; throws IllegalArgumentException naming the bad entry. */
    RoleMap roleMap() {
        return RoleMap.parse(roles).withColumns(Columns.parse(columns));
    }
}
