package dev.colloquy.bench;

import dev.colloquy.model.Conversation;
import dev.colloquy.model.Role;
import dev.colloquy.model.SourcePosition;
import dev.colloquy.model.Turn;
import dev.colloquy.signals.LanguageIdentifier;
import dev.colloquy.signals.TurnLanguage;
import java.io.BufferedWriter;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * Labelled language-identification cases from real text, and {@link LanguageIdentifier}'s answer for each: the
 * input of {@code bench/language-accuracy.sh}, which runs Python's langdetect on the same cases beside it.
 * <pre>
 * java -cp colloquy-bench/target/colloquy-bench.jar dev.colloquy.bench.LanguageCases OUT.tsv [--split test|dev]
 *      [--long N] [--short N] [--seed S]
 * </pre>
 * Writes {@code language<TAB>kind<TAB>ours<TAB>confidence<TAB>text} per case, kind {@code long} or {@code short};
 * {@code --min-confidence} overrides the identifier's default (the dev split with 0 shows every confidence).
 */
public final class LanguageCases {

    /*
     * The text: translated strings of Debian's gettext catalogs (/usr/share/locale/LOCALE/LC_MESSAGES/*.mo), the
     * British English catalogs for English. None of it is in what the identifier's models were built from (Lingua's
     * n-gram models come from news and web corpora). The sentences of each language are shuffled with the seed and
     * split by position: even positions are the "dev" split (thresholds were chosen on it), odd positions the
     * "test" split that the published figures come from.
     *  - long: sentences of one language joined until the turn has at least 250 characters (a chat reply of a few
     *    sentences; mean about 330 characters);
     *  - short: a window of 2-8 consecutive words of one sentence (for scripts written without spaces, 4-16
     *    characters), the "turns of a few words" of issue 11.
     */
    static final Map<String, List<String>> LOCALES = new LinkedHashMap<>();

    static {
        for (String code : LanguageIdentifier.DEFAULT_LANGUAGES) {
            LOCALES.put(code, List.of(code));
        }
        LOCALES.put("en", List.of("en_GB", "en_AU", "en_CA"));
        LOCALES.put("pt", List.of("pt", "pt_BR"));
        LOCALES.put("nb", List.of("nb", "nb_NO"));
        for (String script : List.of("zh", "ja", "ko", "el", "he", "th", "hi")) {
            LOCALES.put(script, List.of(script.equals("zh") ? "zh_CN" : script));
        }
    }

    private LanguageCases() {
    }

    record Case(String language, String kind, String text) {
    }

    public static void main(String[] args) throws IOException {
        Path out = Path.of(args[0]);
        String split = "test";
        int longPer = 200;
        int shortPer = 300;
        long seed = 11;
        double minConfidence = -1;
        for (int i = 1; i < args.length; i += 2) {
            switch (args[i]) {
                case "--split" -> split = args[i + 1];
                case "--long" -> longPer = Integer.parseInt(args[i + 1]);
                case "--short" -> shortPer = Integer.parseInt(args[i + 1]);
                case "--seed" -> seed = Long.parseLong(args[i + 1]);
                case "--min-confidence" -> minConfidence = Double.parseDouble(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        List<Case> cases = cases(split.equals("dev") ? 0 : 1, longPer, shortPer, seed);
        LanguageIdentifier step = minConfidence < 0 ? new LanguageIdentifier()
                : new LanguageIdentifier(LanguageIdentifier.DEFAULT_LANGUAGES, 10, 400, minConfidence);
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        long bytes = 0;
        long cpu = 0;
        try (BufferedWriter w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            for (Case c : cases) {
                long t0 = mx.getCurrentThreadCpuTime();
                TurnLanguage ours = identify(step, c.text);
                cpu += mx.getCurrentThreadCpuTime() - t0;
                bytes += c.text.getBytes(StandardCharsets.UTF_8).length;
                w.write(c.language + "\t" + c.kind + "\t" + ours.language() + "\t" + ours.confidence() + "\t" + c.text.replace('\t', ' ').replace('\n', ' ')
                        + "\n");
            }
        }
        System.err.printf(Locale.ROOT, "%d cases, %d bytes, %.2f CPU-s in identification (first calls load models)%n",
                cases.size(), bytes, cpu / 1e9);
    }

    static TurnLanguage identify(LanguageIdentifier step, String text) {
        Conversation c = new Conversation("case", new SourcePosition("case", 1), List.of(new Turn("A", Role.USER, text)));
        Conversation done = ((dev.colloquy.step.StepResult.Kept) step.apply(c)).conversation();
        return done.turns().get(0).findings(TurnLanguage.class).get(0);
    }

    /** The cases of one split (0 = dev, 1 = test). */
    static List<Case> cases(int parity, int longPer, int shortPer, long seed) {
        List<Case> cases = new ArrayList<>();
        for (Map.Entry<String, List<String>> e : LOCALES.entrySet()) {
            List<String> all = new ArrayList<>();
            for (String locale : e.getValue()) {
                all.addAll(CatalogSentences.load(CatalogSentences.DEFAULT_ROOT, locale, seed, !e.getKey().equals("en")));
            }
            List<String> mine = new ArrayList<>();
            for (int i = parity; i < all.size(); i += 2) {
                mine.add(all.get(i));
            }
            if (mine.size() < 40) {
                System.err.println("skipping " + e.getKey() + ": " + mine.size() + " sentences");
                continue;
            }
            Random rnd = new Random(seed * 31 + e.getKey().hashCode());
            int next = 0;
            for (int k = 0; k < longPer && next < mine.size() * 2 / 3; k++) {
                StringBuilder sb = new StringBuilder();
                while (sb.length() < 250 && next < mine.size()) {
                    String s = mine.get(next++);
                    sb.append(sb.isEmpty() ? "" : " ").append(s);
                    if (!endsSentence(s)) {
                        sb.append('.');
                    }
                }
                cases.add(new Case(e.getKey(), "long", sb.toString()));
            }
            for (int k = 0; k < shortPer; k++) {
                String s = mine.get(next + rnd.nextInt(mine.size() - next));
                String cut = cut(s, 2 + rnd.nextInt(7), rnd);
                if (cut != null) {
                    cases.add(new Case(e.getKey(), "short", cut));
                }
            }
        }
        return cases;
    }

    private static boolean endsSentence(String s) {
        char c = s.charAt(s.length() - 1);
        return c == '.' || c == '!' || c == '?' || c == '。' || c == '」' || c == ':' || c == '։' || c == '।';
    }

    /** {@code words} consecutive words of {@code s}, or twice as many characters where there are no spaces. */
    static String cut(String s, int words, Random rnd) {
        String[] w = s.trim().split("\\s+");
        if (w.length < 3) {
            int cps = s.codePointCount(0, s.length());
            int len = Math.min(cps, words * 2);
            int from = rnd.nextInt(cps - len + 1);
            return s.substring(s.offsetByCodePoints(0, from), s.offsetByCodePoints(0, from + len));
        }
        int n = Math.min(words, w.length);
        int from = rnd.nextInt(w.length - n + 1);
        return String.join(" ", java.util.Arrays.copyOfRange(w, from, from + n));
    }
}
