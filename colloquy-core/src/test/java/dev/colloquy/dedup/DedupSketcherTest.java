package dev.colloquy.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.colloquy.model.Conversation;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.List;
import org.junit.jupiter.api.Test;

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
}
