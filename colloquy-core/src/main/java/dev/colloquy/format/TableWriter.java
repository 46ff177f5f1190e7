package dev.colloquy.format;

import dev.colloquy.model.Conversation;
import java.io.Closeable;
import java.io.IOException;

/** Writes conversations to a table file. {@link #close()} finishes the file (a Parquet footer); not thread-safe. */
public interface TableWriter extends Closeable {

    void write(Conversation conversation) throws IOException;

    /** How many conversations were written. */
    long written();
}
