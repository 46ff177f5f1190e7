package dev.colloquy.spark;

import dev.colloquy.io.Decompression;
import dev.colloquy.io.InputSources;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.net.URI;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * One input file as the executors see it.
 *
 * @param index   the file's place in the expansion of {@code input.paths}: the first part of every record's
 *                canonical order, exactly as in a local run
 * @param name    the name used in source positions (the local path as given, or the Hadoop URI)
 * @param hadoop  true when {@code name} is a Hadoop file system URI (hdfs://, s3a://, ...) rather than a local path
 * @param size    bytes as stored, or -1
 */
record SparkInput(int index, String name, boolean hadoop, long size) implements Serializable {

    /** Opens the content, decompressed (.gz and .zst by their magic bytes, as locally). */
    InputStream open(Map<String, String> hadoopConf) throws IOException {
        if (!hadoop) {
            return InputSources.expand(java.util.List.of(name)).get(0).open();
        }
        Configuration conf = new Configuration();
        hadoopConf.forEach(conf::set);
        Path p = new Path(URI.create(name));
        return Decompression.wrap(FileSystem.get(p.toUri(), conf).open(p));
    }

    /**
     * The stored bytes from {@code offset} on, not decompressed: for reading one byte range of a large
     * uncompressed file. Local files are read through a channel positioned at the offset; Hadoop files seek.
     */
    InputStream openRaw(long offset, Map<String, String> hadoopConf) throws IOException {
        if (!hadoop) {
            java.nio.channels.SeekableByteChannel ch = java.nio.file.Files.newByteChannel(java.nio.file.Paths.get(name));
            ch.position(offset);
            return java.nio.channels.Channels.newInputStream(ch);
        }
        Configuration conf = new Configuration();
        hadoopConf.forEach(conf::set);
        Path p = new Path(URI.create(name));
        org.apache.hadoop.fs.FSDataInputStream in = FileSystem.get(p.toUri(), conf).open(p);
        in.seek(offset);
        return in;
    }

    /** True for a path that names a Hadoop file system rather than this machine's. */
    static boolean isHadoopUri(String path) {
        int colon = path.indexOf("://");
        return colon > 0 && !path.startsWith("file://");
    }
}
