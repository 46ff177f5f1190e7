package dev.colloquy.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;

/**
 * The damage families of issue 3, each a way to turn a correct text into the broken text a corpus
 * shows. Each family applied to a text gives a {@link DamageCase} or nothing, when the family cannot
 * damage that text (pure ASCII, no character the family touches, no code page that loses bytes).
 */
enum Damage {
    /** No damage: the repair must return the text unchanged (never worse). */
    CLEAN("clean text, must come back unchanged"),
    /** UTF-8 read once with a single-byte code page, every byte kept. */
    SINGLE("utf-8 read as a single-byte code page"),
    /** The same mis-reading applied twice. */
    DOUBLE("two layers of the same mis-reading"),
    /** Only one of two concatenated sentences is mis-read. */
    PARTIAL("one span of the line mis-read, the rest correct"),
    /** Mis-read, then undefined bytes dropped, soft hyphens dropped, no-break spaces made plain. */
    LOSSY("mis-read with bytes lost (undefined, 0xAD, 0xA0)"),
    /** windows-1252 punctuation shown as the C1 controls latin-1 gives them. */
    C1("windows-1252 punctuation as C1 controls"),
    /**
     * A sentence followed by chat emoji (variation selectors, ZWJ sequences, skin tones), mis-read the lossy way:
     * emoji bytes are mostly continuation bytes in 0x80-0xBF, where code pages leave their holes.
     */
    LOSSY_EMOJI("a sentence with emoji, mis-read with bytes lost"),
    /**
     * As {@link #LOSSY_EMOJI}, with emoji none of which (nor any char of them) is in repair's list of frequent emoji
     * ({@code SymbolPrior.FREQUENT_EMOJI}): 13 of the 20 {@link #EMOJI} are in that list, so this family says what
     * the model does for the emoji it has no frequency for.
     */
    LOSSY_EMOJI_HELDOUT("a sentence with emoji outside repair's frequent list, mis-read with bytes lost");

    /**
     * Emoji as chat users send them: with the variation selector U+FE0F (❤️ ✔️ ☺️), ZWJ sequences (👨‍👩‍👧,
     * 🏳️‍🌈), skin tones (👍🏽) and the plain ones of the seed (🎬 ✨ 💡). A fixed list, not model data: the
     * repair's model knows emoji only from Unicode properties.
     */
    private static final List<String> EMOJI = List.of("❤️", "👍", "👍🏽", "😂", "🙏", "🎬", "✨", "💡", "❌", "✅",
            "🔥", "😊", "🤔", "👨‍👩‍👧", "🏳️‍🌈", "☺️", "✔️", "🚀", "🎉", "👀");

    /** Chat emoji in the same forms as {@link #EMOJI} (selector, skin tone, ZWJ), none of them in SymbolPrior's list. */
    private static final List<String> HELDOUT_EMOJI = List.of("✈️", "⚽", "☔", "✍🏽", "👩‍💻", "👨‍🍳", "🍕", "🎸", "📚",
            "🐶", "🌊", "🎮", "📷", "🍺", "🚗", "💻", "📱", "🌍", "🥲", "🏆");

    private static final List<CodePage> PAGES = CodePage.all();
    /** The windows-1252 characters at 0x80-0x9F, which latin-1 reads as the C1 controls U+0080-U+009F. */
    private static final String CP1252_HIGH = "€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ";

    private final String description;

    Damage(String description) {
        this.description = description;
    }

    /** Families named in a comma-separated list such as {@code lossy,single}. */
    static java.util.Set<Damage> parse(String list) {
        java.util.Set<Damage> out = java.util.EnumSet.noneOf(Damage.class);
        for (String name : list.split(",")) {
            out.add(valueOf(name.strip().toUpperCase(java.util.Locale.ROOT)));
        }
        return out;
    }

    String description() {
        return description;
    }

    /** This family applied to {@code text}; {@code partner} is a second sentence of the same language for PARTIAL. */
    Optional<DamageCase> apply(String language, String text, String partner, Random random) {
        return switch (this) {
            case CLEAN -> Optional.of(new DamageCase(language, this, "none", text, text));
            case SINGLE -> firstPage(random, page -> page.mangle(text)
                    .map(m -> new DamageCase(language, this, chain(page, 1), text, m)));
            case DOUBLE -> firstPage(random, page -> page.mangle(text).flatMap(page::mangle)
                    .map(m -> new DamageCase(language, this, chain(page, 2), text, m)));
            case PARTIAL -> firstPage(random, page -> page.mangle(partner).map(m -> random.nextBoolean()
                    ? new DamageCase(language, this, chain(page, 1) + ", second span", text + " " + partner, text + " " + m)
                    : new DamageCase(language, this, chain(page, 1) + ", first span", partner + " " + text, m + " " + text)));
            case LOSSY -> lossy(language, text, random);
            case C1 -> c1(language, text);
            case LOSSY_EMOJI -> lossy(language, withEmoji(text, EMOJI, random), random);
            case LOSSY_EMOJI_HELDOUT -> lossy(language, withEmoji(text, HELDOUT_EMOJI, random), random);
        };
    }

    private Optional<DamageCase> lossy(String language, String text, Random random) {
        return firstPage(random, page -> {
            CodePage.Lossy lossy = page.mangleLossy(text);
            return lossy.lost() == 0 ? Optional.empty() : Optional.of(new DamageCase(language, this,
                    chain(page, 1) + ", " + lossy.lost() + (lossy.lost() == 1 ? " byte" : " bytes") + " lost",
                    text, lossy.text(), lossy.kind()));
        });
    }

    /** The text with one or two emoji at the end, or after a word, the way chat turns carry them. */
    private static String withEmoji(String text, List<String> pool, Random random) {
        String emoji = pool.get(random.nextInt(pool.size()));
        if (random.nextBoolean()) {
            emoji += pool.get(random.nextInt(pool.size()));
        }
        int space = text.indexOf(' ', text.length() / 2);
        if (space > 0 && random.nextInt(3) == 0) {
            return text.substring(0, space) + " " + emoji + text.substring(space);
        }
        return text + " " + emoji;
    }

    private Optional<DamageCase> c1(String language, String text) {
        StringBuilder out = new StringBuilder(text.length());
        boolean changed = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            int at = CP1252_HIGH.indexOf(c);
            if (at >= 0 && !Character.isISOControl(c)) {
                out.append((char) (0x80 + at));
                changed = true;
            } else {
                out.append(c);
            }
        }
        return changed
                ? Optional.of(new DamageCase(language, this, "windows-1252 read as iso-8859-1", text, out.toString()))
                : Optional.empty();
    }

    /** Tries the code pages in a random order and keeps the first that damages the text. */
    private static Optional<DamageCase> firstPage(Random random, java.util.function.Function<CodePage,
            Optional<DamageCase>> attempt) {
        List<CodePage> order = new ArrayList<>(PAGES);
        java.util.Collections.shuffle(order, random);
        for (CodePage page : order) {
            Optional<DamageCase> result = attempt.apply(page);
            if (result.isPresent() && !result.get().corrupted().equals(result.get().original())) {
                return result;
            }
        }
        return Optional.empty();
    }

    private static String chain(CodePage page, int layers) {
        return "utf-8 read as " + page.name() + (layers > 1 ? " x" + layers : "");
    }
}
