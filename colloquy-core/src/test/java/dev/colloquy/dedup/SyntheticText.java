package dev.colloquy.dedup;

import dev.colloquy.model.Conversation;
import dev.colloquy.model.Role;
import dev.colloquy.model.SourcePosition;
import dev.colloquy.model.Turn;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Seeded generators of conversations for the dedup tests. */
final class SyntheticText {

    private static final String[] WORDS = ("the of and to in is that it for on with as was he be at by this had not "
            + "are but from or have an they which one you were her all she there would their we him been has when "
            + "who will more no if out so said what up its about into than them can only other new some could time "
            + "these two may then do first any my now such like our over man me even most made after also did many "
            + "before must through back years where much your way well down should because each just those people "
            + "how too little state good very make world still own see men work long get here between both life "
            + "being under never day same another know while last might us great old year off come since against "
            + "go came right used take three river cloud engine garden market silver window letter planet music "
            + "doctor winter summer forest bridge mountain ocean paper pencil orange yellow purple kitten rocket "
            + "castle dragon wizard lantern compass harbor meadow thunder volcano glacier desert island canyon")
            .split(" ");

    private final Random random;

    SyntheticText(long seed) {
        random = new Random(seed);
    }

    String words(int n) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                b.append(random.nextInt(12) == 0 ? ". " : " ");
            }
            b.append(WORDS[random.nextInt(WORDS.length)]);
        }
        return b.append('.').toString();
    }

    /** Replaces {@code n} random words of {@code text} with other words. */
    String mutate(String text, int n) {
        String[] w = text.split(" ");
        for (int i = 0; i < n; i++) {
            w[random.nextInt(w.length)] = WORDS[random.nextInt(WORDS.length)] + "x";
        }
        return String.join(" ", w);
    }

    List<String> turns(int count, int wordsPerTurn) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            out.add(words(wordsPerTurn));
        }
        return out;
    }

    static Conversation conversation(String id, List<String> texts) {
        return conversation(id, "corpus.jsonl", 1, texts);
    }

    static Conversation conversation(String id, String file, long line, List<String> texts) {
        List<Turn> turns = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            turns.add(new Turn(i % 2 == 0 ? "A" : "B", i % 2 == 0 ? Role.USER : Role.ASSISTANT, texts.get(i)));
        }
        return new Conversation(id, new SourcePosition(file, line), turns);
    }

    static Conversation withSystem(String id, String system, List<String> texts) {
        Conversation c = conversation(id, texts);
        List<Turn> turns = new ArrayList<>();
        turns.add(new Turn("system", Role.SYSTEM, system));
        turns.addAll(c.turns());
        return c.withTurns(turns);
    }
}
