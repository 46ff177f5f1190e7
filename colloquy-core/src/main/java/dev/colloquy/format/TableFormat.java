package dev.colloquy.format;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.ServiceLoader;

/**
 * A binary table format (Parquet) supplied by another module through {@link ServiceLoader}, so core stays free
 * of its libraries. Core recognizes a table file by its magic bytes and decodes each row with the same decoder as
 * a JSON record, so every layout reads the same way in every format; a writer takes the records our JSON writers
 * would produce.
 */
public interface TableFormat {

    /** The name used on the command line and in configurations ({@code parquet}). */
    String name();

    /** Whether an input starting with {@code head} is a file of this format. */
    boolean recognizes(byte[] head);

    /** Opens a file for reading. Table formats need random access (Parquet's footer is at the end). */
    TableReader open(Path file, String name) throws IOException;

    /** Creates {@code file} (replacing it) to hold records of {@code shape} ({@link OutputFormat#OPENAI}). */
    TableWriter create(Path file, OutputFormat shape) throws IOException;

    /** The installed format that recognizes {@code head}, if any. */
    static Optional<TableFormat> recognizing(byte[] head) {
        for (TableFormat f : ServiceLoader.load(TableFormat.class, TableFormat.class.getClassLoader())) {
            if (f.recognizes(head)) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }

    /** The installed format called {@code name}, if any. */
    static Optional<TableFormat> named(String name) {
        for (TableFormat f : ServiceLoader.load(TableFormat.class, TableFormat.class.getClassLoader())) {
            if (f.name().equals(name)) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }
}
