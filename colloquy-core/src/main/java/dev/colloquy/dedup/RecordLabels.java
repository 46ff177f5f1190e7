package dev.colloquy.dedup;

import dev.colloquy.model.SourcePosition;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/*
 * The id and source of every indexed record, needed only to name the record a duplicate duplicates. Holding
 * the String and SourcePosition objects would cost ~95 bytes per record (object headers, a byte[] per id);
 * here an id is its UTF-8 bytes in 64 KB blocks (8-byte position + 2-byte length), a source is an index
 * into the few distinct file names plus the line: ~24 bytes per record plus the id's length. An id longer
 * than 65,535 UTF-8 bytes is cut there (it only ever appears in a quarantine message).
 */
final class RecordLabels {

    private static final int CHUNK = 1024;
    private static final int BLOCK = 1 << 16;

    private final List<String> files = new ArrayList<>();
    private final Map<String, Integer> fileIndex = new HashMap<>();
    private final List<byte[]> blocks = new ArrayList<>();
    private final List<long[]> idStarts = new ArrayList<>();
    private final List<char[]> idLengths = new ArrayList<>();
    private final List<int[]> fileOf = new ArrayList<>();
    private final List<long[]> lineOf = new ArrayList<>();
    private int blockUsed = BLOCK;
    private int size;

    int size() {
        return size;
    }

    /** Stores a record's labels under the next record number. */
    void add(String id, SourcePosition source) {
        int r = size++;
        if (r % CHUNK == 0) {
            idStarts.add(new long[CHUNK]);
            idLengths.add(new char[CHUNK]);
            fileOf.add(new int[CHUNK]);
            lineOf.add(new long[CHUNK]);
        }
        byte[] bytes = id.getBytes(StandardCharsets.UTF_8);
        int length = Math.min(bytes.length, Character.MAX_VALUE);
        if (blockUsed + length > BLOCK || blocks.isEmpty()) {
            blocks.add(new byte[Math.max(BLOCK, length)]);
            blockUsed = 0;
        }
        System.arraycopy(bytes, 0, blocks.get(blocks.size() - 1), blockUsed, length);
        idStarts.get(r / CHUNK)[r % CHUNK] = ((long) (blocks.size() - 1) << 32) | blockUsed;
        idLengths.get(r / CHUNK)[r % CHUNK] = (char) length;
        blockUsed += length;
        Integer f = fileIndex.get(source.file());
        if (f == null) {
            f = files.size();
            files.add(source.file());
            fileIndex.put(source.file(), f);
        }
        fileOf.get(r / CHUNK)[r % CHUNK] = f;
        lineOf.get(r / CHUNK)[r % CHUNK] = source.line();
    }

    String id(int r) {
        long start = idStarts.get(r / CHUNK)[r % CHUNK];
        return new String(blocks.get((int) (start >>> 32)), (int) start, idLengths.get(r / CHUNK)[r % CHUNK],
                StandardCharsets.UTF_8);
    }

    SourcePosition source(int r) {
        return new SourcePosition(files.get(fileOf.get(r / CHUNK)[r % CHUNK]), lineOf.get(r / CHUNK)[r % CHUNK]);
    }
}
