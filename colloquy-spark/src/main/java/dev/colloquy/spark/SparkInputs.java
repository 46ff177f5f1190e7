package dev.colloquy.spark;

import dev.colloquy.pipeline.FormatCodec;
import dev.colloquy.pipeline.RecordCodec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;

/**
 * Expands {@code input.paths} on the driver. Local paths expand exactly as in a local run (same names, same
 * order), so records get the same canonical order and source positions; Hadoop URIs are globbed and listed
 * recursively in sorted order, skipping names that start with '.' or '_' (Hadoop's hidden files and job markers).
 * A Parquet file is an ordinary input, read in one task by core's reader (which knows it by its magic bytes), and a
 * Parquet dataset directory (Spark's {@code kept.parquet/}) is a directory of such files: so rows, their order and
 * source positions, and the quarantine of a damaged file or of one with other columns ({@code truncated_archive},
 * {@code unknown_layout}) are the local engine's.
 */
final class SparkInputs {

    private SparkInputs() {
    }

    static List<SparkInput> expand(List<String> paths, Configuration conf) {
        List<SparkInput> out = new ArrayList<>();
        for (String arg : paths) {
            if (SparkInput.isHadoopUri(arg)) {
                expandHadoop(arg, conf, out);
            } else {
                for (RecordCodec.Input in : new FormatCodec().inputs(List.of(arg))) {
                    out.add(new SparkInput(out.size(), in.name(), false, in.size()));
                }
            }
        }
        return List.copyOf(out);
    }

    private static void expandHadoop(String arg, Configuration conf, List<SparkInput> out) {
        try {
            Path pattern = new Path(URI.create(arg));
            FileSystem fs = FileSystem.get(pattern.toUri(), conf);
            FileStatus[] matched = fs.globStatus(pattern);
            if (matched == null || matched.length == 0) {
                throw new IllegalArgumentException("no such file or directory: '" + arg + "'");
            }
            Arrays.sort(matched, Comparator.comparing(s -> s.getPath().toString()));
            for (FileStatus s : matched) {
                String name = s.getPath().toString();
                if (s.isDirectory()) {
                    List<LocatedFileStatus> files = new ArrayList<>();
                    RemoteIterator<LocatedFileStatus> it = fs.listFiles(s.getPath(), true);
                    while (it.hasNext()) {
                        LocatedFileStatus f = it.next();
                        if (!f.getPath().getName().startsWith(".") && !f.getPath().getName().startsWith("_")) {
                            files.add(f);
                        }
                    }
                    files.sort(Comparator.comparing(f -> f.getPath().toString()));
                    for (LocatedFileStatus f : files) {
                        String n = f.getPath().toString();
                        out.add(new SparkInput(out.size(), n, true, f.getLen()));
                    }
                } else {
                    out.add(new SparkInput(out.size(), name, true, s.getLen()));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list '" + arg + "': " + e.getMessage(), e);
        }
    }
}
