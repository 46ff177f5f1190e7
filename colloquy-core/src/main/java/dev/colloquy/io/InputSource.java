package dev.colloquy.io;

import java.io.IOException;
import java.io.InputStream;

/**
 * One input: a file or standard input. {@link #open()} hands back the bytes already decompressed, so readers
 * never care whether the input was {@code .gz}, {@code .zst} or plain.
 */
public interface InputSource {

    /** The name used in source positions and messages: the path as given, or {@code -} for stdin. */
    String name();

    /**
     * Opens the input, decompressed. Compression is recognized by magic bytes (gzip {@code 1f 8b}, zstd
     * {@code 28 b5 2f fd}), so a mislabelled file still reads; errors from a damaged archive surface as
     * {@link TruncatedArchiveException}.
     */
    InputStream open() throws IOException;

    /** The size in bytes as stored (compressed size for archives), or -1 when unknown (stdin). */
    long size();

    /** The file on disk this reads, when it is one (not stdin): for checks that outputs do not overwrite it. */
    default java.util.Optional<java.nio.file.Path> file() {
        return java.util.Optional.empty();
    }
}
