package dev.colloquy.io;

import com.github.luben.zstd.ZstdInputStreamNoFinalizer;
import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.GZIPInputStream;

/*
 * Compression is recognized by magic bytes rather than by file extension alone: gzip starts 1f 8b, a zstd frame
 * 28 b5 2f fd. Files named .gz/.zst therefore read the same whether or not they are truly compressed, and a
 * compressed file without the extension (a pipe on stdin) is still decompressed. Any IOException the
 * decompressor raises (a cut-off archive, a corrupt block) is rethrown as TruncatedArchiveException, so readers
 * can tell damage in the archive from a failing disk.
 */
public final class Decompression {

    private static final int BUFFER = 1 << 16;

    private Decompression() {
    }

    /** Whether content starting with {@code magic} (its first 4 bytes, or fewer) is gzip or zstd. */
    public static boolean isCompressed(byte[] magic) {
        return isGzip(magic) || isZstd(magic);
    }

    private static boolean isGzip(byte[] magic) {
        return magic.length >= 2 && (magic[0] & 0xff) == 0x1f && (magic[1] & 0xff) == 0x8b;
    }

    private static boolean isZstd(byte[] magic) {
        return magic.length >= 4 && (magic[0] & 0xff) == 0x28 && (magic[1] & 0xff) == 0xb5
                && (magic[2] & 0xff) == 0x2f && (magic[3] & 0xff) == 0xfd;
    }

    /** Decompresses gzip or zstd content recognised by its magic bytes; other content passes through buffered. */
    public static InputStream wrap(InputStream raw) throws IOException {
        BufferedInputStream in = raw instanceof BufferedInputStream b ? b : new BufferedInputStream(raw, BUFFER);
        in.mark(4);
        byte[] magic = in.readNBytes(4);
        in.reset();
        try {
            if (isGzip(magic)) {
                return new Guarded(new GZIPInputStream(in, BUFFER), "gzip");
            }
            if (isZstd(magic)) {
                return new Guarded(new BufferedInputStream(new ZstdInputStreamNoFinalizer(in), BUFFER), "zstd");
            }
        } catch (IOException e) {
            in.close();
            throw new TruncatedArchiveException("the compressed header is damaged: " + e.getMessage(), e);
        }
        return in;
    }

    /** Turns any decompression failure into a TruncatedArchiveException. */
    private static final class Guarded extends FilterInputStream {
        private final String kind;

        Guarded(InputStream in, String kind) {
            super(in);
            this.kind = kind;
        }

        @Override
        public int read() throws IOException {
            try {
                return super.read();
            } catch (IOException e) {
                throw damaged(e);
            }
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            try {
                return super.read(b, off, len);
            } catch (IOException e) {
                throw damaged(e);
            }
        }

        private TruncatedArchiveException damaged(IOException e) {
            return new TruncatedArchiveException("the " + kind + " archive ends early or is corrupt ("
                    + e.getMessage() + ")", e);
        }
    }
}
