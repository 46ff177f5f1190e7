package dev.colloquy.format;

import dev.colloquy.io.LineReader;
import dev.colloquy.model.SourcePosition;

/** JSON Lines, one record per non-blank line. */
final class JsonlIterator extends ResultIterator {

    private final LineReader lines;
    private final String file;
    private final RoleMap roles;
    private final InputFormat format;
    private final int maxLineBytes;

    JsonlIterator(LineReader lines, String file, RoleMap roles, InputFormat format, int maxLineBytes) {
        this.lines = lines;
        this.file = file;
        this.roles = roles;
        this.format = format;
        this.maxLineBytes = maxLineBytes;
    }

    @Override
    ReadResult ifNothing() {
        return emptyFile(file);
    }

    @Override
    void fill() {
        LineReader.Line line = lines.next();
        if (line == null) {
            end();
            return;
        }
        SourcePosition pos = new SourcePosition(file, line.number());
        if (line.error() != null) {
            push(ReadFailures.of(pos, line.error(), line.bytes()));
            end();
            return;
        }
        if (line.tooLong()) {
            push(ReadFailures.tooLong(pos, line, maxLineBytes));
            return;
        }
        String junk = TextChecks.binaryJunk(line.bytes());
        if (junk != null) {
            push(ReadResult.bad(pos, ReadReason.BINARY_JUNK, junk, TextChecks.decode(line.bytes()).text()));
            return;
        }
        TextChecks.Decoded text = TextChecks.decode(line.bytes());
        String s = line.number() == 1 ? ReadFailures.stripBom(text.text()) : text.text();
        if (s.isBlank()) {
            return;
        }
        if (text.invalid() != null) {
            push(ReadResult.bad(pos, ReadReason.INVALID_UTF8, text.invalid(), s));
            return;
        }
        push(JsonlRecords.parseChecked(s, pos, roles, format));
    }
}
