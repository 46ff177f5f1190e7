package dev.colloquy.signals;

/*
 * Writing systems as language identification sees them. Some decide the language alone (Hangul is Korean,
 * Thai script is Thai); Latin, Cyrillic and Arabic are shared by many languages and need a statistical
 * detector; Han and kana form one class, CJK, because Japanese mixes them within a sentence: a CJK run with
 * kana is Japanese, without kana Chinese.
 */
enum Script {
    LATIN("Latn", null),
    CYRILLIC("Cyrl", null),
    ARABIC("Arab", null),
    CJK("Hani", null),
    HANGUL("Hang", "ko"),
    THAI("Thai", "th"),
    GREEK("Grek", "el"),
    HEBREW("Hebr", "he"),
    ARMENIAN("Armn", "hy"),
    GEORGIAN("Geor", "ka"),
    DEVANAGARI("Deva", "hi"),
    BENGALI("Beng", "bn"),
    GURMUKHI("Guru", "pa"),
    GUJARATI("Gujr", "gu"),
    TAMIL("Taml", "ta"),
    TELUGU("Telu", "te"),
    KANNADA("Knda", "kn"),
    MALAYALAM("Mlym", "ml"),
    SINHALA("Sinh", "si"),
    KHMER("Khmr", "km"),
    LAO("Laoo", "lo"),
    MYANMAR("Mymr", "my"),
    ETHIOPIC("Ethi", "am"),
    OTHER("Zyyy", null);

    private final String code;
    private final String language;

    Script(String code, String language) {
        this.code = code;
        this.language = language;
    }

    /** The ISO 15924 code. */
    String code() {
        return code;
    }

    /** The language this script alone decides, or null. */
    String language() {
        return language;
    }

    /** Whether Lingua must tell the language. */
    boolean needsDetector() {
        return this == LATIN || this == CYRILLIC || this == ARABIC;
    }

    /**
     * The script of a letter, or null for anything that is not a letter. A vowel sign or other combining mark of a
     * script that decides its language alone counts as a letter of it: Devanagari, Bengali or Thai write many vowels
     * as marks (a third of a Hindi turn's characters), and without them a Hindi turn lost the vote to a shorter
     * English sentence quoted inside it.
     */
    static Script of(int cp) {
        if (cp < 0x80) {
            return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') ? LATIN : null;
        }
        if (cp < 0x10000) {
            int k = BMP[cp];
            return k == 0 ? null : VALUES[k - 1];
        }
        return lookUp(cp);
    }

    private static final Script[] VALUES = values();

    /*
     * Language identification asks the script of every character of every turn; Character.isLetter and
     * UnicodeScript.of (a binary search over the script ranges) were about a twentieth of its time. So the answers for the
     * Basic Multilingual Plane are tabulated once (64 kB, ordinal + 1, 0 for none): the same answers, one load.
     */
    private static final byte[] BMP = new byte[0x10000];

    static {
        for (int cp = 0x80; cp < BMP.length; cp++) {
            Script s = lookUp(cp);
            BMP[cp] = (byte) (s == null ? 0 : s.ordinal() + 1);
        }
    }

    private static Script lookUp(int cp) {
        if (Character.isLetter(cp)) {
            return letterScript(cp);
        }
        int type = Character.getType(cp);
        if (type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK) {
            Script s = letterScript(cp);
            return s != null && s.language() != null ? s : null;
        }
        return null;
    }

    private static Script letterScript(int cp) {
        return switch (Character.UnicodeScript.of(cp)) {
            case LATIN -> LATIN;
            case CYRILLIC -> CYRILLIC;
            case ARABIC -> ARABIC;
            case HAN, HIRAGANA, KATAKANA -> CJK;
            case HANGUL -> HANGUL;
            case THAI -> THAI;
            case GREEK -> GREEK;
            case HEBREW -> HEBREW;
            case ARMENIAN -> ARMENIAN;
            case GEORGIAN -> GEORGIAN;
            case DEVANAGARI -> DEVANAGARI;
            case BENGALI -> BENGALI;
            case GURMUKHI -> GURMUKHI;
            case GUJARATI -> GUJARATI;
            case TAMIL -> TAMIL;
            case TELUGU -> TELUGU;
            case KANNADA -> KANNADA;
            case MALAYALAM -> MALAYALAM;
            case SINHALA -> SINHALA;
            case KHMER -> KHMER;
            case LAO -> LAO;
            case MYANMAR -> MYANMAR;
            case ETHIOPIC -> ETHIOPIC;
            default -> OTHER;
        };
    }

    /**
     * Whether {@code cp} is Hiragana or Katakana. No kana stands below U+3041 or in U+3400-U+9FFF (CJK Extension A,
     * the Yijing hexagrams, the Unified Ideographs: the Han of nearly every Chinese or Japanese text), so those are
     * answered without searching the script tables (for every Han character of a turn, a twentieth of the language
     * step's time on the README pipeline's corpus).
     */
    static boolean isKana(int cp) {
        if (cp < 0x3041 || (cp >= 0x3400 && cp <= 0x9FFF)) {
            return false;
        }
        Character.UnicodeScript s = Character.UnicodeScript.of(cp);
        return s == Character.UnicodeScript.HIRAGANA || s == Character.UnicodeScript.KATAKANA;
    }

    /** Weight of one letter when deciding the dominant script: a CJK character carries about a word. */
    int weight() {
        return this == CJK || this == HANGUL ? 3 : 1;
    }
}
