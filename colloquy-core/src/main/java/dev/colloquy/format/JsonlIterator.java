package dev.colloquy.format;

import dev.colloquy.io.LineReader;
import dev.colloquy.model.SourcePosition;

/**
 * JSON Lines, one record per non-blank line. Blank lines are counted in the {@link LineTally}, not dropped
 * unseen; an input with no record at all (empty, or nothing but blank lines, however long) yields one
 * {@code empty_file} rejection at line 0 so that the file itself is accounted for.
 */
final class JsonlIterator extends ResultIterator {

    private final LineReader lines;
    private final String file;
    private final RoleMap roles;
    private final InputFormat format;
    private final int maxLineBytes;
    private final LineTally tally;
    /** False for one part of a larger input: then no part-level empty_file. */
    private final boolean wholeInput;
    private long records;

    JsonlIterator(LineReader lines, String file, RoleMap roles, InputFormat format, int maxLineBytes,
                  LineTally tally, boolean wholeInput) {
        this.lines = lines;
        this.file = file;
        this.roles = roles;
        this.format = format;
        this.maxLineBytes = maxLineBytes;
        this.tally = tally;
        this.wholeInput = wholeInput;
        tally.startJsonLines();
    }

    private void record(ReadResult r) {
        records++;
        push(r);
    }

    @Override
    ReadResult ifNothing() {
        // One part of a split input is not the input: the whole input's empty_file check is the caller's.
        return wholeInput ? emptyFile(file) : null;
    }

    @Override
    void fill() {
        LineReader.Line line = lines.next();
        if (line == null) {
            if (records == 0 && wholeInput) {
                push(ReadResult.bad(new SourcePosition(file, 0), ReadReason.EMPTY_FILE,
                        "the input holds no record (it is empty or blank)", null));
            }
            end();
            return;
        }
        tally.line();
        SourcePosition pos = new SourcePosition(file, line.number());
        if (line.error() != null) {
            record(ReadFailures.of(pos, line.error(), line.bytes()));
            end();
            return;
        }
        if (line.tooLong()) {
            record(ReadFailures.tooLong(pos, line, maxLineBytes));
            return;
        }
        String junk = TextChecks.binaryJunk(line.bytes());
        if (junk != null) {
            record(ReadResult.bad(pos, ReadReason.BINARY_JUNK, junk, TextChecks.decode(line.bytes()).text()));
            return;
        }
        TextChecks.Decoded text = TextChecks.decode(line.bytes());
        String s = line.number() == 1 ? ReadFailures.stripBom(text.text()) : text.text();
        if (s.isBlank()) {
            tally.blank();
            return;
        }
        if (text.invalid() != null) {
            record(ReadResult.bad(pos, ReadReason.INVALID_UTF8, text.invalid(), s));
            return;
        }
        record(JsonlRecords.parseChecked(s, pos, roles, format));
    }
}
