package dev.colloquy.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.colloquy.model.Conversation;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.List;
import java.util.ArrayList;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DedupSketcherTest {

    private final Conversation conversation = new SyntheticCorpus(5).build(1).get(0);

    @Test
    void survivesSerializationAndSketchesTheSameAfterwards() throws IOException, ClassNotFoundException {
        DedupSketcher sketcher = new DedupSketcher(DedupConfig.defaults());
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(sketcher);
        }
        DedupSketcher copy;
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            copy = (DedupSketcher) in.readObject();
        }

        assertThat(copy.sketch(conversation)).isEqualTo(sketcher.sketch(conversation));
        assertThat(copy.bandKeys(copy.sketch(conversation))).containsExactly(
                sketcher.bandKeys(sketcher.sketch(conversation)));
    }

    @Test
    void computesOnlyWhatTheModeNeeds() {
        RecordSketch exact = new DedupSketcher(DedupConfig.defaults().withMode(DedupConfig.Mode.EXACT))
                .sketch(conversation);
        RecordSketch near = new DedupSketcher(DedupConfig.defaults().withMode(DedupConfig.Mode.NEAR))
                .sketch(conversation);

        assertThat(exact.fingerprint()).isNotNull();
        assertThat(exact.signature()).isEmpty();
        assertThat(near.fingerprint()).isNull();
        assertThat(near.signature()).hasSize(128);
    }

    @Test
    void marksContentWithoutLettersAsEmpty() {
        RecordSketch s = new DedupSketcher(DedupConfig.defaults())
                .sketch(SyntheticText.conversation("x", List.of("?!", "...")));

        assertThat(s.empty()).isTrue();
        assertThat(new DedupSketcher(DedupConfig.defaults()).bandKeys(s)).isEmpty();
    }

    /** Random code points from many blocks, unpaired surrogates included: never throws, always deterministic. */
    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5})
    void sketchesRandomTextDeterministically(long seed) {
        Random random = new Random(seed);
        int[][] ranges = {{0x20, 0x7F}, {0xA0, 0x2FF}, {0x300, 0x36F}, {0x400, 0x4FF}, {0x600, 0x6FF},
            {0x900, 0x97F}, {0xE00, 0xE7F}, {0x3040, 0x30FF}, {0x4E00, 0x9FFF}, {0xAC00, 0xD7A3},
            {0xD800, 0xDFFF}, {0xFF00, 0xFFEF}, {0x1F300, 0x1F6FF}};
        DedupSketcher sketcher = new DedupSketcher(DedupConfig.defaults());
        for (int n = 0; n < 200; n++) {
            List<String> turns = new ArrayList<>();
            for (int t = 0, count = random.nextInt(5); t < count; t++) {
                StringBuilder b = new StringBuilder();
                for (int i = 0, len = random.nextInt(80); i < len; i++) {
                    int[] r = ranges[random.nextInt(ranges.length)];
                    b.appendCodePoint(r[0] + random.nextInt(r[1] - r[0] + 1));
                    if (random.nextInt(6) == 0) {
                        b.append(' ');
                    }
                }
                turns.add(b.toString());
            }
            Conversation c = SyntheticText.conversation("x" + n, turns);

            RecordSketch s = sketcher.sketch(c);

            assertThat(s).as("seed %d record %d", seed, n).isEqualTo(sketcher.sketch(c));
            assertThat(s.signature()).hasSize(s.empty() ? 0 : 128);
        }
    }
}
