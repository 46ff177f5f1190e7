package dev.colloquy.cli;

import dev.colloquy.format.ConversationReader;
import dev.colloquy.format.ConversationWriter;
import dev.colloquy.format.OutputFormat;
import dev.colloquy.format.OutputStyle;
import dev.colloquy.format.QuarantineWriter;
import dev.colloquy.format.ReadResult;
import dev.colloquy.format.RoleMap;
import dev.colloquy.format.TableFormat;
import dev.colloquy.io.AtomicFile;
import dev.colloquy.io.InputSource;
import dev.colloquy.io.IoMessages;
import dev.colloquy.io.OutputPaths;
import dev.colloquy.model.Conversation;
import dev.colloquy.model.Rejection;
import dev.colloquy.pipeline.steps.RepairStep;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code colloquy convert}: reads conversations in any supported format and writes them in one, streaming.
 * Records that cannot be read go to the quarantine; the summary goes to stderr.
 */
@Command(name = "convert", mixinStandardHelpOptions = true,
        description = {"Convert conversations between formats, streaming; unreadable records go to the quarantine.",
                "Formats: transcript ([A]: text), openai ({\"messages\":[...]}), sharegpt ({\"conversations\":[...]}),",
                "parquet (Hugging Face chat schema; needs -o). Parquet inputs are recognized by their magic bytes."},
        footer = {"", "Without -o, records go to stdout and the quarantine (if anything is quarantined) to "
                + "./colloquy-quarantine.jsonl. With -o OUT it defaults to OUT.quarantine.jsonl. Outputs appear "
                + "only when complete (temporary file + rename).",
                ExitCodes.RULE})
final class ConvertCommand implements Callable<Integer> {

    static final String DEFAULT_QUARANTINE = "colloquy-quarantine.jsonl";

    /** The first keys of every quarantine line ({@link QuarantineWriter}): how an earlier quarantine is told. */
    static final List<List<String>> QUARANTINE_SIGNATURES = List.of(List.of("source", "step", "reason"));

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    InputOptions input = new InputOptions();

    @Option(names = "--to", required = true, paramLabel = "FORMAT",
            converter = FormatNames.Out.class, completionCandidates = FormatNames.Out.class,
            description = "Output format: ${COMPLETION-CANDIDATES}.")
    OutputFormat to;

    @Option(names = {"-o", "--output"}, paramLabel = "OUT", description = "Output file (default: stdout).")
    Path output;

    @Option(names = "--quarantine", paramLabel = "PATH",
            description = "Where unreadable records go (default: OUT.quarantine.jsonl, or ./" + DEFAULT_QUARANTINE
                    + " when writing to stdout). It must be new, empty or an earlier quarantine file.")
    Path quarantine;

    @Option(names = "--repair", negatable = true, defaultValue = "false",
            description = "Repair encoding damage (mojibake) in each turn and record what changed (default: off).")
    boolean repair;

    @Option(names = "--names", description = "OpenAI output: put the speaker label in each message's optional"
            + " \"name\" field too (default: only in meta.speakers, so every message has the same keys).")
    boolean names;

    @Option(names = "--sharegpt-roles", paramLabel = "MAP",
            description = "ShareGPT output: the \"from\" of each role, e.g. user=user,assistant=assistant (default:"
                    + " user=human,assistant=gpt,system=system,tool=tool; output.sharegpt_roles in a pipeline).")
    String sharegptRoles;

    /** Standard input, replaceable by tests. */
    InputStream stdin = System.in;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        InputOptions.Opened opened = input.open(stdin, err, "colloquy convert");
        if (opened == null) {
            return ExitCodes.USAGE;
        }
        List<InputSource> sources = opened.sources();
        RoleMap roles = opened.roles();
        OutputStyle style;
        try {
            style = OutputStyle.of(names, sharegptRoles);
        } catch (IllegalArgumentException e) {
            err.println("colloquy convert: " + e.getMessage());
            return ExitCodes.USAGE;
        }
        if (input.maxLineBytes < 1) {
            err.println("colloquy convert: --max-line-bytes must be at least 1, was " + input.maxLineBytes);
            return ExitCodes.USAGE;
        }
        TableFormat table = null;
        if (to == OutputFormat.PARQUET) {
            if (output == null) {
                err.println("colloquy convert: --to parquet needs -o OUT.parquet (Parquet is a binary file, "
                        + "finished by a footer, so it is not written to stdout)");
                return ExitCodes.USAGE;
            }
            table = TableFormat.named("parquet").orElse(null);
            if (table == null) {
                err.println("colloquy convert: --to parquet needs the colloquy-parquet module on the classpath");
                return ExitCodes.USAGE;
            }
        }
        Path quarantinePath = quarantine != null ? quarantine
                : output != null ? Paths.get(output + ".quarantine.jsonl") : Paths.get(DEFAULT_QUARANTINE);
        try {
            Map<String, Path> outputs = new LinkedHashMap<>();
            outputs.put("-o", output);
            outputs.put("--quarantine", quarantinePath);
            OutputPaths.requireDistinct(sources, outputs);
            // "--quarantine bad.jsonl" reads like a switch; never let it empty a file that is not a quarantine
            OutputPaths.requireReplaceable(quarantinePath, "--quarantine", QUARANTINE_SIGNATURES, "to read '"
                    + quarantinePath + "', give it as an input and name a new quarantine file with '=': --quarantine="
                    + "NEW.jsonl (to replace the file, delete it first)");
        } catch (IllegalArgumentException e) {
            err.println("colloquy convert: " + e.getMessage());
            return ExitCodes.USAGE;
        }
        AtomicFile outFile = null;
        AtomicFile quarantineFile = null;
        RunSummary summary = new RunSummary();
        try {
            try {
                outFile = output == null ? null : AtomicFile.create(output);
                quarantineFile = AtomicFile.create(quarantinePath);
            } catch (IOException e) {
                err.println("colloquy convert: cannot write " + IoMessages.describe(e));
                return ExitCodes.USAGE;
            }
            RecordSink writer = table != null ? RecordSink.of(table.create(outFile.temp(), OutputFormat.OPENAI))
                    : RecordSink.of(ConversationWriter.of(to, outFile != null ? outFile.writer()
                    : StdoutWriter.checked(spec.commandLine().getOut(), "standard output"), style));
            QuarantineWriter quarantined = QuarantineWriter.of(quarantineFile.writer());
            for (InputSource source : sources) {
                summary.input();
                try (Stream<ReadResult> results = ConversationReader.read(source, input.from, roles,
                        input.maxLineBytes)) {
                    Iterator<ReadResult> it = results.iterator();
                    while (it.hasNext()) {
                        ReadResult r = it.next();
                        summary.read();
                        if (r instanceof ReadResult.Ok ok) {
                            writer.write(repair ? RepairStep.repairTurns(ok.conversation()) : ok.conversation());
                            summary.written();
                        } else {
                            Rejection rejection = ((ReadResult.Bad) r).rejection();
                            quarantined.write(rejection);
                            summary.quarantined(rejection);
                        }
                    }
                }
            }
            writer.finish();
            quarantined.flush();
            if (outFile != null) {
                outFile.commit();
            }
            if (summary.quarantinedTotal() > 0 || quarantine != null) {
                quarantineFile.commit();
            }
        } catch (IOException | UncheckedIOException e) {
            String why = e instanceof UncheckedIOException u ? IoMessages.describe(u)
                    : IoMessages.describe((IOException) e);
            err.println("colloquy convert: writing failed, " + (output == null
                    ? "standard output is incomplete: " : "no output was left behind: ") + why);
            return ExitCodes.INPUT_PROBLEMS;
        } finally {
            closeQuietly(outFile);
            closeQuietly(quarantineFile);
        }
        err.println(summary.paragraph("colloquy convert", output == null ? "stdout" : output.toString(),
                quarantinePath.toString()));
        return summary.quarantinedTotal() > 0 ? ExitCodes.INPUT_PROBLEMS : ExitCodes.OK;
    }

    private static void closeQuietly(AtomicFile f) {
        if (f == null) {
            return;
        }
        try {
            f.close();
        } catch (IOException ignored) {
            // the temporary file is gone or was never written; nothing more to do
        }
    }
}
