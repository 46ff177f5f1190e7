package dev.colloquy.pipeline;

import dev.colloquy.format.JsonlRecords;
import dev.colloquy.format.OutputFormat;
import dev.colloquy.format.ReadResult;
import dev.colloquy.format.RoleMap;
import dev.colloquy.format.TableFormat;
import dev.colloquy.format.TableWriter;
import dev.colloquy.io.AtomicFile;
import dev.colloquy.io.Compression;
import dev.colloquy.model.SourcePosition;
import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Turns the journals of a run's lines into the final outputs: {@code kept.jsonl} (or shards {@code kept-00000.jsonl}
 * of {@code shard_size} records, optionally {@code .gz}/{@code .zst}; {@code kept.txt} for transcripts) and
 * {@code quarantine.jsonl}, each; {@code kept.parquet} (or shards {@code kept-00000.parquet}) for Parquet,
 * written atomically. A journal that is the output as it stands (one file, uncompressed) becomes it without a copy.
 * Kept files of an earlier run that this run did not write are removed, so the directory never mixes two runs'
 * shards. GZIP headers carry no timestamp (the JDK writes 0), so outputs are byte-stable.
 */
final class OutputAssembler {

    /** Every kept file a run writes, and so removes when a later run into the directory did not write it. */
    static final String KEPT_GLOB = "kept*.{jsonl,txt,parquet}*";

    private final Path out;
    private final PipelineConfig.OutputSpec spec;
    private long keptLines;

    OutputAssembler(Path out, PipelineConfig.OutputSpec spec) {
        this.out = out;
        this.spec = spec;
    }

    /**
     * Writes the outputs from the journals of kept and quarantine lines (closing them); returns the file names
     * written.
     */
    List<String> assemble(LineJournal kept, LineJournal quarantine) throws IOException {
        List<String> written = new ArrayList<>();
        kept.close();
        if (spec.format() == OutputFormat.PARQUET) {
            assembleTables(kept.file(), written);
        } else if (spec.shardSize() == 0 && spec.compression() == Compression.NONE) {
            String name = spec.format() == OutputFormat.TRANSCRIPT ? "kept.txt" : "kept.jsonl";
            kept.publish(out.resolve(name));
            keptLines = kept.lines();
            written.add(name);
        } else {
            assembleLines(kept.file(), written);
        }
        quarantine.publish(out.resolve("quarantine.jsonl"));
        written.add("quarantine.jsonl");
        removeStaleKept(written);
        return written;
    }

    /*
     * Parquet: the chunks hold the OpenAI records as JSON lines (a lossless form of the conversation); each is read
     * back and written to kept.parquet, or to shards of shard_size records, by the installed TableFormat.
     */
    private void assembleTables(Path lines, List<String> written) throws IOException {
        TableFormat table = TableFormat.named("parquet").orElseThrow(() -> new IllegalStateException(
                "output.format: parquet needs the colloquy-parquet module on the classpath"
                        + " (the colloquy command has it)"));
        AtomicFile current = null;
        TableWriter writer = null;
        int shard = 0;
        try {
            try (BufferedReader in = Files.newBufferedReader(lines, StandardCharsets.UTF_8)) {
                String line;
                long n = 0;
                while ((line = in.readLine()) != null) {
                    n++;
                    if (writer == null || (spec.shardSize() > 0 && writer.written() == spec.shardSize())) {
                        if (writer != null) {
                            writer.close();
                            current.commit();
                        }
                        String name = spec.shardSize() > 0
                                ? String.format(Locale.ROOT, "kept-%05d.parquet", shard++) : "kept.parquet";
                        current = AtomicFile.create(out.resolve(name));
                        writer = table.create(current.temp(), OutputFormat.OPENAI);
                        written.add(name);
                    }
                    ReadResult r = JsonlRecords.parse(line, new SourcePosition(lines.toString(), n),
                            RoleMap.defaults());
                    if (!(r instanceof ReadResult.Ok ok)) {
                        throw new IllegalStateException("kept record " + n + " does not read back: "
                                + ((ReadResult.Bad) r).rejection().message());
                    }
                    writer.write(ok.conversation());
                    keptLines++;
                }
            }
            if (writer == null) {
                current = AtomicFile.create(out.resolve("kept.parquet"));
                writer = table.create(current.temp(), OutputFormat.OPENAI);
                written.add("kept.parquet");
            }
            writer.close();
            current.commit();
        } finally {
            if (current != null) {
                current.close();
            }
        }
    }

    /** Kept lines in shards or compressed: copied from the journal. */
    private void assembleLines(Path lines, List<String> written) throws IOException {
        String ext = (spec.format() == OutputFormat.TRANSCRIPT ? ".txt" : ".jsonl") + spec.compression().suffix();
        int shard = 0;
        long inShard = 0;
        AtomicOutput current = null;
        OutputStream stream = null;
        try {
            if (spec.shardSize() == 0) {
                current = new AtomicOutput(out.resolve("kept" + ext));
                stream = compress(current.stream());
                written.add("kept" + ext);
                keptLines += copyCountingLines(lines, stream);
            } else {
                try (InputStream in = new BufferedInputStream(Files.newInputStream(lines), 1 << 16)) {
                    byte[] line;
                    while ((line = readLine(in)) != null) {
                        if (current == null || inShard == spec.shardSize()) {
                            if (current != null) {
                                stream.close();
                                current.commit();
                            }
                            String name = String.format(Locale.ROOT, "kept-%05d%s", shard++, ext);
                            current = new AtomicOutput(out.resolve(name));
                            stream = compress(current.stream());
                            written.add(name);
                            inShard = 0;
                        }
                        stream.write(line);
                        inShard++;
                        keptLines++;
                    }
                }
            }
            if (current != null) {
                stream.close();
                current.commit();
            }
        } finally {
            if (current != null) {
                current.close();
            }
        }
    }

    /** Lines written to kept files: one per record for the JSON formats. */
    long keptLines() {
        return keptLines;
    }

    private static long copyCountingLines(Path from, OutputStream to) throws IOException {
        long lines = 0;
        byte[] buf = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(from)) {
            int n;
            while ((n = in.read(buf)) > 0) {
                for (int i = 0; i < n; i++) {
                    if (buf[i] == '\n') {
                        lines++;
                    }
                }
                to.write(buf, 0, n);
            }
        }
        return lines;
    }

    private OutputStream compress(OutputStream raw) throws IOException {
        return spec.compression().wrap(raw);
    }

    /** One line including its {@code \n}, or null at the end. Lines are ours, so always newline-terminated. */
    private static byte[] readLine(InputStream in) throws IOException {
        java.io.ByteArrayOutputStream b = new java.io.ByteArrayOutputStream(256);
        int ch;
        while ((ch = in.read()) >= 0) {
            b.write(ch);
            if (ch == '\n') {
                return b.toByteArray();
            }
        }
        return b.size() == 0 ? null : b.toByteArray();
    }

    private void removeStaleKept(List<String> written) throws IOException {
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(out, KEPT_GLOB)) {
            for (Path p : ds) {
                if (!written.contains(p.getFileName().toString())) {
                    Files.delete(p);
                }
            }
        }
    }
}
