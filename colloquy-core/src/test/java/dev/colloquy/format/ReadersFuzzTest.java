package dev.colloquy.format;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.colloquy.io.InputSources;
import dev.colloquy.model.Conversation;
import dev.colloquy.model.SourcePosition;
import dev.colloquy.model.Turn;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * One fuzz target per reader (issue 13): JSON Lines, a JSON array, transcripts. Each checks what the pipeline
 * relies on, not only that nothing throws: every input yields at least one result (an empty one is an
 * {@code empty_file} rejection), every rejection has a known reason and a line inside the input and renders as a
 * quarantine line, and every conversation read renders as a kept line that reads back to the same turns. Normal
 * test runs replay the seeds under {@code ReadersFuzzTestInputs/}; {@code JAZZER_FUZZ=1} fuzzes.
 */
class ReadersFuzzTest {

    private static final Set<String> REASONS = Arrays.stream(ReadReason.values()).map(ReadReason::code)
            .collect(Collectors.toSet());

    @FuzzTest(maxDuration = "1m")
    void jsonLinesReaderAccountsForEveryInput(FuzzedDataProvider data) {
        check(data.consumeRemainingAsBytes(), InputFormat.AUTO, true);
    }

    @FuzzTest(maxDuration = "1m")
    void jsonArrayReaderAccountsForEveryInput(FuzzedDataProvider data) {
        boolean shareGpt = data.consumeBoolean();
        byte[] rest = data.consumeRemainingAsBytes();
        byte[] bytes = new byte[rest.length + 2];
        bytes[0] = '[';
        bytes[1] = '{';
        System.arraycopy(rest, 0, bytes, 2, rest.length);
        check(bytes, shareGpt ? InputFormat.SHAREGPT : InputFormat.OPENAI, true);
    }

    @FuzzTest(maxDuration = "1m")
    void transcriptReaderAccountsForEveryInput(FuzzedDataProvider data) {
        check(data.consumeRemainingAsBytes(), InputFormat.TRANSCRIPT, false);
    }

    private static void check(byte[] bytes, InputFormat format, boolean json) {
        long lines = 1;
        for (byte b : bytes) {
            if (b == '\n') {
                lines++;
            }
        }
        List<ReadResult> all;
        try (Stream<ReadResult> s = ConversationReader.read(InputSources.of(new ByteArrayInputStream(bytes)), format,
                RoleMap.defaults(), 4096)) {
            all = s.toList();
        }
        assertThat(all).as("every input is accounted for").isNotEmpty();
        for (ReadResult r : all) {
            if (r instanceof ReadResult.Bad b) {
                assertThat(REASONS).contains(b.rejection().reason());
                assertThat(b.rejection().source().line()).isBetween(0L, lines);
                QuarantineWriter.toJson(b.rejection());
            } else {
                Conversation c = ((ReadResult.Ok) r).conversation();
                assertThat(c.source().line()).isBetween(1L, lines);
                if (json) {
                    String line = RecordJson.toJson(c, OutputFormat.OPENAI);
                    ReadResult back = JsonlRecords.parse(line, new SourcePosition("back.jsonl", 1), RoleMap.defaults());
                    assertThat(back).as(line).isInstanceOf(ReadResult.Ok.class);
                    List<Turn> turns = ((ReadResult.Ok) back).conversation().turns();
                    assertThat(turns).extracting(Turn::text).isEqualTo(c.turns().stream().map(Turn::text).toList());
                    assertThat(turns).extracting(Turn::role).isEqualTo(c.turns().stream().map(Turn::role).toList());
                } else {
                    RecordJson.toJson(c, OutputFormat.TRANSCRIPT);
                    RecordJson.toJson(c, OutputFormat.OPENAI);
                }
            }
        }
        new String(bytes, StandardCharsets.UTF_8);
    }
}
