package dev.colloquy.format;

import static org.assertj.core.api.Assertions.assertThat;

import dev.colloquy.io.InputSources;
import dev.colloquy.model.Conversation;
import dev.colloquy.model.Role;
import dev.colloquy.model.Turn;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class TranscriptGoldenTest {

    private static final Path SEED = Paths.get("src/test/resources/golden/seed/seed.txt");

    private static Conversation readSeed() {
        try (Stream<ReadResult> results = ConversationReader.read(InputSources.of(SEED), InputFormat.AUTO,
                RoleMap.defaults())) {
            List<ReadResult> all = results.toList();
            assertThat(all).hasSize(1);
            assertThat(all.get(0)).isInstanceOf(ReadResult.Ok.class);
            return ((ReadResult.Ok) all.get(0)).conversation();
        }
    }

    @Test
    void seedIsIdenticalToTheBundledExample() throws Exception {
        assertThat(Files.readAllBytes(SEED)).isEqualTo(Files.readAllBytes(Paths.get("../examples/seed.txt")));
    }

    @Test
    void readsTwentyTurnsAlternatingBetweenAAndB() {
        Conversation c = readSeed();
        assertThat(c.turns()).hasSize(20);
        for (int i = 0; i < 20; i++) {
            Turn t = c.turns().get(i);
            assertThat(t.speaker()).isEqualTo(i % 2 == 0 ? "A" : "B");
            assertThat(t.role()).isEqualTo(i % 2 == 0 ? Role.USER : Role.ASSISTANT);
        }
        assertThat(c.source().toString()).endsWith("seed.txt:1");
    }

    @Test
    void firstTurnBeginsWithHey() {
        assertThat(readSeed().turns().get(0).text()).startsWith("Hey");
    }

    @Test
    void eachTurnEqualsTheFilesTextForThatTurn() throws Exception {
        String raw = new String(Files.readAllBytes(SEED), StandardCharsets.UTF_8);
        // Independent split: on a newline followed by a speaker tag.
        List<String> expected = new ArrayList<>();
        for (String piece : ("\n" + raw).split("\n(?=\\[[AB]\\]: )")) {
            if (piece.isEmpty()) {
                continue;
            }
            String text = piece.substring("[A]: ".length());
            while (text.endsWith("\n")) {
                text = text.substring(0, text.length() - 1);
            }
            expected.add(text);
        }
        assertThat(expected).hasSize(20);
        assertThat(readSeed().turns()).extracting(Turn::text).containsExactlyElementsOf(expected);
    }

    @Test
    void derivesTheSameIdOnEveryRead() {
        assertThat(readSeed().id()).isEqualTo(readSeed().id()).hasSize(16);
    }
}
