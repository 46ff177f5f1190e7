package dev.colloquy.dedup;

import dev.colloquy.model.Conversation;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** A seeded corpus with planted exact and near-duplicates of earlier records, for dedup tests and measurements. */
final class SyntheticCorpus {

    private final Random random;
    private final SyntheticText text;

    SyntheticCorpus(long seed) {
        random = new Random(seed);
        text = new SyntheticText(seed + 1);
    }

    List<Conversation> build(int size) {
        List<List<String>> turns = new ArrayList<>();
        List<Conversation> out = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            List<String> t;
            int kind = random.nextInt(10);
            if (i > 0 && kind == 0) {
                t = turns.get(random.nextInt(i));
            } else if (i > 0 && kind == 1) {
                t = new ArrayList<>(turns.get(random.nextInt(i)));
                int k = random.nextInt(t.size());
                t.set(k, text.mutate(t.get(k), 2));
            } else {
                t = text.turns(2 + random.nextInt(5), 30 + random.nextInt(60));
            }
            turns.add(t);
            out.add(SyntheticText.conversation("r" + i, "corpus.jsonl", i + 1, t));
        }
        return out;
    }
}
