package dev.colloquy.format;

import static org.assertj.core.api.Assertions.assertThat;

import dev.colloquy.model.Conversation;
import dev.colloquy.model.Role;
import dev.colloquy.model.SourcePosition;
import dev.colloquy.model.Turn;
import java.io.IOException;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConversationWriterTest {

    private static Conversation conv(String id, String a, String b) {
        return new Conversation(id, new SourcePosition("f", 1),
                List.of(new Turn("A", Role.USER, a), new Turn("B", Role.ASSISTANT, b)));
    }

    @Test
    void separatesTranscriptConversationsWithDashes() throws IOException {
        StringWriter w = new StringWriter();
        ConversationWriter cw = ConversationWriter.of(OutputFormat.TRANSCRIPT, w);
        cw.write(conv("1", "hi", "yo\n\nmore"));
        cw.write(conv("2", "q", "a"));
        assertThat(w.toString()).isEqualTo("[A]: hi\n[B]: yo\n\nmore\n---\n[A]: q\n[B]: a\n");
        assertThat(cw.written()).isEqualTo(2);
    }

    @Test
    void writesOneJsonRecordPerLine() throws IOException {
        StringWriter w = new StringWriter();
        ConversationWriter cw = ConversationWriter.of(OutputFormat.SHAREGPT, w);
        cw.write(conv("1", "hi", "yo"));
        cw.write(conv("2", "q", "a"));
        assertThat(w.toString().lines()).hasSize(2).allMatch(l -> l.startsWith("{\"id\":"));
        assertThat(w.toString()).contains("\"from\":\"human\"").contains("\"speakers\":[\"A\",\"B\"]");
    }
}
