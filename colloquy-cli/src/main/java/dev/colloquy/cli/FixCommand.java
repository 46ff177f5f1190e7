package dev.colloquy.cli;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.colloquy.io.AtomicFile;
import dev.colloquy.io.InputSource;
import dev.colloquy.io.InputSources;
import dev.colloquy.repair.Repair;
import dev.colloquy.repair.UnresolvedSpan;
import dev.colloquy.repair.RepairResult;
import dev.colloquy.repair.TextRepairer;
import dev.colloquy.io.IoMessages;
import dev.colloquy.io.RenamingOutputStream;
import dev.colloquy.io.OutputPaths;
import dev.colloquy.io.Utf8;
import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code colloquy fix}: repairs encoding damage line by line, stdin or files to stdout, in UTF-8.
 *
 * <p>Exactly one output line per input line. Lines are split on {@code \n} only (U+0085, U+2028 and a lone
 * {@code \r} are text), and each line keeps its terminator ({@code \r\n} stays, a last line without
 * {@code \n} stays without). Lines that are valid UTF-8 are repaired as text; other lines are decoded with
 * the most likely charset first. Clean lines are copied byte for byte, never decoded twice.
 */
@Command(name = "fix", mixinStandardHelpOptions = true,
        description = "Repair encoding damage (mojibake) line by line: stdin or files to stdout, UTF-8, one line out per line in.")
final class FixCommand implements Callable<Integer> {

    @Parameters(arity = "0..*", paramLabel = "FILE", description = "Input files, directories or globs (.gz/.zst read as such); '-' or none for stdin.")
    List<String> files = new ArrayList<>();

    @Option(names = "--explain", paramLabel = "PATH",
            description = "Also write one JSON line per input line to PATH, listing each repair. PATH must be new,"
                    + " empty or an earlier explain file (an input is never replaced): write --explain=PATH.")
    Path explain;

    private final InputStream stdin;
    private final OutputStream stdout;
    private final PrintStream stderr;

    FixCommand() {
        // Not System.out: a PrintStream swallows write errors, and a full disk would pass for success.
        this(System.in, new FileOutputStream(FileDescriptor.out), System.err);
    }

    FixCommand(InputStream stdin, OutputStream stdout, PrintStream stderr) {
        this.stdin = stdin;
        this.stdout = stdout;
        this.stderr = stderr;
    }

    @Override
    public Integer call() throws IOException {
        List<InputSource> sources;
        try {
            sources = InputSources.expand(files.isEmpty() ? List.of("-") : files, stdin);
            OutputPaths.requireDistinct(sources, Collections.singletonMap("--explain", explain));
            OutputPaths.requireReplaceable(explain, "--explain", Explainer.SIGNATURES, "to explain the repairs of '"
                    + explain + "', give it as an input and the explain file with '=': colloquy fix " + explain
                    + " --explain=NEW.jsonl (to replace the file, delete it first)");
        } catch (IllegalArgumentException | UncheckedIOException e) {
            stderr.println("colloquy fix: " + e.getMessage());
            return ExitCodes.USAGE;
        }
        Explainer explainer;
        try {
            explainer = explain == null ? null : Explainer.create(explain, sources.size() > 1);
        } catch (IOException e) {
            stderr.println("colloquy fix: cannot write the --explain file " + IoMessages.describe(e));
            return ExitCodes.USAGE;
        }
        OutputStream out = new BufferedOutputStream(new Destination(stdout, "standard output"), 1 << 16);
        int status = ExitCodes.OK;
        try (explainer) {
            LineRepairer repairer = new LineRepairer(TextRepairer.defaults(), out, explainer);
            for (InputSource source : sources) {
                try (InputStream in = source.open()) {
                    repairer.run(source.name(), in);
                } catch (WriteFailed e) {
                    throw e;
                } catch (IOException e) {
                    stderr.println("colloquy fix: cannot read '" + source.name() + "': " + IoMessages.describe(e));
                    status = ExitCodes.INPUT_PROBLEMS;
                }
            }
            out.flush();
            if (explainer != null) {
                explainer.commit();
            }
        } catch (WriteFailed e) {
            stderr.println("colloquy fix: cannot write " + e.getMessage() + "; the output is incomplete");
            return ExitCodes.INPUT_PROBLEMS;
        }
        return status;
    }

    /** A write error, told apart from read errors so the message names the output, not the input. */
    static final class WriteFailed extends IOException {
        private static final long serialVersionUID = 1L;

        WriteFailed(String what, IOException cause) {
            super(what + ": " + IoMessages.describe(cause), cause);
        }
    }

    /** An output whose every failure becomes a {@link WriteFailed} naming it. */
    static final class Destination extends RenamingOutputStream {
        private final String what;

        Destination(OutputStream out, String what) {
            super(out, e -> new WriteFailed(what, e));
            this.what = what;
        }

        @Override
        protected void afterWrite() throws IOException {
            if (out instanceof PrintStream ps && ps.checkError()) {
                throw new WriteFailed(what, new IOException("the stream reported an error"));
            }
        }
    }

    /** The line loop: split on \n, keep terminators, repair, write. Not thread-safe; one per run. */
    static final class LineRepairer {
        private final TextRepairer engine;
        private TextRepairer.Session repairer;
        private final OutputStream out;
        private final Explainer explainer;
        private byte[] line = new byte[1 << 12];

        LineRepairer(TextRepairer repairer, OutputStream out, Explainer explainer) {
            this.engine = repairer;
            this.out = out;
            this.explainer = explainer;
        }

        void run(String name, InputStream in) throws IOException {
            // one session per input: it learns which bytes this input's mis-decoding dropped
            repairer = engine.session();
            byte[] buf = new byte[1 << 16];
            int len = 0;
            long lineNo = 0;
            int n;
            while ((n = in.read(buf)) > 0) {
                int start = 0;
                for (int i = 0; i < n; i++) {
                    if (buf[i] == '\n') {
                        append(buf, start, i + 1 - start, len);
                        len += i + 1 - start;
                        handle(name, ++lineNo, len);
                        len = 0;
                        start = i + 1;
                    }
                }
                append(buf, start, n - start, len);
                len += n - start;
            }
            if (len > 0) {
                handle(name, ++lineNo, len);
            }
        }

        private void append(byte[] src, int from, int count, int at) {
            if (at + count > line.length) {
                line = java.util.Arrays.copyOf(line, Math.max(line.length * 2, at + count));
            }
            System.arraycopy(src, from, line, at, count);
        }

        private void handle(String name, long lineNo, int len) throws IOException {
            int end = len;
            if (end > 0 && line[end - 1] == '\n') {
                end--;
                if (end > 0 && line[end - 1] == '\r') {
                    end--;
                }
            }
            RepairResult result = repairLine(end);
            if (result == null || !result.changed()) {
                out.write(line, 0, len);
            } else {
                out.write(result.text().getBytes(StandardCharsets.UTF_8));
                out.write(line, end, len - end);
            }
            if (explainer != null) {
                explainer.write(name, lineNo, result == null ? List.of() : result.repairs(),
                        result == null ? List.of() : result.unresolved());
            }
        }

        /** The repair of line[0..end), or null when the line is left exactly as it was with nothing to report. */
        private RepairResult repairLine(int end) {
            boolean ascii = true;
            for (int i = 0; i < end; i++) {
                if (line[i] < 0) {
                    ascii = false;
                    break;
                }
            }
            if (ascii) {
                return null;
            }
            RepairResult r;
            if (Utf8.isValid(line, 0, end)) {
                r = repairer.repair(new String(line, 0, end, StandardCharsets.UTF_8));
            } else {
                r = repairer.repairBytes(java.util.Arrays.copyOf(line, end));
            }
            return r.hasFindings() ? r : null;
        }
    }

    /**
     * Writes the --explain JSON lines. A file appears only when the run is complete (a temporary file beside it,
     * renamed into place by {@link #commit()}; deleted when the run fails or is interrupted), so an earlier
     * explain file is never left half-replaced; devices and pipes ({@code /dev/stdout}) are written directly.
     */
    static final class Explainer implements AutoCloseable {
        /** The first keys of every line, in the order {@link #write} writes them: how an earlier output is told. */
        static final List<List<String>> SIGNATURES = List.of(List.of("line", "repairs"),
                List.of("file", "line", "repairs"));

        private final JsonGenerator json;
        private final OutputStream file;
        private final AtomicFile atomic;
        private final boolean withFile;

        private Explainer(OutputStream raw, AtomicFile atomic, Path path, boolean withFile) throws IOException {
            this.atomic = atomic;
            this.file = new BufferedOutputStream(new Destination(raw, "the --explain file '" + path + "'"), 1 << 16);
            this.json = new JsonFactory().createGenerator(file, JsonEncoding.UTF8);
            this.json.setRootValueSeparator(null);
            this.withFile = withFile;
        }

        static Explainer create(Path path, boolean withFile) throws IOException {
            if (Files.exists(path) && !Files.isRegularFile(path)) {
                return new Explainer(Files.newOutputStream(path), null, path, withFile);
            }
            if (!Files.isDirectory(path.toAbsolutePath().getParent())) {
                throw new java.nio.file.NoSuchFileException(path.toString());
            }
            AtomicFile atomic = AtomicFile.create(path);
            // Ctrl-C runs shutdown hooks, not finally blocks: the temporary file must not outlive the process
            atomic.temp().toFile().deleteOnExit();
            return new Explainer(atomic.stream(), atomic, path, withFile);
        }

        /** Finishes the file: renames it into place. Without this, {@link #close()} discards it. */
        void commit() throws IOException {
            json.close();
            file.close();
            if (atomic != null) {
                try {
                    atomic.commit();
                } catch (IOException e) {
                    throw new WriteFailed("the --explain file '" + atomic.target() + "'", e);
                }
            }
        }

        void write(String name, long lineNo, List<Repair> repairs, List<UnresolvedSpan> unresolved) throws IOException {
            json.writeStartObject();
            if (withFile) {
                json.writeStringField("file", name);
            }
            json.writeNumberField("line", lineNo);
            json.writeArrayFieldStart("repairs");
            for (Repair r : repairs) {
                json.writeStartObject();
                json.writeStringField("kind", r.kind());
                json.writeArrayFieldStart("input_span");
                json.writeNumber(r.inputStart());
                json.writeNumber(r.inputEnd());
                json.writeEndArray();
                json.writeArrayFieldStart("output_span");
                json.writeNumber(r.outputStart());
                json.writeNumber(r.outputEnd());
                json.writeEndArray();
                json.writeStringField("before", r.before());
                json.writeStringField("after", r.after());
                json.writeStringField("chain", r.chain());
                json.writeNumberField("confidence", r.confidence());
                json.writeEndObject();
            }
            json.writeEndArray();
            if (!unresolved.isEmpty()) {
                // damaged spans left as they were: the evidence could not decide between these readings
                json.writeArrayFieldStart("unresolved");
                for (UnresolvedSpan u : unresolved) {
                    json.writeStartObject();
                    json.writeArrayFieldStart("output_span");
                    json.writeNumber(u.offset());
                    json.writeNumber(u.offset() + u.length());
                    json.writeEndArray();
                    json.writeStringField("text", u.text());
                    json.writeArrayFieldStart("candidates");
                    for (String c : u.candidates()) {
                        json.writeString(c);
                    }
                    json.writeEndArray();
                    json.writeStringField("reason", u.reason());
                    json.writeEndObject();
                }
                json.writeEndArray();
            }
            json.writeEndObject();
            json.flush();
            file.write('\n');
        }

        @Override
        public void close() throws IOException {
            try {
                json.close();
                file.close();
            } finally {
                if (atomic != null) {
                    atomic.close();
                }
            }
        }
    }
}
