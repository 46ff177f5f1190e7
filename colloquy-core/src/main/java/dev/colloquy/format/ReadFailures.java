package dev.colloquy.format;

import dev.colloquy.io.LineReader;
import dev.colloquy.io.TruncatedArchiveException;
import dev.colloquy.model.SourcePosition;
import java.io.IOException;
import java.util.Locale;

/** Rejections for inputs that fail below the record level: read errors, damaged archives, over-long lines. */
final class ReadFailures {

    /** How much of an over-long line the quarantine keeps. */
    static final int KEPT_PREFIX_CHARS = 1000;

    private ReadFailures() {
    }

    static ReadResult of(SourcePosition pos, IOException e, byte[] partial) {
        return of(pos, e, partial.length == 0 ? null : TextChecks.decode(partial).text());
    }

    static ReadResult of(SourcePosition pos, IOException e, Object record) {
        if (e instanceof dev.colloquy.io.ExpansionLimitException) {
            return ReadResult.bad(pos, ReadReason.DECOMPRESSION_BOMB, e.getMessage()
                    + "; everything before line " + pos.line() + " was read", record);
        }
        if (e instanceof TruncatedArchiveException) {
            return ReadResult.bad(pos, ReadReason.TRUNCATED_ARCHIVE, e.getMessage()
                    + "; everything before line " + pos.line() + " was read", record);
        }
        return ReadResult.bad(pos, ReadReason.UNREADABLE, "cannot read the input: " + e, record);
    }

    static ReadResult tooLong(SourcePosition pos, LineReader.Line line, int maxLineBytes) {
        String prefix = TextChecks.decode(line.bytes()).text();
        if (prefix.length() > KEPT_PREFIX_CHARS) {
            prefix = prefix.substring(0, KEPT_PREFIX_CHARS);
        }
        return ReadResult.bad(pos, ReadReason.LINE_TOO_LONG, String.format(Locale.ROOT,
                "the line is %,d bytes, over the cap of %,d (--max-line-bytes); the record holds its first %d characters",
                line.fullLength(), maxLineBytes, KEPT_PREFIX_CHARS), prefix);
    }

    static String stripBom(String s) {
        return s.startsWith("\uFEFF") ? s.substring(1) : s;
    }
}
