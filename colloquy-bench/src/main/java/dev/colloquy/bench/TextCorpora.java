package dev.colloquy.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Stream;

/**
 * Builds the three text inputs of the speed benchmarks from real text on this Debian machine:
 * {@code clean-en.txt} (documentation and man pages), {@code clean-cjk.txt} (Chinese, Japanese and
 * Korean translation catalogs) and {@code broken-multi.txt} (catalog sentences of every installed
 * language, each damaged by one family of issue 3), with {@code broken-multi.orig.txt} holding the
 * correct line for each broken one.
 *
 * <p>Run with {@code bench/make-text.sh}, or
 * {@code java -cp colloquy-bench/target/colloquy-bench.jar dev.colloquy.bench.TextCorpora [--out DIR] [--en-mb 20] [--cjk-mb 5] [--broken-mb 5] [--seed S]}.
 * Deterministic for one machine and seed.
 */
public final class TextCorpora {

    private static final List<String> CJK = List.of("zh_CN", "zh_TW", "ja", "ko");
    /** The per-script inputs of the gate's benchmark (issue 10: fast on every script), by file stem. */
    static final java.util.Map<String, List<String>> SCRIPTS = new java.util.LinkedHashMap<>();

    static {
        SCRIPTS.put("latin", List.of("de", "fr", "cs", "pl", "vi"));
        SCRIPTS.put("cyrillic", List.of("ru", "uk"));
        SCRIPTS.put("greek", List.of("el"));
        SCRIPTS.put("cjk", List.of("zh_CN", "zh_TW", "ja"));
        SCRIPTS.put("korean", List.of("ko"));
        SCRIPTS.put("thai", List.of("th"));
        SCRIPTS.put("hindi", List.of("hi"));
        SCRIPTS.put("arabic", List.of("ar"));
    }

    private static final String[] EMOJI = {"😀", "😂", "🙏", "👍", "❤️", "✨", "🎬", "💡", "🔥", "🤔", "👨‍👩‍👧",
        "🇩🇪", "✅", "❌", "⚠️", "☕", "🙂", "💯", "👉🏽", "🌍"};
    private static final List<Damage> BREAKING = List.of(Damage.SINGLE, Damage.DOUBLE, Damage.PARTIAL, Damage.LOSSY, Damage.C1);

    private TextCorpora() {
    }

    public static void main(String[] args) throws IOException {
        Path out = Path.of("bench-data");
        long enMb = 20;
        long cjkMb = 5;
        long brokenMb = 5;
        long scriptMb = 2;
        long seed = 20261125L;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--out" -> out = Path.of(args[++i]);
                case "--en-mb" -> enMb = Long.parseLong(args[++i]);
                case "--cjk-mb" -> cjkMb = Long.parseLong(args[++i]);
                case "--broken-mb" -> brokenMb = Long.parseLong(args[++i]);
                case "--script-mb" -> scriptMb = Long.parseLong(args[++i]);
                case "--seed" -> seed = Long.parseLong(args[++i]);
                default -> {
                    System.err.println("usage: TextCorpora [--out DIR] [--en-mb N] [--cjk-mb N] [--broken-mb N] [--script-mb N] [--seed S]");
                    System.exit(2);
                }
            }
        }
        Files.createDirectories(out);
        report(out.resolve("clean-en.txt"), writeEnglish(out.resolve("clean-en.txt"), enMb << 20, seed));
        report(out.resolve("clean-cjk.txt"), writeCjk(out.resolve("clean-cjk.txt"), cjkMb << 20, seed));
        report(out.resolve("broken-multi.txt"), writeBroken(out.resolve("broken-multi.txt"),
                out.resolve("broken-multi.orig.txt"), brokenMb << 20, seed));
        if (scriptMb > 0) {
            for (var e : SCRIPTS.entrySet()) {
                Path clean = out.resolve("clean-" + e.getKey() + "-script.txt");
                report(clean, writeScript(clean, e.getValue(), scriptMb << 20, seed));
                Path broken = out.resolve("broken-" + e.getKey() + ".txt");
                report(broken, writeBroken(broken, out.resolve("broken-" + e.getKey() + ".orig.txt"), e.getValue(),
                        scriptMb << 20, seed));
            }
            Path chat = out.resolve("clean-chat.txt");
            report(chat, writeChat(chat, scriptMb << 20, seed));
        }
    }

    private static void report(Path file, long lines) throws IOException {
        System.out.printf(Locale.ROOT, "%-28s %,12d bytes %,9d lines%n", file, Files.size(file), lines);
    }

    static long writeEnglish(Path file, long bytes, long seed) throws IOException {
        List<Path> sources = DebianDocs.files(seed);
        if (sources.isEmpty()) {
            throw new IllegalStateException("no documentation under " + DebianDocs.DOC_ROOT + " or " + DebianDocs.MAN_ROOT);
        }
        try (LineSink sink = new LineSink(file, bytes)) {
            // Cycles over the files in case the machine has less text than asked for.
            while (!sink.full()) {
                long before = sink.lines;
                for (Path source : sources) {
                    Optional<List<String>> lines = DebianDocs.lines(source);
                    if (lines.isPresent() && !sink.addAll(lines.get())) {
                        break;
                    }
                }
                if (sink.lines == before) {
                    break;
                }
            }
            return sink.lines;
        }
    }

    static long writeCjk(Path file, long bytes, long seed) throws IOException {
        List<String> lines = new ArrayList<>();
        for (String locale : CJK) {
            for (String s : catalogLines(locale)) {
                if (s.codePoints().anyMatch(c -> c >= 0x3000)) {
                    lines.add(s);
                }
            }
        }
        return cycle(file, bytes, lines, new Random(seed));
    }

    /** Catalog lines of these locales that hold non-ASCII letters (real text of their script), cycled. */
    static long writeScript(Path file, List<String> locales, long bytes, long seed) throws IOException {
        List<String> lines = new ArrayList<>();
        for (String locale : locales) {
            for (String s : catalogLines(locale)) {
                if (s.codePoints().anyMatch(c -> c >= 0x80 && Character.isLetter(c))) {
                    lines.add(s);
                }
            }
        }
        return cycle(file, bytes, lines, new Random(seed));
    }

    /**
     * Chat turns as users write them: 1-6 catalog sentences of one language (every installed locale, in turn),
     * emoji after about one sentence in three, chat punctuation between them.
     */
    static long writeChat(Path file, long bytes, long seed) throws IOException {
        Random random = new Random(seed);
        List<List<String>> pools = new ArrayList<>();
        for (String locale : installedLocales()) {
            List<String> pool = CatalogSentences.load(CatalogSentences.DEFAULT_ROOT, locale, seed);
            if (!pool.isEmpty()) {
                pools.add(pool);
            }
        }
        String[] glue = {" ", " ", " — ", "… ", "!! ", "?! ", " :) ", " (", ") ", " « ", " » ", " “", "” ", " • "};
        try (LineSink sink = new LineSink(file, bytes)) {
            for (int t = 0; !sink.full(); t++) {
                List<String> pool = pools.get(t % pools.size());
                StringBuilder turn = new StringBuilder();
                int n = 1 + random.nextInt(6);
                for (int i = 0; i < n; i++) {
                    if (i > 0) {
                        turn.append(glue[random.nextInt(glue.length)]);
                    }
                    turn.append(pool.get(random.nextInt(pool.size())));
                    if (random.nextInt(3) == 0) {
                        turn.append(' ').append(EMOJI[random.nextInt(EMOJI.length)]);
                    }
                }
                sink.add(turn.toString());
            }
            return sink.lines;
        }
    }

    static long writeBroken(Path file, Path originals, long bytes, long seed) throws IOException {
        return writeBroken(file, originals, installedLocales(), bytes, seed);
    }

    static long writeBroken(Path file, Path originals, List<String> locales, long bytes, long seed) throws IOException {
        List<String[]> pool = new ArrayList<>();
        for (String locale : locales) {
            for (String s : CatalogSentences.load(CatalogSentences.DEFAULT_ROOT, locale, seed)) {
                pool.add(new String[] {locale, s});
            }
        }
        Random random = new Random(seed);
        Collections.shuffle(pool, random);
        long lines = 0;
        try (LineSink sink = new LineSink(file, bytes);
             BufferedWriter orig = Files.newBufferedWriter(originals, StandardCharsets.UTF_8)) {
            for (int i = 0; !sink.full() && !pool.isEmpty(); i++) {
                String[] entry = pool.get(i % pool.size());
                String partner = pool.get((i * 7 + 3) % pool.size())[1];
                Damage family = BREAKING.get(random.nextInt(BREAKING.size()));
                Optional<DamageCase> c = family.apply(entry[0], entry[1], partner, random);
                if (c.isPresent()) {
                    sink.add(c.get().corrupted());
                    orig.write(c.get().original());
                    orig.write('\n');
                    lines++;
                }
            }
        }
        return lines;
    }

    /** Every line of every translation in the catalogs of one locale, without control characters. */
    private static List<String> catalogLines(String locale) throws IOException {
        Path dir = CatalogSentences.DEFAULT_ROOT.resolve(locale).resolve("LC_MESSAGES");
        List<String> out = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return out;
        }
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".mo")).sorted().toList()) {
                for (String s : MoCatalog.translations(f)) {
                    for (String line : s.split("\n")) {
                        if (!line.isBlank() && line.chars().noneMatch(c -> c < 0x20 && c != '\t' || c == '\uFFFD')) {
                            out.add(line);
                        }
                    }
                }
            }
        }
        return out;
    }

    private static List<String> installedLocales() {
        try (Stream<Path> dirs = Files.list(CatalogSentences.DEFAULT_ROOT)) {
            return dirs.filter(d -> Files.isDirectory(d.resolve("LC_MESSAGES")))
                    .map(d -> d.getFileName().toString())
                    .filter(n -> !n.startsWith("en"))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes the lines, reshuffled on each pass, until {@code bytes} are written. */
    private static long cycle(Path file, long bytes, List<String> lines, Random random) throws IOException {
        if (lines.isEmpty()) {
            throw new IllegalStateException("no catalog text for " + file + " under " + CatalogSentences.DEFAULT_ROOT);
        }
        List<String> order = new ArrayList<>(lines);
        try (LineSink sink = new LineSink(file, bytes)) {
            while (!sink.full()) {
                Collections.shuffle(order, random);
                sink.addAll(order);
            }
            return sink.lines;
        }
    }

    /** A UTF-8 line writer that stops accepting lines once a byte budget is reached. */
    private static final class LineSink implements AutoCloseable {
        private final BufferedWriter writer;
        private final long budget;
        private long written;
        long lines;

        LineSink(Path file, long budget) throws IOException {
            this.writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
            this.budget = budget;
        }

        boolean full() {
            return written >= budget;
        }

        /** Adds the line unless the budget is spent; false once it is. */
        boolean add(String line) throws IOException {
            if (full()) {
                return false;
            }
            writer.write(line);
            writer.write('\n');
            written += BenchInputs.utf8Length(line) + 1;
            lines++;
            return true;
        }

        boolean addAll(List<String> lines) throws IOException {
            for (String l : lines) {
                if (!add(l)) {
                    return false;
                }
            }
            return true;
        }


        @Override
        public void close() throws IOException {
            writer.close();
        }
    }
}
