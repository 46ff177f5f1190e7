package dev.colloquy.format;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.colloquy.io.InputSources;
import dev.colloquy.model.SourcePosition;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;

/**
 * Readers never throw on any input. In a normal test run these replay the seeds under
 * {@code src/test/resources/dev/colloquy/format/FormatsFuzzTestInputs/}; run with {@code JAZZER_FUZZ=1} to fuzz.
 */
class FormatsFuzzTest {

    @FuzzTest(maxDuration = "1m")
    void jsonlRecordsNeverThrow(FuzzedDataProvider data) {
        String line = data.consumeRemainingAsString();
        ReadResult r = JsonlRecords.parse(line, new SourcePosition("fuzz.jsonl", 1), RoleMap.defaults());
        if (r instanceof ReadResult.Ok ok) {
            for (OutputFormat f : OutputFormat.values()) {
                if (f == OutputFormat.PARQUET) {
                    RecordJson.toTree(ok.conversation(), f);
                } else {
                    RecordJson.toJson(ok.conversation(), f);
                }
            }
        } else {
            QuarantineWriter.toJson(((ReadResult.Bad) r).rejection());
        }
    }

    @FuzzTest(maxDuration = "1m")
    void readersNeverThrow(FuzzedDataProvider data) {
        InputFormat format = data.pickValue(InputFormat.values());
        int cap = data.consumeInt(1, 4096);
        byte[] bytes = data.consumeRemainingAsBytes();
        try (Stream<ReadResult> s = ConversationReader.read(InputSources.of(new ByteArrayInputStream(bytes)), format,
                RoleMap.defaults(), cap)) {
            List<ReadResult> all = s.toList();
            all.forEach(r -> {
                if (r instanceof ReadResult.Bad b) {
                    QuarantineWriter.toJson(b.rejection());
                }
            });
        }
    }

    @FuzzTest(maxDuration = "1m")
    void transcriptParserNeverThrows(FuzzedDataProvider data) {
        String text = data.consumeRemainingAsString();
        TranscriptParser.parse(List.of(text.split("\n", -1)), "fuzz.txt", 1, RoleMap.defaults());
        new String(text.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8);
    }
}
