package dev.colloquy.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** A file on disk. */
record FileSource(String name, Path path) implements InputSource {

    @Override
    public InputStream open() throws IOException {
        return Decompression.wrap(Files.newInputStream(path));
    }

    @Override
    public java.util.Optional<Path> file() {
        return java.util.Optional.of(path);
    }

    @Override
    public long size() {
        try {
            return Files.size(path);
        } catch (IOException e) {
            return -1;
        }
    }
}
