package dev.colloquy.pipeline;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.colloquy.format.OutputFormat;
import dev.colloquy.model.Conversation;
import dev.colloquy.model.Rejection;
import dev.colloquy.signals.PiiMasker;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.util.List;

/**
 * The output edge of a pipeline that redacts personal data: every line written, kept or quarantined, has the
 * values {@link PiiMasker} finds replaced, in every string of the record (ids, names, metadata, unknown keys, turn
 * findings, a quarantined record and its message). The redaction step has already replaced what is in the turns
 * of the records that reached it; this covers the rest: records set aside before the step or by the reader,
 * fields outside the turns, and whatever a later step quoted. Lines holding nothing to replace are passed on
 * byte for byte. Serializable and thread-safe like the codec it wraps.
 */
public final class RedactingCodec implements RecordCodec, Serializable {

    private static final long serialVersionUID = 1L;

    // Decimals as written (BigDecimal keeps "1.50"), and no cap on string length: these are our own lines.
    private static final ObjectMapper JSON = JsonMapper.builder(com.fasterxml.jackson.core.JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder().maxStringLength(Integer.MAX_VALUE).build())
                    .build())
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();

    private final RecordCodec inner;

    public RedactingCodec(RecordCodec inner) {
        this.inner = inner;
    }

    /** {@code codec}, redacting when the pipeline has a redaction step ({@code pii_action: redact}, {@code pii_redact}). */
    public static RecordCodec of(RecordCodec codec, PipelineConfig config) {
        return config.redactsPii() && !(codec instanceof RedactingCodec) ? new RedactingCodec(codec) : codec;
    }

    @Override
    public List<Input> inputs(List<String> paths) {
        return inner.inputs(paths);
    }

    @Override
    public void read(Input input, InputStream in, PipelineConfig.InputSpec spec, Sink sink) throws IOException {
        inner.read(input, in, spec, sink);
    }

    @Override
    public Rejection unreadable(Input input, IOException e) {
        return inner.unreadable(input, e);
    }

    @Override
    public String keptLine(Conversation c, OutputFormat format) {
        return redact(inner.keptLine(c, format), format != OutputFormat.TRANSCRIPT);
    }

    @Override
    public String quarantineLine(Rejection r) {
        return redact(inner.quarantineLine(r), true);
    }

    /** {@code line} with every value replaced: as JSON (every string, keys included) or as plain text. */
    static String redact(String line, boolean json) {
        if (new PiiMasker().mask(line) == line) {
            return line; // nothing anywhere in the line: the common case, untouched
        }
        PiiMasker masker = new PiiMasker();
        masker.reserve(line);
        if (!json) {
            return masker.mask(line);
        }
        try {
            Object tree = JSON.readValue(line, Object.class);
            Object masked = masker.maskTree(tree);
            return masked == tree ? line : JSON.writeValueAsString(masked);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an output line is not JSON: " + e.getOriginalMessage(), e);
        }
    }
}
