package dev.colloquy.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CorpusSinkTest {

    @Test
    void writesOneJsonObjectPerLineAndATruthLinePointingAtEachRecord(@TempDir Path dir) throws IOException {
        CorpusGenerator g = new CorpusGenerator(CorpusGeneratorTest.pools(), 3);
        try (CorpusSink sink = new CorpusSink(dir)) {
            for (int i = 0; i < 3000; i++) {
                sink.write(g.next());
            }
        }
        ObjectMapper json = new ObjectMapper();
        List<String> truth = Files.readAllLines(dir.resolve("truth.jsonl"), StandardCharsets.UTF_8);
        assertThat(truth).hasSize(3000);
        List<String> openai = Files.readAllLines(dir.resolve("openai.jsonl"), StandardCharsets.ISO_8859_1);
        List<String> transcripts = Files.readAllLines(dir.resolve("transcripts.txt"), StandardCharsets.UTF_8);
        for (String line : truth) {
            JsonNode t = json.readTree(line);
            String[] source = t.get("source").asText().split(":");
            int at = Integer.parseInt(source[1]) - 1;
            boolean malformed = t.get("defect").asText().equals("malformed");
            if (source[0].equals("openai.jsonl") && !malformed) {
                String utf8 = new String(openai.get(at).getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
                assertThat(json.readTree(utf8).get("id").asText()).isEqualTo(t.get("id").asText());
            } else if (source[0].equals("transcripts.txt") && !malformed) {
                assertThat(transcripts.get(at)).startsWith("[");
                assertThat(at == 0 || transcripts.get(at - 1).equals("---")).isTrue();
            }
        }
    }
}
