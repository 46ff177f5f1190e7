package dev.colloquy.signals;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/*
 * The cue lexicon of the agreement-loop signal: short phrases by which speakers agree, praise, toast or thank,
 * in a few languages. Strong cues (toasts, "well said", "couldn't have said it better") weigh 1; weak ones that
 * also open ordinary replies ("absolutely", "exactly") weigh 0.5. A cue in the first words of a turn counts
 * half as much again, because loop turns open with their agreement. Phrases are matched on Tokens hashes, so
 * matching costs one hash lookup per token whatever the lexicon's size. Immutable once built, so one instance
 * serves all threads.
 */
final class AgreementCues {

    private static final String[] STRONG = {
        "well said", "well put", "beautifully said", "beautifully put", "couldn't have said it better",
        "couldn't agree more", "could not agree more", "here's to", "cheers to", "cheers", "amen", "thank you",
        "thanks so much", "so true", "spot on", "you nailed it", "hit the nail on the head", "🥂", "🎬", "✨",
        "🙏", "🍻", "❤", "gut gesagt", "ganz genau", "prost", "bien dit", "tout à fait", "à la vôtre",
        "bien dicho", "salud", "ben detto", "verdade", "说得好", "说得对", "干杯", "谢谢", "完全同意",
        "согласен", "спасибо", "точно"
    };
    private static final String[] WEAK = {
        "absolutely", "exactly", "indeed", "agreed", "totally", "precisely", "yes", "to the", "love that",
        "genau", "absolut", "danke", "exactement", "absolument", "merci", "exactamente", "absolutamente", "gracias",
        "esatto", "grazie", "obrigado", "没错", "是的"
    };
    private static final int OPENING_TOKENS = 6;

    private final Map<Long, List<Cue>> byFirstToken = new HashMap<>();
    /**
     * A bit per first-token hash (4,096 bits for ~60 cues): most tokens of a turn start no cue, and this answers
     * them without boxing the hash for the map (0.5 GB of Long per 170 MB of corpus).
     */
    private final long[] firstTokenBits = new long[64];

    private record Cue(String text, long[] tokens, double weight) {
    }

    AgreementCues() {
        for (String s : STRONG) {
            add(s, 1.0);
        }
        for (String s : WEAK) {
            add(s, 0.5);
        }
    }

    private void add(String phrase, double weight) {
        Tokens t = Tokens.of(phrase);
        long[] hashes = new long[t.size()];
        for (int i = 0; i < t.size(); i++) {
            hashes[i] = t.hash(i);
        }
        byFirstToken.computeIfAbsent(hashes[0], k -> new ArrayList<>()).add(new Cue(phrase, hashes, weight));
        int bit = bit(hashes[0]);
        firstTokenBits[bit >>> 6] |= 1L << bit;
    }

    private static int bit(long hash) {
        return (int) (hash ^ hash >>> 32) & 4095;
    }

    /** Agreement strength of one turn (0..1) and the distinct cues found, added to {@code found}. */
    double strength(Tokens t, List<String> found) {
        double sum = 0;
        for (int i = 0; i < t.size(); i++) {
            int bit = bit(t.hash(i));
            if ((firstTokenBits[bit >>> 6] & 1L << bit) == 0) {
                continue;
            }
            List<Cue> candidates = byFirstToken.get(t.hash(i));
            if (candidates == null) {
                continue;
            }
            for (Cue cue : candidates) {
                if (matches(t, i, cue) && !found.contains(cue.text)) {
                    found.add(cue.text);
                    sum += i < OPENING_TOKENS ? cue.weight * 1.5 : cue.weight;
                }
            }
        }
        return Math.min(1.0, sum / 1.5);
    }

    private static boolean matches(Tokens t, int at, Cue cue) {
        if (at + cue.tokens.length > t.size()) {
            return false;
        }
        for (int k = 1; k < cue.tokens.length; k++) {
            if (t.hash(at + k) != cue.tokens[k]) {
                return false;
            }
        }
        return true;
    }
}
