package dev.colloquy.io;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** Standard input, named {@code -}. Closing what {@link #open()} returns leaves the process's stdin open. */
record StdinSource(InputStream stdin) implements InputSource {

    @Override
    public String name() {
        return "-";
    }

    @Override
    public InputStream open() throws IOException {
        return Decompression.wrap(new FilterInputStream(stdin) {
            @Override
            public void close() {
                // stdin belongs to the process, not to this reader
            }
        });
    }

    @Override
    public long size() {
        return -1;
    }
}
