package dev.colloquy.signals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.colloquy.model.Conversation;
import dev.colloquy.model.Role;
import dev.colloquy.model.SourcePosition;
import dev.colloquy.model.Turn;
import dev.colloquy.step.StepParameters;
import dev.colloquy.signals.StructureFinding.Kind;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StructureCheckTest {

    private final StructureCheck step = new StructureCheck();

    private static Conversation of(Turn... turns) {
        return new Conversation("c", new SourcePosition("t", 1), List.of(turns));
    }

    private List<Kind> kinds(Conversation c) {
        return Fixtures.kept(step, c).findings(StructureFinding.class).stream().map(StructureFinding::kind).toList();
    }

    @Test
    void findsNothingWrongWithTheSeedAndCountsIt() {
        Conversation c = Fixtures.kept(step, Fixtures.seed());
        assertThat(c.findings(StructureFinding.class)).isEmpty();
        StructureCounts counts = c.findings(StructureCounts.class).get(0);
        assertThat(counts.turnCount()).isEqualTo(20);
        assertThat(counts.userTurns()).isEqualTo(10);
        assertThat(counts.assistantTurns()).isEqualTo(10);
        assertThat(counts.characters()).isGreaterThan(15_000);
    }

    @Test
    void findsConsecutiveSameRoleAndRepeatedSpeaker() {
        Conversation c = Fixtures.kept(step, of(new Turn("A", Role.USER, "Set this to TRUE to activate the screensaver."),
                new Turn("A", Role.USER, "Set this to TRUE to activate the screensaver when the session is idle."),
                new Turn("B", Role.ASSISTANT, "This key is deprecated and ignored.")));
        assertThat(c.findings(StructureFinding.class)).contains(
                new StructureFinding(Kind.CONSECUTIVE_SAME_ROLE, List.of(0, 1)),
                new StructureFinding(Kind.REPEATED_SPEAKER, List.of(0, 1)));
    }

    @Test
    void findsAnOpeningByTheAssistantAndAnUnansweredEnding() {
        assertThat(kinds(of(new Turn("B", Role.ASSISTANT, "How can I help you?"),
                new Turn("A", Role.USER, "This key is deprecated and ignored."))))
                .contains(Kind.OPENS_WITH_ASSISTANT, Kind.ENDS_WITH_USER);
    }

    @Test
    void allowsASystemTurnBeforeTheUser() {
        assertThat(kinds(of(new Turn("S", Role.SYSTEM, "You are a helpful assistant."),
                new Turn("A", Role.USER, "How do I list a tar archive?"),
                new Turn("B", Role.ASSISTANT, "Use tar --list.")))).isEmpty();
    }

    @Test
    void findsEmptyTurnsAndMissingReplies() {
        assertThat(kinds(of(new Turn("A", Role.USER, "How do I list a tar archive?"), new Turn("B", Role.ASSISTANT, " \n"))))
                .contains(Kind.EMPTY_TURN, Kind.NO_ASSISTANT_REPLY);
    }

    @Test
    void findsSingleTurnAndEmptyConversations() {
        assertThat(kinds(of(new Turn("A", Role.USER, "How do I list a tar archive?")))).contains(Kind.SINGLE_TURN);
        assertThat(kinds(of())).containsExactly(Kind.EMPTY_CONVERSATION);
    }

    @Test
    void judgesCutOffTurnsAsTheStripAndSplitReadingDid() {
        // the reading isCutOff replaced (strip, substring, split("\\s+")), as the oracle; seeded texts of the
        // characters its bounds arithmetic must get right: white space in and outside \s, line breaks, the
        // sentence ends, code fences, table bars, surrogate pairs, and words that lower-case to dangling ones
        String[] pieces = {" ", "  ", "\t", "\n", "\r\n", "\u000B", "\f", "\u00A0", "\u2003", "\u3000", ". ", "? ",
            "! ", ".", ",", ";", "-", "```", "|", "the", "THE", "And", "because", "Because", "word", "x", "42", "é",
            "\u0130s", "\u212Ak", "🥂", "\uD83D", "文", "。", "(", ")"};
        StructureCheck narrow = new StructureCheck(3);
        long seed = 20261207L;
        Random random = new Random(seed);
        for (int n = 0; n < 20_000; n++) {
            StringBuilder sb = new StringBuilder();
            int parts = random.nextInt(40);
            for (int p = 0; p < parts; p++) {
                sb.append(pieces[random.nextInt(pieces.length)]);
            }
            String text = sb.toString();
            assertThat(step.isCutOff(text)).as("seed %d, text '%s'", seed, text).isEqualTo(splitReading(text, 25));
            assertThat(narrow.isCutOff(text)).as("seed %d, text '%s'", seed, text).isEqualTo(splitReading(text, 3));
        }
    }

    private static boolean splitReading(String text, int cutOffWords) {
        String s = text.strip();
        String line = s.substring(s.lastIndexOf('\n') + 1);
        if (line.isEmpty() || line.startsWith("```") || line.startsWith("|")) {
            return false;
        }
        int last = line.codePointBefore(line.length());
        if (last == ',' || last == ';' || last == '-') {
            return line.length() > 1;
        }
        if (!Character.isLetterOrDigit(last)) {
            return false;
        }
        String[] words = line.split("\\s+");
        if (words.length >= 4 && java.util.Set.of("the", "a", "an", "and", "or", "but", "of", "to", "with", "for",
                "in", "on", "at", "by", "from", "because", "that", "which", "my", "your", "our", "their", "is", "are",
                "was", "were").contains(words[words.length - 1].toLowerCase(java.util.Locale.ROOT))) {
            return true;
        }
        int start = Math.max(Math.max(line.lastIndexOf(". "), line.lastIndexOf("? ")), line.lastIndexOf("! "));
        return (start < 0 ? line : line.substring(start + 2)).split("\\s+").length > cutOffWords;
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Set this to TRUE to activate the screensaver when the session is idle, and",
        "Each source is specified as a tuple of two strings. The first string is the",
        "The following options are used after any mandatory argument in archive creation or update mode,",
        "If TRUE the GtkProgress is in activity mode meaning that it signals something is happening but not how much"
            + " of the activity is finished which is used when you are doing something but do not know how long"
    })
    void findsTurnsCutOffMidSentence(String text) {
        assertThat(step.isCutOff(text)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Set this to TRUE to activate the screensaver when the session is idle.",
        "thanks", "see you tomorrow", "Use tar --list (see the manual)", "Well said. 🥂",
        "可用输入源标识的列表。", "```\nls -l\n```", "| a | b |", "Why not?", "Here is the list:\n- one\n- two"
    })
    void acceptsCompleteEndings(String text) {
        assertThat(step.isCutOff(text)).isFalse();
    }

    @Test
    void rejectsATooSmallCutOffLength() {
        assertThatThrownBy(() -> new StructureCheck.Factory()
                .create(new StepParameters("structure", Map.of("cut_off_words", 1))))
                .hasMessageContaining("cut_off_words");
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 42, 4711})
    void neverThrowsOnRandomInputAndNamesExistingTurns(long seed) {
        Random rnd = new Random(seed);
        for (int k = 0; k < 100; k++) {
            Conversation in = Fixtures.randomConversation(rnd);
            for (StructureFinding f : Fixtures.kept(step, in).findings(StructureFinding.class)) {
                assertThat(f.turns()).as("seed %d", seed).allMatch(t -> t >= 0 && t < in.turns().size());
            }
        }
    }
}
