package dev.colloquy.pipeline;

import dev.colloquy.format.ConversationReader;
import dev.colloquy.format.InputFormat;
import dev.colloquy.format.LineTally;
import dev.colloquy.format.OutputFormat;
import dev.colloquy.format.QuarantineWriter;
import dev.colloquy.format.ReadResult;
import dev.colloquy.format.RecordJson;
import dev.colloquy.format.RoleMap;
import dev.colloquy.io.InputSource;
import dev.colloquy.io.InputSources;
import dev.colloquy.model.Conversation;
import dev.colloquy.model.Rejection;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The pipeline's codec over {@code dev.colloquy.format}: inputs expand with {@link InputSources}, records are
 * read by {@link ConversationReader}, kept records render with {@link RecordJson} and rejections with
 * {@link QuarantineWriter}. A transcript-format kept record is its tagged lines followed by a {@code ---} line.
 * Stateless and serializable, so a distributed engine can render lines exactly as the local one does.
 */
public final class FormatCodec implements RecordCodec, java.io.Serializable {

    private static final long serialVersionUID = 1L;

    @Override
    public List<Input> inputs(List<String> paths) {
        List<Input> out = new ArrayList<>();
        for (InputSource s : InputSources.expand(paths)) {
            out.add(new SourceInput(s));
        }
        return out;
    }

    @Override
    public void read(Input input, InputStream in, PipelineConfig.InputSpec spec, Sink sink) {
        InputSource opened = new InputSource() {
            @Override
            public String name() {
                return input.name();
            }

            @Override
            public InputStream open() {
                return in;
            }

            @Override
            public long size() {
                return input.size();
            }
        };
        InputFormat format = spec.format();
        RoleMap roles = spec.roleMap();
        LineTally tally = new LineTally();
        try (Stream<ReadResult> records = ConversationReader.read(opened, format, roles,
                ConversationReader.DEFAULT_MAX_LINE_BYTES, tally)) {
            records.forEachOrdered(r -> {
                if (r instanceof ReadResult.Ok ok) {
                    sink.conversation(ok.conversation());
                } else {
                    sink.unreadable(((ReadResult.Bad) r).rejection());
                }
            });
        }
        if (tally.jsonLines()) {
            sink.lines(tally.lines(), tally.blankLines());
        }
    }

    @Override
    public String keptLine(Conversation c, OutputFormat f) {
        // Parquet is assembled from the OpenAI records (OutputAssembler); the chunk files hold those lines.
        String text = RecordJson.toJson(c, f == OutputFormat.PARQUET ? OutputFormat.OPENAI : f);
        return f == OutputFormat.TRANSCRIPT ? text + "\n---" : text;
    }

    @Override
    public String quarantineLine(Rejection r) {
        return QuarantineWriter.toJson(r);
    }

    /** An input source with an identity for resume checks: size and modification time when it is a file. */
    private record SourceInput(InputSource source) implements Input {
        @Override
        public String name() {
            return source.name();
        }

        @Override
        public long size() {
            return source.size();
        }

        @Override
        public String identity() {
            String id = Long.toString(source.size());
            try {
                Path p = Paths.get(source.name());
                if (Files.isRegularFile(p)) {
                    id += "@" + Files.getLastModifiedTime(p).toMillis();
                }
            } catch (IOException | RuntimeException e) {
                // stdin or an odd name: size alone identifies it
            }
            return id;
        }

        @Override
        public InputStream open() throws IOException {
            return source.open();
        }
    }
}
