package dev.colloquy.signals;

import static java.nio.charset.StandardCharsets.UTF_8;

import dev.colloquy.model.Conversation;
import dev.colloquy.model.Role;
import dev.colloquy.model.SourcePosition;
import dev.colloquy.model.Turn;
import dev.colloquy.step.Step;
import dev.colloquy.step.StepResult;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Test fixtures: the seed transcript, small conversations, random text. */
final class Fixtures {

    private static final Pattern TURN = Pattern.compile("(?m)^\\[([A-Z])\\]: ");

    private Fixtures() {
    }

    /** The seed after repair (see golden/signals/README.md), split into its 20 turns; A is the user. */
    static Conversation seed() {
        return transcript("golden/signals/seed.repaired.txt");
    }

    static Conversation transcript(String resource) {
        String text;
        try (InputStream in = Fixtures.class.getClassLoader().getResourceAsStream(resource)) {
            text = new String(in.readAllBytes(), UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Matcher m = TURN.matcher(text);
        List<Turn> turns = new ArrayList<>();
        int start = -1;
        String speaker = null;
        while (m.find()) {
            if (speaker != null) {
                turns.add(turn(speaker, text.substring(start, m.start())));
            }
            speaker = m.group(1);
            start = m.end();
        }
        turns.add(turn(speaker, text.substring(start)));
        return new Conversation("seed", new SourcePosition(resource, 1), turns);
    }

    private static Turn turn(String speaker, String text) {
        String t = text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
        return new Turn(speaker, speaker.equals("A") ? Role.USER : Role.ASSISTANT, t);
    }

    /** A conversation of alternating user/assistant turns with these texts. */
    static Conversation dialogue(String... texts) {
        List<Turn> turns = new ArrayList<>();
        for (int i = 0; i < texts.length; i++) {
            turns.add(new Turn(i % 2 == 0 ? "A" : "B", i % 2 == 0 ? Role.USER : Role.ASSISTANT, texts[i]));
        }
        return new Conversation("c", new SourcePosition("test", 1), turns);
    }

    static Conversation kept(Step step, Conversation c) {
        StepResult r = step.apply(c);
        if (r instanceof StepResult.Kept k) {
            return k.conversation();
        }
        throw new AssertionError("rejected: " + r);
    }

    /** Random text mixing scripts, digits, punctuation, emoji, surrogates and separators. */
    static String randomText(Random rnd, int maxLength) {
        String[] pieces = {"a", "e", "the ", "Ö", "ß", "é", "я", "ж", "ا", "中", "文", "か", "カ", "한", "ไ", "α", "א",
            "😀", "🥂", "\uD800", "\uDC00", " ", "  ", "\n", "\n\n", "\t", ".", ",", "@", ":", "::", "/", "-", "+",
            "(", ")", "'", "’", "1", "7", "0", "4111", "192.168.", "user@example.org ", "well said ", "Amen. ",
            "\u0000", "\uFFFD", "\u200B", "\u0301"};
        int len = rnd.nextInt(maxLength + 1);
        StringBuilder sb = new StringBuilder();
        while (sb.length() < len) {
            sb.append(pieces[rnd.nextInt(pieces.length)]);
        }
        return sb.toString();
    }

    static Conversation randomConversation(Random rnd) {
        int n = rnd.nextInt(6);
        List<Turn> turns = new ArrayList<>();
        Role[] roles = Role.values();
        for (int i = 0; i < n; i++) {
            turns.add(new Turn(rnd.nextBoolean() ? "A" : "B", roles[rnd.nextInt(roles.length)],
                    randomText(rnd, rnd.nextInt(3) == 0 ? 2000 : 200)));
        }
        return new Conversation("r", new SourcePosition("random", 1), turns);
    }
}
