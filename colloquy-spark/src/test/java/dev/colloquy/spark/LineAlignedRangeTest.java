package dev.colloquy.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LineAlignedRangeTest {

    /** Seeded texts of short, empty and long lines (with and without a last newline) cut at random range sizes. */
    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16})
    void everyLineIsReadByExactlyOneRangeWithItsLineNumber(long seed) throws IOException {
        Random rnd = new Random(seed);
        StringBuilder text = new StringBuilder();
        int lines = 1 + rnd.nextInt(60);
        for (int i = 0; i < lines; i++) {
            int len = rnd.nextInt(10) == 0 ? 0 : rnd.nextInt(5) == 0 ? 200 + rnd.nextInt(300) : rnd.nextInt(20);
            for (int k = 0; k < len; k++) {
                text.append(k % 7 == 0 ? 'é' : (char) ('a' + rnd.nextInt(26)));
            }
            if (i < lines - 1 || rnd.nextBoolean()) {
                text.append('\n');
            }
        }
        byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
        List<String> expected = new ArrayList<>(Arrays.asList(text.toString().split("\n", -1)));
        if (text.length() > 0 && text.charAt(text.length() - 1) == '\n') {
            expected.remove(expected.size() - 1);
        }
        int split = 1 + rnd.nextInt(64);

        List<String> got = new ArrayList<>();
        List<Long> numbers = new ArrayList<>();
        long newlinesBefore = 0;
        for (long start = 0; start < bytes.length; start += split) {
            long end = Math.min(bytes.length, start + split);
            long from = Math.max(0, start - 1);
            LineAlignedRange r = new LineAlignedRange(new ByteArrayInputStream(bytes, (int) from,
                    bytes.length - (int) from), start, end);
            String part = new String(r.readAllBytes(), StandardCharsets.UTF_8);
            long first = newlinesBefore + 1 + (r.skippedPartialLine() ? 1 : 0);
            if (!part.isEmpty()) {
                String[] ls = part.split("\n", -1);
                int n = part.endsWith("\n") ? ls.length - 1 : ls.length;
                for (int i = 0; i < n; i++) {
                    got.add(ls[i]);
                    numbers.add(first + i);
                }
            }
            for (long i = start; i < end; i++) {
                if (bytes[(int) i] == '\n') {
                    newlinesBefore++;
                }
            }
        }
        assertThat(got).as("split %d", split).isEqualTo(expected);
        for (int i = 0; i < numbers.size(); i++) {
            assertThat(numbers.get(i)).isEqualTo(i + 1L);
        }
    }
}
