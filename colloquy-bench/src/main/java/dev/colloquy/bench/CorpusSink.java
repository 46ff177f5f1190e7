package dev.colloquy.bench;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.colloquy.model.Role;

import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;

/**
 * Writes generated records to the three corpus files and their ground truth to {@code truth.jsonl}.
 * Streams with Jackson's generator over buffered output, so generation runs far faster than any reader.
 */
final class CorpusSink implements AutoCloseable {

    /*
     * Malformed lines, by kind: JSONL gets a truncated object, plain prose, "messages" that is not an
     * array, a message whose content is a number, or bytes that are not UTF-8; transcripts get a block
     * between "---" separators with no speaker tag. The truth line names the kind.
     */
    private static final List<String> MALFORMED_JSONL = List.of(
            "truncated_json", "not_json", "messages_not_array", "content_not_string", "invalid_utf8");

    private final Counting[] streams = new Counting[CorpusFormat.values().length];
    private final JsonGenerator[] generators = new JsonGenerator[2];
    private final long[] lines = new long[CorpusFormat.values().length];
    private final JsonGenerator truth;
    private final Counting truthStream;
    private boolean firstTranscript = true;

    CorpusSink(Path dir) throws IOException {
        JsonFactory factory = new JsonFactory();
        for (CorpusFormat f : CorpusFormat.values()) {
            streams[f.ordinal()] = new Counting(new BufferedOutputStream(Files.newOutputStream(dir.resolve(f.fileName())), 1 << 16));
        }
        generators[CorpusFormat.OPENAI.ordinal()] = factory.createGenerator(streams[0], JsonEncoding.UTF8);
        generators[CorpusFormat.SHAREGPT.ordinal()] = factory.createGenerator(streams[1], JsonEncoding.UTF8);
        truthStream = new Counting(new BufferedOutputStream(Files.newOutputStream(dir.resolve("truth.jsonl")), 1 << 16));
        truth = factory.createGenerator(truthStream, JsonEncoding.UTF8);
        // Jackson separates root values with a space by default; JSON Lines wants each object to start its line.
        for (JsonGenerator g : List.of(generators[0], generators[1], truth)) {
            g.setRootValueSeparator(null);
        }
    }

    static String malformedKind(CorpusFormat format, Random random) {
        return format == CorpusFormat.TRANSCRIPT ? "no_speaker_tags" : MALFORMED_JSONL.get(random.nextInt(MALFORMED_JSONL.size()));
    }

    /** Bytes written to the three corpus files so far (within one buffer of the truth). */
    long bytes() {
        long n = 0;
        for (Counting c : streams) {
            n += c.count;
        }
        return n;
    }

    void write(CorpusGenerator.Planted p) throws IOException {
        CorpusFormat f = p.format();
        long line = lines[f.ordinal()] + 1;
        if (f == CorpusFormat.TRANSCRIPT) {
            line += writeTranscript(p);
        } else {
            lines[f.ordinal()]++;
            if (p.defect() == Defect.MALFORMED) {
                writeMalformed(generators[f.ordinal()], streams[f.ordinal()], p);
            } else {
                writeJson(generators[f.ordinal()], f, p.chat(), p.chat().turns());
            }
        }
        truth.writeStartObject();
        truth.writeStringField("id", p.chat().id());
        truth.writeStringField("source", f.fileName() + ":" + line);
        truth.writeStringField("defect", p.defect().name().toLowerCase(java.util.Locale.ROOT));
        if (!p.detail().isEmpty()) {
            truth.writeStringField("detail", p.detail());
        }
        if (p.of() != null) {
            truth.writeStringField("of", p.of());
        }
        truth.writeStringField("language", p.chat().language());
        truth.writeNumberField("turns", p.chat().turns().size());
        truth.writeEndObject();
        truth.writeRaw('\n');
    }

    private static void writeJson(JsonGenerator g, CorpusFormat f, Chat chat, List<Chat.Msg> turns) throws IOException {
        g.writeStartObject();
        g.writeStringField("id", chat.id());
        g.writeArrayFieldStart(f == CorpusFormat.OPENAI ? "messages" : "conversations");
        for (Chat.Msg m : turns) {
            g.writeStartObject();
            if (f == CorpusFormat.OPENAI) {
                g.writeStringField("role", m.role().wireName());
                g.writeStringField("content", m.text());
            } else {
                g.writeStringField("from", m.role() == Role.USER ? "human" : m.role() == Role.ASSISTANT ? "gpt" : "system");
                g.writeStringField("value", m.text());
            }
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
        g.writeRaw('\n');
    }

    private static void writeMalformed(JsonGenerator g, Counting stream, CorpusGenerator.Planted p) throws IOException {
        Chat chat = p.chat();
        String first = chat.turns().get(0).text();
        switch (p.detail()) {
            case "truncated_json" -> {
                String whole = "{\"id\":\"" + chat.id() + "\",\"messages\":[{\"role\":\"user\",\"content\":\"" + first.replace("\"", "'");
                g.writeRaw(whole.substring(0, Math.min(whole.length(), 40 + whole.length() / 2)));
                g.writeRaw('\n');
            }
            case "not_json" -> {
                g.writeRaw(first.replace('\n', ' '));
                g.writeRaw('\n');
            }
            case "messages_not_array" -> {
                g.writeStartObject();
                g.writeStringField("id", chat.id());
                g.writeStringField("messages", first);
                g.writeStringField("conversations", first);
                g.writeEndObject();
                g.writeRaw('\n');
            }
            case "content_not_string" -> {
                g.writeStartObject();
                g.writeStringField("id", chat.id());
                g.writeArrayFieldStart("messages");
                g.writeStartObject();
                g.writeStringField("role", "user");
                g.writeNumberField("content", first.length());
                g.writeEndObject();
                g.writeStartObject();
                g.writeStringField("from", "human");
                g.writeNumberField("value", first.length());
                g.writeEndObject();
                g.writeEndArray();
                g.writeEndObject();
                g.writeRaw('\n');
            }
            default -> {
                // Latin-1 bytes in a UTF-8 file: the reader must quarantine the line, not guess.
                g.flush();
                String line = "{\"id\":\"" + chat.id() + "\",\"messages\":[{\"role\":\"user\",\"content\":\"Gr\u00fc\u00dfe aus K\u00f6ln\"}]}\n";
                stream.write(line.getBytes(StandardCharsets.ISO_8859_1));
            }
        }
    }

    /** Writes one transcript block; returns how many lines precede its first turn (the separator). */
    private int writeTranscript(CorpusGenerator.Planted p) throws IOException {
        Counting out = streams[CorpusFormat.TRANSCRIPT.ordinal()];
        StringBuilder sb = new StringBuilder();
        int offset = 0;
        if (!firstTranscript) {
            sb.append("---\n");
            offset = 1;
        }
        firstTranscript = false;
        int lineCount = offset;
        if (p.defect() == Defect.MALFORMED) {
            for (Chat.Msg m : p.chat().turns()) {
                sb.append(m.text()).append('\n');
                lineCount++;
            }
        } else {
            for (Chat.Msg m : p.chat().turns()) {
                sb.append(m.role() == Role.USER ? "[A]: " : "[B]: ").append(m.text()).append('\n');
                lineCount++;
            }
        }
        out.write(sb.toString().getBytes(StandardCharsets.UTF_8));
        lines[CorpusFormat.TRANSCRIPT.ordinal()] += lineCount;
        return offset;
    }

    @Override
    public void close() throws IOException {
        generators[0].close();
        generators[1].close();
        streams[CorpusFormat.TRANSCRIPT.ordinal()].close();
        truth.close();
    }

    /** Counts the bytes it passes on. */
    private static final class Counting extends FilterOutputStream {
        long count;

        Counting(OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            count += len;
        }
    }
}
