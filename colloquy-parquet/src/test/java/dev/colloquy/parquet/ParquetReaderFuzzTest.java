package dev.colloquy.parquet;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.colloquy.format.ConversationReader;
import dev.colloquy.format.InputFormat;
import dev.colloquy.format.OutputFormat;
import dev.colloquy.format.QuarantineWriter;
import dev.colloquy.format.ReadResult;
import dev.colloquy.format.RecordJson;
import dev.colloquy.format.RoleMap;
import dev.colloquy.format.TableWriter;
import dev.colloquy.io.InputSources;
import dev.colloquy.model.Conversation;
import dev.colloquy.model.Role;
import dev.colloquy.model.SourcePosition;
import dev.colloquy.model.Turn;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The Parquet reader's fuzz target (issue 13): a valid chat Parquet file, damaged by the fuzzer (bytes overwritten,
 * the file cut short), never makes the reader throw, and every file yields at least one result: conversations, or
 * rejections that render as quarantine lines. Normal test runs replay the seeds under
 * {@code ParquetReaderFuzzTestInputs/}; {@code JAZZER_FUZZ=1} fuzzes.
 */
class ParquetReaderFuzzTest {

    private static final byte[] VALID = valid();

    private static byte[] valid() {
        try {
            Path dir = Files.createTempDirectory("parquet-fuzz");
            Path p = dir.resolve("valid.parquet");
            try (TableWriter w = new ParquetChatWriter(p, OutputFormat.OPENAI, 1 << 10)) {
                for (int i = 0; i < 20; i++) {
                    w.write(new Conversation("c" + i, new SourcePosition("gen", i + 1), List.of(
                            new Turn("user", Role.USER, "Привет " + i, Map.of("weight", 1), List.of()),
                            new Turn("assistant", Role.ASSISTANT, "Χαίρετε 你好 " + i)), Map.of("k", i), List.of()));
                }
            }
            byte[] bytes = Files.readAllBytes(p);
            Files.delete(p);
            Files.delete(dir);
            return bytes;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @FuzzTest(maxDuration = "1m")
    void parquetReaderAccountsForEveryDamagedFile(FuzzedDataProvider data) throws IOException {
        byte[] bytes = VALID.clone();
        int edits = data.consumeInt(0, 16);
        for (int i = 0; i < edits; i++) {
            bytes[data.consumeInt(0, bytes.length - 1)] = data.consumeByte();
        }
        int length = data.consumeInt(4, bytes.length);
        Path dir = Files.createTempDirectory("parquet-fuzz");
        Path p = Files.write(dir.resolve("damaged.parquet"), java.util.Arrays.copyOf(bytes, length));
        try (Stream<ReadResult> s = ConversationReader.read(InputSources.of(p), InputFormat.AUTO, RoleMap.defaults())) {
            List<ReadResult> all = s.toList();
            assertThat(all).isNotEmpty();
            for (ReadResult r : all) {
                if (r instanceof ReadResult.Bad b) {
                    QuarantineWriter.toJson(b.rejection());
                } else {
                    RecordJson.toJson(((ReadResult.Ok) r).conversation(), OutputFormat.OPENAI);
                }
            }
        } finally {
            Files.deleteIfExists(p);
            Files.deleteIfExists(dir);
        }
    }
}
