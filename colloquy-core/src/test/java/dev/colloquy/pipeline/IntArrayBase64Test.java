package dev.colloquy.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.colloquy.dedup.DedupConfig;
import dev.colloquy.dedup.DedupSketcher;
import dev.colloquy.dedup.RecordSketch;
import dev.colloquy.model.Conversation;
import dev.colloquy.model.Role;
import dev.colloquy.model.SourcePosition;
import dev.colloquy.model.Turn;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class IntArrayBase64Test {

    private static final ObjectMapper MAPPER = new ObjectMapper().registerModule(IntArrayBase64.module());

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 42})
    void readsBackEveryArrayItWrote(long seed) throws Exception {
        Random rnd = new Random(seed);
        int[] values = rnd.ints(rnd.nextInt(300)).toArray();

        String json = MAPPER.writeValueAsString(values);

        assertThat(MAPPER.readValue(json, int[].class)).as("seed %d", seed).containsExactly(values);
    }

    @Test
    void writesA128ValueSignatureIn684Characters() throws Exception {
        Conversation c = new Conversation("c1", new SourcePosition("in.jsonl", 1), List.of(
                new Turn("A", Role.USER, "How do I configure the network interface on Debian?"),
                new Turn("B", Role.ASSISTANT, "Edit /etc/network/interfaces and restart networking.")));
        RecordSketch sketch = new DedupSketcher(DedupConfig.defaults()).sketch(c);

        String json = MAPPER.writeValueAsString(sketch);

        assertThat(sketch.signature()).hasSize(128);
        assertThat(json).contains("\"signature\":\"").hasSizeLessThan(684 + 120);
        assertThat(MAPPER.readValue(json, RecordSketch.class)).isEqualTo(sketch);
    }

    @Test
    void rejectsBytesThatAreNotWholeValues() {
        assertThatThrownBy(() -> MAPPER.readValue("\"AAAA\"", int[].class)).isInstanceOf(JsonMappingException.class)
                .hasMessageContaining("not a whole number of 4-byte values");
    }
}
