package dev.colloquy.bench;

import dev.colloquy.model.Role;
import dev.colloquy.repair.TextRepairer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Builds the bundled example corpus {@code examples/corpus/} that {@code ./colloquy run examples/pipeline.yaml}
 * curates: a few hundred conversations in all three input formats, assembled from real text on this machine
 * (Debian documentation prose and FAQ pairs, translated catalog sentences from {@code .mo} files) by
 * {@link CorpusGenerator}, which plants exact and near duplicates, look-alikes, mojibake (single, double,
 * lossy), malformed lines, structural defects and language mismatches. On top of that this class plants the
 * defects the example report should show and the large generator does not:
 * <ul>
 *   <li>holes: words stripped from an assistant turn the way an exporter drops italic spans, leaving a double
 *       space or a space before punctuation;</li>
 *   <li>agreement-loop tails: extra exchanges made of the real closing lines of the seed transcript (repaired
 *       first, since the seed is mojibake), repeated and shuffled;</li>
 *   <li>more malformed JSON lines (the large generator's 1 % gives only a couple here);</li>
 *   <li>PII: fake but valid-looking contact data (example.com e-mail addresses built from prose words,
 *       Luhn-valid test card numbers, 555-01xx phone numbers) added to a user turn.</li>
 * </ul>
 * The ground truth goes beside the corpus, not in it (the pipeline reads the whole directory):
 * {@code examples/corpus-truth.jsonl}; the extra defects appear there as {@code none} with a {@code detail}.
 *
 * <p>Run with {@code bench/make-examples.sh}. Deterministic for one machine and seed.
 */
public final class ExampleCorpus {

    private static final int RECORDS = 330;
    private static final List<String> CARDS = List.of("4111 1111 1111 1111", "5555 5555 5555 4444",
            "4012 8888 8888 1881", "3782 822463 10005");
    /** Paragraphs of the seed's tail that agree, toast or thank: the loop's building blocks. */
    private static final Pattern CUE = Pattern.compile(
            "(?i)here[’']s to|amen|well said|couldn[’']t have said|thank|absolutely|^to the|exactly");
    private static final Pattern WORD = Pattern.compile("(?<=[a-z,] )[a-z]{4,12}(?=( [a-z])|[.,;:])");

    private final Random random;
    private final List<String> closing;
    private final TextPools pools;

    private ExampleCorpus(Random random, List<String> closing, TextPools pools) {
        this.random = random;
        this.closing = closing;
        this.pools = pools;
    }

    public static void main(String[] args) throws IOException {
        Path out = Path.of(args.length > 0 ? args[0] : "examples/corpus");
        Path seedFile = Path.of(args.length > 1 ? args[1] : "examples/seed.txt");
        long seed = 20261125L;
        TextPools pools = TextPools.load(seed, 20_000);
        ExampleCorpus corpus = new ExampleCorpus(new Random(seed), closingLines(seedFile), pools);
        Files.createDirectories(out);
        CorpusGenerator generator = new CorpusGenerator(pools, seed + 1);
        int[] planted = new int[4];
        try (CorpusSink sink = new CorpusSink(out)) {
            for (int i = 0; i < RECORDS; i++) {
                CorpusGenerator.Planted p = generator.next();
                sink.write(p.defect() == Defect.NONE && p.chat().language().equals("en") ? corpus.extra(p, planted) : p);
            }
        }
        Files.move(out.resolve("truth.jsonl"), out.resolveSibling("corpus-truth.jsonl"), StandardCopyOption.REPLACE_EXISTING);
        System.out.printf(Locale.ROOT, "%s: %d records; extra defects: holes %d, agreement loops %d, pii %d,"
                + " malformed %d%n", out, RECORDS, planted[0], planted[1], planted[2], planted[3]);
    }

    /** The repaired paragraphs of the seed's last six turns: its real, degenerate agreement tail. */
    private static List<String> closingLines(Path seedFile) throws IOException {
        String[] turns = Files.readString(seedFile, StandardCharsets.UTF_8).split("\n(?=\\[[AB]\\]: )");
        List<String> lines = new ArrayList<>();
        for (int t = Math.max(0, turns.length - 6); t < turns.length; t++) {
            String text = TextRepairer.defaults().repair(turns[t].replaceFirst("^\\[[AB]\\]: ", "")).text();
            for (String para : text.split("\n+")) {
                if (CUE.matcher(para).find()) {
                    lines.add(para.strip());
                }
            }
        }
        return lines;
    }

    private CorpusGenerator.Planted extra(CorpusGenerator.Planted p, int[] planted) {
        int roll = random.nextInt(100);
        if (roll < 7) {
            return holes(p).map(q -> {
                planted[0]++;
                return q;
            }).orElse(p);
        } else if (roll < 10 && closing.size() >= 3) {
            planted[1]++;
            return loop(p);
        } else if (roll < 15) {
            planted[2]++;
            return pii(p);
        } else if (roll < 18 && p.format() != CorpusFormat.TRANSCRIPT) {
            // The large generator's 1 % leaves a few hundred records with hardly any broken lines.
            planted[3]++;
            return new CorpusGenerator.Planted(p.chat(), p.format(), Defect.MALFORMED,
                    CorpusSink.malformedKind(p.format(), random), null);
        }
        return p;
    }

    private java.util.Optional<CorpusGenerator.Planted> holes(CorpusGenerator.Planted p) {
        List<Chat.Msg> turns = new ArrayList<>(p.chat().turns());
        for (int i = 0; i < turns.size(); i++) {
            if (turns.get(i).role() != Role.ASSISTANT) {
                continue;
            }
            String text = turns.get(i).text();
            List<int[]> words = new ArrayList<>();
            Matcher m = WORD.matcher(text);
            while (m.find()) {
                words.add(new int[] {m.start(), m.end()});
            }
            if (words.isEmpty()) {
                continue;
            }
            int n = Math.min(words.size(), 1 + random.nextInt(2));
            List<int[]> chosen = new ArrayList<>();
            for (int k = 0; k < n; k++) {
                chosen.add(words.remove(random.nextInt(words.size())));
            }
            chosen.sort((a, b) -> b[0] - a[0]);
            StringBuilder sb = new StringBuilder(text);
            for (int[] w : chosen) {
                sb.delete(w[0], w[1]);
            }
            turns.set(i, new Chat.Msg(Role.ASSISTANT, sb.toString()));
            return java.util.Optional.of(new CorpusGenerator.Planted(rebuild(p, turns), p.format(), Defect.NONE,
                    "planted holes: " + n + " span(s) stripped in turn " + i, null));
        }
        return java.util.Optional.empty();
    }

    private CorpusGenerator.Planted loop(CorpusGenerator.Planted p) {
        List<Chat.Msg> turns = new ArrayList<>(p.chat().turns());
        int start = turns.size();
        // A loop repeats itself: a few closing paragraphs come back turn after turn, so novelty falls.
        List<String> few = new ArrayList<>(closing);
        java.util.Collections.shuffle(few, random);
        few = few.subList(0, Math.min(3, few.size()));
        int exchanges = 3 + random.nextInt(2);
        for (int e = 0; e < exchanges; e++) {
            turns.add(new Chat.Msg(Role.USER, closingTurn(few)));
            turns.add(new Chat.Msg(Role.ASSISTANT, closingTurn(few)));
        }
        return new CorpusGenerator.Planted(rebuild(p, turns), p.format(), Defect.NONE,
                "planted agreement loop: turns " + start + "-" + (turns.size() - 1), null);
    }

    private String closingTurn(List<String> few) {
        int n = 1 + random.nextInt(2);
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            parts.add(few.get(random.nextInt(few.size())));
        }
        return String.join("\n\n", new java.util.LinkedHashSet<>(parts));
    }

    private CorpusGenerator.Planted pii(CorpusGenerator.Planted p) {
        List<Chat.Msg> turns = new ArrayList<>(p.chat().turns());
        int at = -1;
        for (int i = 0; i < turns.size() && at < 0; i++) {
            if (turns.get(i).role() == Role.USER) {
                at = i;
            }
        }
        if (at < 0) {
            return p;
        }
        String kind;
        String added = switch (random.nextInt(3)) {
            case 0 -> {
                kind = "email";
                yield "(write to " + name() + "." + name() + "@example.com)";
            }
            case 1 -> {
                kind = "card";
                yield "(card " + CARDS.get(random.nextInt(CARDS.size())) + ")";
            }
            default -> {
                kind = "phone";
                yield String.format(Locale.ROOT, "(call +1 %03d-555-01%02d)", 200 + random.nextInt(700), random.nextInt(100));
            }
        };
        turns.set(at, new Chat.Msg(Role.USER, turns.get(at).text() + " " + added));
        return new CorpusGenerator.Planted(rebuild(p, turns), p.format(), Defect.NONE,
                "planted pii: " + kind + " in turn " + at, null);
    }

    /** A lower-case word from the prose pool, for made-up e-mail local parts. */
    private String name() {
        for (int tries = 0; tries < 50; tries++) {
            String[] words = pools.prose().get(random.nextInt(pools.prose().size())).split(" ");
            String w = words[random.nextInt(words.length)].toLowerCase(Locale.ROOT);
            if (w.matches("[a-z]{3,10}")) {
                return w;
            }
        }
        return "user";
    }

    private static Chat rebuild(CorpusGenerator.Planted p, List<Chat.Msg> turns) {
        return new Chat(p.chat().id(), p.chat().format(), p.chat().language(), turns);
    }
}
