package dev.colloquy.parquet;

import dev.colloquy.format.OutputFormat;
import dev.colloquy.format.TableFormat;
import dev.colloquy.format.TableReader;
import dev.colloquy.format.TableWriter;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Parquet for colloquy, on one machine and without Hadoop: found by core through {@link java.util.ServiceLoader}.
 * Files are recognized by their magic bytes {@code PAR1}; see {@code docs/formats.md} for the schema written.
 */
public final class ParquetTableFormat implements TableFormat {

    @Override
    public String name() {
        return "parquet";
    }

    @Override
    public boolean recognizes(byte[] head) {
        return head.length >= 4 && head[0] == 'P' && head[1] == 'A' && head[2] == 'R' && head[3] == '1';
    }

    @Override
    public TableReader open(Path file, String name) throws IOException {
        return new ParquetRows(file);
    }

    @Override
    public TableWriter create(Path file, OutputFormat shape) {
        return new ParquetChatWriter(file, shape);
    }
}
