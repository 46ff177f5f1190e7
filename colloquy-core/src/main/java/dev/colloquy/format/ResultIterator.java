package dev.colloquy.format;

import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.NoSuchElementException;

/** Base of the lazy readers: subclasses push results in {@link #fill()} until {@link #end()}. */
abstract class ResultIterator implements Iterator<ReadResult> {

    private final ArrayDeque<ReadResult> pending = new ArrayDeque<>();
    private boolean ended;

    /** Pushes at least one result, or calls {@link #end()}. */
    abstract void fill();

    final void push(ReadResult r) {
        pending.add(r);
    }

    final void end() {
        ended = true;
    }

    @Override
    public final boolean hasNext() {
        while (pending.isEmpty() && !ended) {
            fill();
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
