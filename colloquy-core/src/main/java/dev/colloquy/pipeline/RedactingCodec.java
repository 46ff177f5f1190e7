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
        String view = json ? unescaped(line) : line;
        if (new PiiMasker().mask(view) == view) {
            return line; // nothing anywhere in the line: the common case, untouched
        }
        if (!json) {
            PiiMasker masker = new PiiMasker();
            masker.reserve(line);
            return masker.mask(line);
        }
        return redactStrings(line);
    }

    /*
     * The question above is only a filter: is there anything to replace in any string of the line? It must never
     * answer no where a string holds a value. Asked of the line as written, it did: a string's tab or line break is
     * written "\t" or "\n", and "call\t+44 20 7946 0958" reads as a phone number after the letter 't', which the
     * pattern refuses (a number glued to a word is not one), while the string itself holds it after a tab. A
     * duplicate's quarantined record (the input as read, masked only here) left such numbers in place. So the
     * filter reads the line with its escapes decoded. That view finds every value a string holds: the characters
     * around a string in the line are quotes and JSON punctuation, which no pattern takes into a card, phone,
     * address or e-mail and every look-around accepts as it accepts a string's start or end (a credentialed URL may
     * run on past a quote, which still finds a value); a value it finds across two strings only costs the exact
     * pass below, which masks string by string.
     */
    static String unescaped(String line) {
        int i = line.indexOf('\\');
        if (i < 0) {
            return line;
        }
        StringBuilder out = new StringBuilder(line.length());
        int from = 0;
        for (; i >= 0 && i + 1 < line.length(); i = line.indexOf('\\', from)) {
            out.append(line, from, i);
            char e = line.charAt(i + 1);
            from = i + 2;
            switch (e) {
                case 'n' -> out.append('\n');
                case 't' -> out.append('\t');
                case 'r' -> out.append('\r');
                case 'b' -> out.append('\b');
                case 'f' -> out.append('\f');
                case 'u' -> {
                    int code = i + 6 <= line.length() ? hex4(line, i + 2) : -1;
                    out.append(code >= 0 ? (char) code : 'u');
                    from = code >= 0 ? i + 6 : from;
                }
                default -> out.append(e); // \" \\ \/
            }
        }
        return out.append(line, from, line.length()).toString();
    }

    private static int hex4(String s, int at) {
        int v = 0;
        for (int k = at; k < at + 4; k++) {
            int d = Character.digit(s.charAt(k), 16);
            if (d < 0) {
                return -1;
            }
            v = v << 4 | d;
        }
        return v;
    }

    /** A JSON line with every string (keys included) masked; the line itself when none holds a value. */
    static String redactStrings(String line) {
        PiiMasker masker = new PiiMasker();
        masker.reserve(line);
        try {
            Object tree = JSON.readValue(line, Object.class);
            Object masked = masker.maskTree(tree);
            return masked == tree ? line : JSON.writeValueAsString(masked);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an output line is not JSON: " + e.getOriginalMessage(), e);
        }
    }
}
