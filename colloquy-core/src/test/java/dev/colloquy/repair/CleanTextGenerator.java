package dev.colloquy.repair;

import java.util.Random;

/**
 * Seeded generator of correct text that merely looks suspicious: words in one orthography each (Portuguese
 * with Ã, Turkish ğ ş, Czech, Vietnamese, Greek, Russian, ...), prices, math, curly quotes, CJK, emoji.
 */
final class CleanTextGenerator {

    private static final String[] ALPHABETS = {
        "aãáâàçéêíóôõúbcdfglmnrst", "aäöüßbcdefghiklmnrst", "aâàçéèêëîïôûùüœbcdlnrst", "aáéíñóúüdelmnrst",
        "aeıioöuüçğşbcdklmnrst", "aáčďéěíňóřšťúůýžbdklmnpst", "aąćęłńóśźżbcdkmnprst", "aăâîșțbcdlmnrst",
        "aàáảãạăằắẳẵặâầấẩẫậđêềếểễệôồốổỗộơờớởỡợưừứửữựnhgtc", "αβγδεζηθικλμνξοπρστυφχψωάέήίόύώ",
        "абвгдеёжзийклмнопрстуфхцчшщъыьэюя", "аіїєґбвгдклмнорст", "אבגדהוזחטיכלמנסעפצקרשת",
        "ابتثجحخدذرزسشصضطظعغفقكلمنهوي", "的一是不了人我在有他这中大来上国个到说们为子和你地出道也时年",
        "あいうえおかきくけこさしすせそたちつてとなにぬねのアイウエオカキクケコ", "가나다라마바사아자차카타파하한국어",
        "åäöæøbdfghjklmnrst", "ąčęėįšųūžbdgklmnprst", "āčēģīķļņšūžbdgklmnprst", "őűáéíóöúübcdfgklmnst",
    };
    private static final String[] SEPARATORS = {
        " ", " ", " ", ", ", ". ", " – ", " — ", "… ", ": ", " (", ") ", " “", "” ", " ‘", "’ ", " «", "» ",
        " 5 € ", " £3 ", " ¥100 ", " 20 °C ", " x ≤ √π ± ∞ ", " ©2024 ", " Brand™ ", "，", "。", " 😀 ", " 🎬✨ ",
        "\u00A0", " 2×3 ", " ½ ", " § 3 ",
    };

    private CleanTextGenerator() {
    }

    static String sentence(Random random) {
        StringBuilder sb = new StringBuilder();
        String alphabet = ALPHABETS[random.nextInt(ALPHABETS.length)];
        int words = 3 + random.nextInt(10);
        for (int w = 0; w < words; w++) {
            if (random.nextInt(4) == 0) {
                alphabet = ALPHABETS[random.nextInt(ALPHABETS.length)];
            }
            String word = word(random, alphabet);
            int style = random.nextInt(6);
            if (style == 0) {
                word = word.toUpperCase(java.util.Locale.ROOT);
            } else if (style == 1) {
                word = word.substring(0, word.offsetByCodePoints(0, 1)).toUpperCase(java.util.Locale.ROOT)
                        + word.substring(word.offsetByCodePoints(0, 1));
            }
            sb.append(word).append(SEPARATORS[random.nextInt(SEPARATORS.length)]);
        }
        return sb.toString().strip();
    }

    private static String word(Random random, String alphabet) {
        int len = 1 + random.nextInt(8);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < len; i++) {
            sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return sb.toString();
    }
}
