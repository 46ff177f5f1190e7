package dev.colloquy.bench;

import dev.colloquy.model.Conversation;
import dev.colloquy.model.Role;
import dev.colloquy.model.SourcePosition;
import dev.colloquy.model.Turn;
import dev.colloquy.pipeline.ChainResult;
import dev.colloquy.pipeline.PipelineConfig;
import dev.colloquy.pipeline.StepChain;
import dev.colloquy.pipeline.steps.StepRegistry;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * How often the quality filters of a pipeline (by default {@code examples/pipeline.yaml}) reject clean
 * conversations, and how often they catch degenerate repetition, per language (issue 11).
 *
 * <p>Clean conversations are assembled from real text only, the way {@link CorpusGenerator} does: English
 * from Debian documentation and man page prose; every other language from its gettext catalog sentences
 * ({@link CatalogSentences}) and, where Debian ships translated manual pages ({@code /usr/share/man/LANG/}),
 * from consecutive prose lines of those pages, which are longer and read like an answer. Each has 1-4
 * user/assistant exchanges. Degenerate variants replace one assistant turn of a clean conversation by
 * what a looping generator writes:
 * <ul>
 *   <li>{@code looping_lines}: a line of the turn, then the same line 3-8 more times, each on its own line;</li>
 *   <li>{@code repeated_phrase}: the turn's text with one phrase of 3-8 words (4-12 characters in
 *       scripts without spaces) repeated 4-10 times in a row inside it;</li>
 *   <li>{@code looping_tail}: the turn's text, then its last sentence 3-6 more times in the same paragraph.</li>
 * </ul>
 * Dedup is corpus-level and not part of this measure (every conversation here is distinct).
 *
 * <p>Usage: {@code bench/repetition-calibration.sh [--per-source N] [--seed S] [--pipeline FILE]
 * [--dump FILE.tsv]}; {@code --dump} also writes each measured turn's repetition fractions for calibration.
 */
public final class RepetitionCalibration {

    private static final Path MAN_ROOT = Path.of("/usr/share/man");
    private static final String[] DEGENERATE = {"looping_lines", "repeated_phrase", "looping_tail"};

    private final Random random;

    private RepetitionCalibration(long seed) {
        this.random = new Random(seed);
    }

    public static void main(String[] args) throws IOException {
        int perSource = 400;
        long seed = 20261206L;
        Path pipeline = Path.of("examples/pipeline.yaml");
        Path dump = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--per-source" -> perSource = Integer.parseInt(args[++i]);
                case "--seed" -> seed = Long.parseLong(args[++i]);
                case "--pipeline" -> pipeline = Path.of(args[++i]);
                case "--dump" -> dump = Path.of(args[++i]);
                default -> {
                    System.err.println("usage: RepetitionCalibration [--per-source N] [--seed S] [--pipeline FILE] [--dump FILE]");
                    System.exit(2);
                }
            }
        }
        StepChain chain = PipelineConfig.load(pipeline).stepChain(StepRegistry.defaults());
        Map<String, List<List<String>>> sources = sources(seed);
        RepetitionCalibration bench = new RepetitionCalibration(seed);
        PrintWriter dumpOut = dump == null ? null : new PrintWriter(Files.newBufferedWriter(dump));
        if (dumpOut != null) {
            dumpOut.println("language\tkind\ttokens\tlines\tmeasures");
        }
        System.out.printf(Locale.ROOT, "pipeline %s, %d conversations per text source and language, seed %d%n",
                pipeline, perSource, seed);
        System.out.printf(Locale.ROOT, "%-6s %6s %8s %7s  %-28s %8s %8s %8s%n", "lang", "convs", "rejected", "%",
                "by step", "lines", "phrase", "tail");
        long totalClean = 0;
        long totalRejected = 0;
        long[] totalCaught = new long[DEGENERATE.length];
        long[] totalMade = new long[DEGENERATE.length];
        for (Map.Entry<String, List<List<String>>> e : sources.entrySet()) {
            String language = e.getKey();
            int clean = 0;
            int rejected = 0;
            int[] made = new int[DEGENERATE.length];
            int[] caught = new int[DEGENERATE.length];
            Map<String, Integer> bySteps = new TreeMap<>();
            for (List<String> units : e.getValue()) {
                for (int k = 0; k < perSource; k++) {
                    Conversation c = bench.conversation(language + "-" + clean, units);
                    clean++;
                    ChainResult r = chain.apply(c);
                    if (r instanceof ChainResult.Quarantined q) {
                        rejected++;
                        bySteps.merge(q.rejection().step(), 1, Integer::sum);
                        if (dumpOut != null) {
                            dumpOut.println(language + "\trejected\t" + q.rejection().message().replace('\n', ' '));
                        }
                    }
                    int kind = k % DEGENERATE.length;
                    Conversation d = bench.degenerate(c, kind);
                    made[kind]++;
                    if (chain.apply(d) instanceof ChainResult.Quarantined q && q.rejection().step().equals("max_repetition")) {
                        caught[kind]++;
                    } else if (dumpOut != null) {
                        dumpOut.println(language + "\tmissed_" + DEGENERATE[kind] + "\t" + longestAssistant(d).replace('\n', '|'));
                    }
                }
            }
            System.out.printf(Locale.ROOT, "%-6s %6d %8d %6.2f%%  %-28s %7.1f%% %7.1f%% %7.1f%%%n", language, clean, rejected,
                    100.0 * rejected / clean, bySteps.isEmpty() ? "-" : bySteps.toString(),
                    100.0 * caught[0] / made[0], 100.0 * caught[1] / made[1], 100.0 * caught[2] / made[2]);
            totalClean += clean;
            totalRejected += rejected;
            for (int i = 0; i < caught.length; i++) {
                totalCaught[i] += caught[i];
                totalMade[i] += made[i];
            }
        }
        System.out.printf(Locale.ROOT, "%-6s %6d %8d %6.2f%%  %-28s %7.1f%% %7.1f%% %7.1f%%%n", "all", totalClean, totalRejected,
                100.0 * totalRejected / totalClean, "", 100.0 * totalCaught[0] / totalMade[0],
                100.0 * totalCaught[1] / totalMade[1], 100.0 * totalCaught[2] / totalMade[2]);
        System.out.println("rejected = clean conversations any step of the pipeline rejected; lines / phrase / tail ="
                + " degenerate variants (looping lines, a phrase repeated in a row, a looping last sentence)"
                + " rejected by max_repetition");
        if (dumpOut != null) {
            dumpOut.close();
        }
    }

    private static String longestAssistant(Conversation c) {
        String best = "";
        for (Turn t : c.turns()) {
            if (t.text().length() > best.length()) {
                best = t.text();
            }
        }
        return best;
    }

    /** A clean conversation of 1-4 exchanges from consecutive units of one source (sentences or lines). */
    Conversation conversation(String id, List<String> units) {
        int exchanges = 1 + random.nextInt(3);
        if (random.nextInt(4) == 0) {
            exchanges++;
        }
        List<Turn> turns = new ArrayList<>();
        int at = random.nextInt(units.size());
        for (int i = 0; i < exchanges; i++) {
            int user = 1 + random.nextInt(2);
            int assistant = 2 + random.nextInt(5);
            turns.add(new Turn("user", Role.USER, join(units, at, user)));
            at += user;
            turns.add(new Turn("assistant", Role.ASSISTANT, join(units, at, assistant)));
            at += assistant;
        }
        return new Conversation(id, new SourcePosition("bench", 0), turns);
    }

    private static String join(List<String> units, int from, int count) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < count; i++) {
            if (i > 0) {
                sb.append(' ');
            }
            sb.append(units.get((from + i) % units.size()));
        }
        return sb.toString();
    }

    /** The conversation with its longest assistant turn made degenerate in the given way. */
    Conversation degenerate(Conversation c, int kind) {
        List<Turn> turns = new ArrayList<>(c.turns());
        int target = 1;
        for (int i = 1; i < turns.size(); i += 2) {
            if (turns.get(i).text().length() > turns.get(target).text().length()) {
                target = i;
            }
        }
        String text = turns.get(target).text();
        String out = switch (kind) {
            case 0 -> loopingLines(text);
            case 1 -> repeatedPhrase(text);
            default -> loopingTail(text);
        };
        turns.set(target, turns.get(target).withText(out));
        return c.withTurns(turns).withId(c.id() + "-" + DEGENERATE[kind]);
    }

    private String loopingLines(String text) {
        List<String> sentences = sentences(text);
        String line = sentences.get(random.nextInt(sentences.size()));
        int times = 4 + random.nextInt(6);
        return (line + "\n").repeat(times).strip();
    }

    private String repeatedPhrase(String text) {
        boolean unspaced = text.indexOf(' ') < 0 || spaces(text) * 12 < text.length();
        String phrase;
        int insertAt;
        if (unspaced) {
            int len = Math.min(text.length(), 4 + random.nextInt(9));
            int start = random.nextInt(text.length() - len + 1);
            // a phrase is letters: a few tries at a place without spaces or format codes
            for (int tries = 0; tries < 20 && !isWordy(text.substring(start, start + len)); tries++) {
                start = random.nextInt(text.length() - len + 1);
            }
            phrase = text.substring(start, start + len);
            insertAt = start + len;
        } else {
            String[] words = text.split(" ");
            int len = Math.min(words.length, 3 + random.nextInt(6));
            int start = random.nextInt(words.length - len + 1);
            phrase = " " + String.join(" ", List.of(words).subList(start, start + len));
            insertAt = 0;
            for (int i = 0; i < start + len; i++) {
                insertAt += words[i].length() + 1;
            }
            insertAt = Math.min(text.length(), insertAt - 1);
        }
        int times = 4 + random.nextInt(7);
        return text.substring(0, insertAt) + phrase.repeat(times) + text.substring(insertAt);
    }

    private static boolean isWordy(String s) {
        return s.codePoints().allMatch(Character::isLetter);
    }

    private String loopingTail(String text) {
        List<String> sentences = sentences(text);
        String last = sentences.get(sentences.size() - 1);
        int times = 3 + random.nextInt(4);
        return text + (" " + last).repeat(times);
    }

    private static int spaces(String s) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) == ' ') {
                n++;
            }
        }
        return n;
    }

    /** Sentences split after . ! ? 。 ！ ？ (and a space, where the script uses them). */
    static List<String> sentences(String text) {
        List<String> out = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean end = (c == '.' || c == '!' || c == '?') && (i + 1 == text.length() || text.charAt(i + 1) == ' ')
                    || c == '。' || c == '！' || c == '？';
            if (end) {
                String s = text.substring(start, i + 1).strip();
                if (!s.isEmpty()) {
                    out.add(s);
                }
                start = i + 1;
            }
        }
        String rest = text.substring(start).strip();
        if (!rest.isEmpty()) {
            out.add(rest);
        }
        return out;
    }

    /*
     * Text sources per language: English prose lines; per other language its catalog sentences and, when
     * Debian ships translated man pages in it, their prose lines in page order (consecutive lines continue
     * each other, so a turn reads like a paragraph).
     */
    private static Map<String, List<List<String>>> sources(long seed) {
        Map<String, List<List<String>>> out = new TreeMap<>();
        TextPools pools = TextPools.load(seed, 40_000);
        out.computeIfAbsent("en", k -> new ArrayList<>()).add(pools.prose());
        for (Map.Entry<String, List<String>> e : pools.catalogs().entrySet()) {
            out.computeIfAbsent(language(e.getKey()), k -> new ArrayList<>()).add(e.getValue());
        }
        for (Map.Entry<String, List<String>> e : manPages(seed).entrySet()) {
            if (e.getValue().size() >= 200) {
                out.computeIfAbsent(language(e.getKey()), k -> new ArrayList<>()).add(e.getValue());
            }
        }
        return out;
    }

    private static String language(String locale) {
        return locale.startsWith("zh") ? locale : locale.replaceAll("_.*", "");
    }

    /** Prose lines of the translated manual pages, per locale directory, in page order. */
    static Map<String, List<String>> manPages(long seed) {
        Map<String, List<String>> out = new TreeMap<>();
        if (!Files.isDirectory(MAN_ROOT)) {
            return out;
        }
        try (Stream<Path> dirs = Files.list(MAN_ROOT)) {
            for (Path dir : dirs.filter(d -> !d.getFileName().toString().startsWith("man")).sorted().toList()) {
                List<String> lines = new ArrayList<>();
                List<Path> pages;
                try (Stream<Path> walk = Files.walk(dir)) {
                    pages = new ArrayList<>(walk.filter(Files::isRegularFile).sorted().toList());
                }
                Collections.shuffle(pages, new Random(seed));
                for (Path page : pages) {
                    Optional<List<String>> text = DebianDocs.lines(page);
                    int taken = 0;
                    for (String l : text.orElse(List.of())) {
                        String t = l.strip();
                        if (taken < 150 && isProse(t)) {
                            lines.add(t);
                            taken++;
                        }
                    }
                }
                out.put(dir.getFileName().toString(), lines);
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out;
    }

    /** Like {@link TextPools#isProse} but for any script: text in Han, kana or Thai needs no spaces. */
    static boolean isProse(String t) {
        if (t.length() < 20 || t.length() > 400) {
            return false;
        }
        int letters = 0;
        int spaces = 0;
        int unspaced = 0;
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (Character.isLetter(c)) {
                letters++;
                Character.UnicodeScript s = Character.UnicodeScript.of(c);
                if (s == Character.UnicodeScript.HAN || s == Character.UnicodeScript.HIRAGANA
                        || s == Character.UnicodeScript.KATAKANA || s == Character.UnicodeScript.THAI) {
                    unspaced++;
                }
            } else if (c == ' ') {
                spaces++;
            }
        }
        return (spaces >= 3 || unspaced * 3 > letters) && (letters + spaces) * 10 >= t.length() * 8;
    }
}
