package dev.colloquy.signals;

import java.util.Locale;
import java.util.Set;

/**
 * Function words that need something after them: a determiner needs its noun, a preposition its object, a
 * copula its complement. Such a word right before punctuation or a gap is strong evidence that a span was
 * removed after it ("I believe in .", "love as a —layered"). Small lists for English, German, French,
 * Spanish, Italian, Portuguese and Dutch, merged: the few words that are also common English content words
 * ("die", "son", "no", "do", "war", "met") are left out so they do not raise false alarms in English.
 */
final class HoleWords {

    /** Words after which a clause cannot stop: determiners, most prepositions, copulas, conjunctions. */
    private static final Set<String> NEEDS_COMPLEMENT = Set.of(
            // English
            "a", "an", "the", "of", "my", "your", "our", "their", "its", "every", "each", "these", "those",
            "is", "are", "was", "were", "am", "been", "being", "'re", "'m",
            "and", "or", "nor", "but", "because", "than", "very", "with", "from", "into", "onto", "toward",
            "towards", "without", "between", "among", "about", "as", "at", "for", "such",
            // German
            "der", "das", "dem", "des", "ein", "eine", "einen", "einem", "einer", "eines", "und", "oder",
            "aber", "mit", "von", "zu", "zum", "zur", "für", "auf", "im", "ist", "sind", "sehr", "wie",
            // French
            "le", "la", "les", "un", "une", "du", "au", "aux", "et", "ou", "mais", "avec", "dans", "sur",
            "est", "sont", "était", "très", "ce", "cette", "ces", "ma", "mes", "sa", "ses", "notre", "votre",
            // Spanish
            "el", "los", "las", "una", "unos", "unas", "del", "y", "pero", "con", "para", "por", "en", "es",
            "muy", "este", "esta",
            // Italian
            "il", "lo", "gli", "della", "dei", "di", "è", "sono", "molto", "questo", "questa",
            // Portuguese
            "os", "uma", "da", "é", "são", "muito",
            // Dutch
            "de", "het", "een", "maar", "voor", "van", "aan", "zijn", "zeer", "deze", "dit", "mijn");

    /** Words that usually, but not always, need a complement ("log in.", "I'd love to.", "Yes, we can."). */
    private static final Set<String> USUALLY_NEEDS_COMPLEMENT = Set.of(
            "in", "on", "to", "by", "like", "be", "just", "not", "this", "that", "some", "his", "her", "we",
            "they", "i", "he", "she", "can", "could", "will", "would", "should", "must", "may", "might",
            "have", "has", "had", "do", "does", "did", "so", "if", "when", "what", "more", "most", "even",
            "que", "qui", "che", "dat", "al", "mi", "tu", "su");

    /** Words that show English text around a candidate, to decide whether the English POS model applies. */
    private static final Set<String> ENGLISH_MARKERS = Set.of(
            "the", "a", "an", "and", "is", "are", "was", "to", "of", "in", "it", "that", "you", "i", "we",
            "they", "this", "with", "for", "on", "not", "be", "have", "just", "what", "but", "so");

    /**
     * Korean case and topic particles, which attach to the noun before them and never stand alone. Not 이 and
     * 이나: 이 is also the demonstrative "this" ("이 옵션").
     */
    private static final Set<String> KOREAN_PARTICLES = Set.of(
            "를", "을", "는", "은", "가", "의", "에", "와", "과", "로", "으로", "에서", "에서는", "에는", "에게",
            "와는", "과는", "으로는", "로는", "도", "만", "보다", "처럼", "까지", "부터");

    private HoleWords() {
    }

    static boolean isKoreanParticle(String word) {
        return KOREAN_PARTICLES.contains(word);
    }

    /** 2 for a word that needs a complement, 1 for one that usually does, 0 otherwise. */
    static int needsComplement(String word) {
        if (word.isEmpty()) {
            return 0;
        }
        String w = normalize(word);
        if (NEEDS_COMPLEMENT.contains(w)) {
            return 2;
        }
        int apostrophe = w.lastIndexOf('\'');
        if (apostrophe > 0 && NEEDS_COMPLEMENT.contains(w.substring(apostrophe))) {
            return 2;
        }
        return USUALLY_NEEDS_COMPLEMENT.contains(w) ? 1 : 0;
    }

    static boolean isEnglishMarker(String word) {
        return ENGLISH_MARKERS.contains(normalize(word));
    }

    static String normalize(String word) {
        return word.replace('\u2019', '\'').toLowerCase(Locale.ROOT);
    }
}
