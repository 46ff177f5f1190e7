package dev.colloquy.io;

import com.github.luben.zstd.ZstdOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Locale;
import java.util.zip.GZIPOutputStream;

/**
 * How an output file is compressed. Reading needs no such choice: {@link Decompression} recognises gzip and zstd
 * by their magic bytes. GZIP headers carry no timestamp (the JDK writes 0), so compressed outputs are byte-stable.
 */
public enum Compression {
    NONE(""),
    GZ(".gz"),
    /** Zstandard at level 3, its default: near gzip -6 ratios at several times the speed. */
    ZST(".zst");

    private final String suffix;

    Compression(String suffix) {
        this.suffix = suffix;
    }

    /** The name used in pipeline files and on the command line. */
    public String cliName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** What a compressed file's name ends with ({@code ".gz"}), or {@code ""}. */
    public String suffix() {
        return suffix;
    }

    /** {@code raw} compressed this way; closing the result finishes the compressed stream and closes {@code raw}. */
    public OutputStream wrap(OutputStream raw) throws IOException {
        return switch (this) {
            case NONE -> raw;
            case GZ -> new GZIPOutputStream(raw, 1 << 16);
            case ZST -> new ZstdOutputStream(raw, 3);
        };
    }
}
