package dev.colloquy.format;

import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.NoSuchElementException;

/** Base of the lazy readers: subclasses push results in {@link #fill()} until {@link #end()}. */
abstract class ResultIterator implements Iterator<ReadResult> {

    private final ArrayDeque<ReadResult> pending = new ArrayDeque<>();
    private boolean ended;
    private boolean pushed;
    private boolean emptyReported;

    /** Pushes at least one result, or calls {@link #end()}. */
    abstract void fill();

    final void push(ReadResult r) {
        pending.add(r);
        pushed = true;
    }

    /**
     * What an input that yielded no record at all reports (an {@code empty_file} rejection at line 0), so that
     * every input is accounted for even when its first 64 KiB did not show it to be blank; null for nothing.
     */
    ReadResult ifNothing() {
        return null;
    }

    static ReadResult emptyFile(String file) {
        return ReadResult.bad(new dev.colloquy.model.SourcePosition(file, 0), ReadReason.EMPTY_FILE,
                "the input holds no record (it is empty or blank)", null);
    }

    final void end() {
        ended = true;
    }

    @Override
    public final boolean hasNext() {
        while (pending.isEmpty() && !ended) {
            fill();
        }
        if (pending.isEmpty() && !pushed && !emptyReported) {
            emptyReported = true;
            ReadResult r = ifNothing();
            if (r != null) {
                pending.add(r);
            }
        }
        return !pending.isEmpty();
    }

    @Override
    public final ReadResult next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        return pending.poll();
    }
}
