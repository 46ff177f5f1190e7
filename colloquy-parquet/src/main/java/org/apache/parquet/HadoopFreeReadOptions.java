package org.apache.parquet;

import java.util.HashMap;
import org.apache.parquet.bytes.HeapByteBufferAllocator;
import org.apache.parquet.compression.CompressionCodecFactory;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.filter2.compat.FilterCompat;
import org.apache.parquet.format.converter.ParquetMetadataConverter;

/**
 * Read options built without touching Hadoop. In parquet-java 1.15.2 every public way to build
 * {@link ParquetReadOptions} calls {@code ParquetInputFormat.getFilter}, whose class extends Hadoop's
 * {@code FileInputFormat}, so reading a local file would need Hadoop's MapReduce jars on the classpath for one
 * unused filter lookup. This class sits in Parquet's package to call the package-private constructor with the
 * builder's defaults (no filter, page checksums verified where present). It is compiled against the pinned
 * Parquet version, so an upgrade that changes the constructor fails the build rather than a run.
 */
public final class HadoopFreeReadOptions {

    private static final int MAX_ALLOCATION = 8 << 20;

    private HadoopFreeReadOptions() {
    }

    public static ParquetReadOptions of(CompressionCodecFactory codecs) {
        return new ParquetReadOptions(
                false,  // useSignedStringMinMax
                true,   // useStatsFilter
                true,   // useDictionaryFilter
                true,   // useRecordFilter
                true,   // useColumnIndexFilter
                true,   // usePageChecksumVerification
                true,   // useBloomFilter
                false,  // useOffHeapDecryptBuffer
                false,  // useHadoopVectoredIo
                FilterCompat.NOOP,
                ParquetMetadataConverter.NO_FILTER,
                codecs,
                new HeapByteBufferAllocator(),
                MAX_ALLOCATION,
                new HashMap<>(),
                null,   // no decryption
                null,   // no metrics callback
                new PlainParquetConfiguration());
    }
}
