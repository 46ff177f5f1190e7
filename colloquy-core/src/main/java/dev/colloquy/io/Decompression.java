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
 *
 * A stream that expands more than MAX_RATIO-fold once past RATIO_FLOOR bytes is stopped with an
 * ExpansionLimitException: real text compresses 3 to 20-fold, while 1 GB of newlines fits in 4.7 MB of gzip (213-fold)
 * and a gigabyte of zeros in 1 MB. Readers hold memory flat whatever the stream holds; the cap stops the time spent
 * reading a bomb and names it in the quarantine.
 */
public final class Decompression {

    private static final int BUFFER = 1 << 16;
    /** The largest expansion accepted, decompressed bytes per compressed byte. */
    public static final int MAX_RATIO = 200;
    /** Below this many decompressed bytes any ratio is accepted (small, repetitive files compress very well). */
    public static final long RATIO_FLOOR = 64L << 20;

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
        return wrap(raw, RATIO_FLOOR);
    }

    /** As {@link #wrap(InputStream)} with another floor for the ratio cap (tests). */
    static InputStream wrap(InputStream raw, long ratioFloor) throws IOException {
        Counting counted = new Counting(raw);
        BufferedInputStream in = new BufferedInputStream(counted, BUFFER);
        in.mark(4);
        byte[] magic = in.readNBytes(4);
        in.reset();
        try {
            if (isGzip(magic)) {
                return new Guarded(new GZIPInputStream(in, BUFFER), "gzip", counted, ratioFloor);
            }
            if (isZstd(magic)) {
                return new Guarded(new BufferedInputStream(new ZstdInputStreamNoFinalizer(in), BUFFER), "zstd", counted, ratioFloor);
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
        private final Counting compressed;
        private final long floor;
        private long out;

        Guarded(InputStream in, String kind, Counting compressed, long floor) {
            super(in);
            this.kind = kind;
            this.compressed = compressed;
            this.floor = floor;
        }

        @Override
        public int read() throws IOException {
            int b;
            try {
                b = super.read();
            } catch (IOException e) {
                throw damaged(e);
            }
            if (b >= 0) {
                expanded(1);
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n;
            try {
                n = super.read(b, off, len);
            } catch (IOException e) {
                throw damaged(e);
            }
            if (n > 0) {
                expanded(n);
            }
            return n;
        }

        private void expanded(int n) throws ExpansionLimitException {
            out += n;
            if (out > floor && out > MAX_RATIO * Math.max(1, compressed.count)) {
                throw new ExpansionLimitException(String.format(java.util.Locale.ROOT, "the %s stream expands more"
                        + " than %d-fold (%,d bytes from %,d): reading stopped, as for a decompression bomb", kind,
                        MAX_RATIO, out, compressed.count));
            }
        }

        private TruncatedArchiveException damaged(IOException e) {
            return new TruncatedArchiveException("the " + kind + " archive ends early or is corrupt ("
                    + e.getMessage() + ")", e);
        }
    }

    /** Counts the compressed bytes the decompressor has pulled. */
    private static final class Counting extends FilterInputStream {
        private long count;

        Counting(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count += n;
            }
            return n;
        }
    }
}
