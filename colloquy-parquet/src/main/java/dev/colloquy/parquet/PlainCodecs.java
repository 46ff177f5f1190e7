package dev.colloquy.parquet;

import com.github.luben.zstd.Zstd;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.apache.parquet.bytes.BytesInput;
import org.apache.parquet.compression.CompressionCodecFactory;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.xerial.snappy.Snappy;

/*
 * Page compression without Hadoop. parquet-hadoop's own CodecFactory instantiates Hadoop's codec classes for
 * every compressed codec, so it cannot run without Hadoop on the classpath; this factory calls the codec
 * libraries directly: snappy-java (SNAPPY, what pyarrow and Hugging Face write by default), zstd-jni (ZSTD,
 * what we write), java.util.zip (GZIP). Other codecs (LZ4, LZ4_RAW, BROTLI, LZO) fail with a message naming
 * the ones that work.
 */
final class PlainCodecs implements CompressionCodecFactory {

    static final int ZSTD_LEVEL = 3;

    @Override
    public BytesInputCompressor getCompressor(CompressionCodecName codec) {
        return new BytesInputCompressor() {
            @Override
            public BytesInput compress(BytesInput bytes) throws IOException {
                byte[] in = bytes.toByteArray();
                return BytesInput.from(switch (codec) {
                    case UNCOMPRESSED -> in;
                    case SNAPPY -> Snappy.compress(in);
                    case ZSTD -> Zstd.compress(in, ZSTD_LEVEL);
                    case GZIP -> gzip(in);
                    default -> throw unsupported(codec);
                });
            }

            @Override
            public CompressionCodecName getCodecName() {
                return codec;
            }

            @Override
            public void release() {
                // nothing pooled
            }
        };
    }

    @Override
    public BytesInputDecompressor getDecompressor(CompressionCodecName codec) {
        return new BytesInputDecompressor() {
            @Override
            public BytesInput decompress(BytesInput bytes, int uncompressedSize) throws IOException {
                return BytesInput.from(inflate(codec, bytes.toByteArray(), uncompressedSize));
            }

            @Override
            public void decompress(ByteBuffer input, int compressedSize, ByteBuffer output, int uncompressedSize)
                    throws IOException {
                byte[] in = new byte[compressedSize];
                input.get(in);
                output.put(inflate(codec, in, uncompressedSize));
            }

            @Override
            public void release() {
                // nothing pooled
            }
        };
    }

    @Override
    public void release() {
        // nothing pooled
    }

    private static byte[] inflate(CompressionCodecName codec, byte[] in, int size) throws IOException {
        byte[] out = switch (codec) {
            case UNCOMPRESSED -> in;
            case SNAPPY -> Snappy.uncompress(in);
            case ZSTD -> Zstd.decompress(in, size);
            case GZIP -> gunzip(in, size);
            default -> throw unsupported(codec);
        };
        if (out.length != size) {
            throw new IOException(codec + " page inflated to " + out.length + " bytes, the page header says " + size);
        }
        return out;
    }

    private static byte[] gzip(byte[] in) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream(Math.max(64, in.length / 2));
        try (OutputStream z = new GZIPOutputStream(b)) {
            z.write(in);
        }
        return b.toByteArray();
    }

    private static byte[] gunzip(byte[] in, int size) throws IOException {
        try (InputStream z = new GZIPInputStream(new ByteArrayInputStream(in))) {
            byte[] out = z.readNBytes(size);
            return z.read() < 0 ? out : Arrays.copyOf(out, size + 1);
        }
    }

    private static IOException unsupported(CompressionCodecName codec) {
        return new IOException("Parquet compression " + codec + " is not supported without Hadoop "
                + "(supported: UNCOMPRESSED, SNAPPY, ZSTD, GZIP)");
    }
}
