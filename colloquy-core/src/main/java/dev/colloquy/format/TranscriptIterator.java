package dev.colloquy.format;

import dev.colloquy.io.LineReader;
import dev.colloquy.model.Rejection;
import dev.colloquy.model.SourcePosition;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Transcript conversations, separated by lines holding only {@code ---}. One conversation is held in memory at a
 * time, up to {@code maxConversationBytes}; past that the rest of it is skipped and it is rejected. A
 * conversation with an undecodable, binary or over-long line is rejected whole with that line's reason, since
 * its turn boundaries can no longer be trusted.
 */
final class TranscriptIterator extends ResultIterator {

    private final LineReader lines;
    private final String file;
    private final RoleMap roles;
    private final int maxLineBytes;
    private final long maxConversationBytes;

    /** Bytes of memory one held line costs besides its text (a String object and a list slot). */
    static final int LINE_OVERHEAD = 48;

    private final List<String> block = new ArrayList<>();
    private long blockStart = 1;
    private long blockBytes;
    private Rejection problem;

    TranscriptIterator(LineReader lines, String file, RoleMap roles, int maxLineBytes, long maxConversationBytes) {
        this.lines = lines;
        this.file = file;
        this.roles = roles;
        this.maxLineBytes = maxLineBytes;
        this.maxConversationBytes = maxConversationBytes;
    }

    @Override
    ReadResult ifNothing() {
        return emptyFile(file);
    }

    @Override
    void fill() {
        LineReader.Line line = lines.next();
        if (line == null) {
            flush();
            end();
            return;
        }
        SourcePosition pos = new SourcePosition(file, line.number());
        if (line.error() != null) {
            // The cut-off conversation is the truncated record; whatever came before it was pushed already.
            List<String> partial = new ArrayList<>(block);
            partial.add(TextChecks.decode(line.bytes()).text());
            SourcePosition start = new SourcePosition(file, block.isEmpty() ? line.number() : blockStart);
            push(ReadFailures.of(start, line.error(), String.join("\n", partial)));
            end();
            return;
        }
        if (line.tooLong()) {
            noteProblem(((ReadResult.Bad) ReadFailures.tooLong(pos, line, maxLineBytes)).rejection());
            blockBytes += line.bytes().length + 1 + LINE_OVERHEAD;
            if (blockBytes <= maxConversationBytes) { // many over-long lines must not add up past the cap
                block.add(TextChecks.decode(line.bytes()).text());
            }
            return;
        }
        TextChecks.Decoded text = TextChecks.decode(line.bytes());
        String s = line.number() == 1 ? ReadFailures.stripBom(text.text()) : text.text();
        if (s.strip().equals("---")) {
            flush();
            blockStart = line.number() + 1;
            return;
        }
        String junk = TextChecks.binaryJunk(line.bytes());
        if (junk != null) {
            noteProblem(Rejection.of(pos, ReadReason.STEP, ReadReason.BINARY_JUNK.reason(),
                    "line " + line.number() + ": " + junk, null));
        } else if (text.invalid() != null) {
            noteProblem(Rejection.of(pos, ReadReason.STEP, ReadReason.INVALID_UTF8.reason(),
                    "line " + line.number() + ": " + text.invalid(), null));
        }
        if (block.isEmpty() && problem == null && s.isBlank()) {
            // blank lines between conversations are not part of one: a stream of newlines stays flat in memory
            blockStart = line.number() + 1;
            return;
        }
        // each held line costs a String and a list slot besides its bytes: charge them, so that a conversation of
        // millions of blank lines is capped by memory held, not by bytes read
        blockBytes += line.bytes().length + 1 + LINE_OVERHEAD;
        if (blockBytes > maxConversationBytes) {
            if (problem == null) {
                noteProblem(Rejection.of(pos, ReadReason.STEP, ReadReason.CONVERSATION_TOO_LONG.reason(), String.format(Locale.ROOT,
                        "the conversation is over %,d bytes (each line counted with %d more for the memory it holds);"
                        + " the record holds its start", maxConversationBytes, LINE_OVERHEAD), null));
            }
            return;
        }
        block.add(s);
    }

    private void noteProblem(Rejection r) {
        if (problem == null) {
            problem = r;
        }
    }

    private void flush() {
        boolean blank = block.stream().allMatch(String::isBlank);
        if (problem != null) {
            push(new ReadResult.Bad(Rejection.of(new SourcePosition(file, blockStart), ReadReason.STEP,
                    problem.why(), problem.message(), String.join("\n", block))));
        } else if (!blank) {
            push(TranscriptParser.parse(block, file, blockStart, roles));
        }
        block.clear();
        blockBytes = 0;
        problem = null;
    }
}
