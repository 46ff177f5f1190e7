package dev.colloquy.signals;

import java.util.List;
import java.util.Set;

/*
 * A fast path for language identification in Latin script: the most frequent function words of a few
 * languages. A text of at least MIN_TOKENS words whose winning language covers at least MIN_SHARE of its words (and MIN_HITS),
 * and at least twice as many as any other table, is decided without Lingua. The tables include close relatives
 * that compete with each other (Catalan beside Spanish, Dutch beside German), and a winner that is not in the
 * configured set defers to Lingua, so the fast path never picks a language Lingua would not be allowed to.
 * Words shared by many languages are either left out ("in", "at") or listed for every table language that
 * uses them ("a", "i"), so they do not tip the balance. Lingua costs 0.2-1 ms a call; this
 * costs one hash lookup per word, and it decides most English, German, French, Spanish, Portuguese, Italian
 * and Dutch turns.
 */
final class FunctionWords {

    static final int MIN_TOKENS = 8;
    static final double MIN_SHARE = 0.2;
    static final int MIN_HITS = 3;

    private static final List<String> LANGUAGES = List.of("en", "de", "fr", "es", "pt", "it", "nl", "ca");
    private static final String[] WORDS = {
        "the and of to is that it you i a for with was this have are not but what my be on as your they we he she his"
            + " her there can would about just like me do so if or an from been were had has will don't it's i'm",
        "der die das und ist nicht ich sie es ein eine zu den mit sich auf für von dem auch wir aber wie oder noch"
            + " wenn kann nur sehr habe bin hat",
        "le la les et est une des du de que qui pas pour dans ce il je vous nous sur avec mais ou au sont cette très"
            + " être fait plus c'est",
        "el la los las que y a en del de por con una es para no se lo como pero muy su yo está este más también hay sí"
            + " porque cuando ya todo",
        "o os as a que e de do da dos das em um uma para com não é no na se por mais muito isso você ele ela mas foi"
            + " está também",
        "il la le lo gli i a che e di del della un una per non è sono con si mi ma come anche questo ci ho molto più perché"
            + " tutto nel alla al",
        "de het een en van is dat niet ik je op te zijn met voor er maar ook wat als naar bij nog hij ze wel kan"
            + " dit om heb",
        "el els les i de la que per amb és un una no del dels al com però també aquest aquesta més molt ho li seu"
            + " seva hi són fer"
    };

    private final LongCounts masks = new LongCounts(512);

    FunctionWords() {
        for (int lang = 0; lang < WORDS.length; lang++) {
            for (String w : WORDS[lang].split(" ")) {
                long h = Tokens.hashOf(w);
                masks.put(h, masks.get(h) | (1 << lang));
            }
        }
    }

    /** The decision: an ISO 639-1 code among {@code allowed} with its margin, or null to defer to Lingua. */
    Decision decide(Tokens t, Set<String> allowed) {
        if (t.size() < MIN_TOKENS) {
            return null;
        }
        int[] hits = new int[LANGUAGES.size()];
        for (int i = 0; i < t.size(); i++) {
            int m = masks.get(t.hash(i));
            while (m != 0) {
                int lang = Integer.numberOfTrailingZeros(m);
                hits[lang]++;
                m &= m - 1;
            }
        }
        int best = 0;
        for (int l = 1; l < hits.length; l++) {
            if (hits[l] > hits[best]) {
                best = l;
            }
        }
        int second = 0;
        for (int l = 0; l < hits.length; l++) {
            if (l != best) {
                second = Math.max(second, hits[l]);
            }
        }
        String code = LANGUAGES.get(best);
        if (hits[best] < MIN_HITS || hits[best] < MIN_SHARE * t.size() || hits[best] < 2 * second || !allowed.contains(code)) {
            return null;
        }
        return new Decision(code, 1.0 - (double) second / hits[best]);
    }

    record Decision(String language, double confidence) {
    }
}
