package dev.colloquy.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.colloquy.model.Role;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

/**
 * Generates a large conversation corpus for the pipeline and Spark benchmarks and end-to-end tests:
 * {@code openai.jsonl}, {@code sharegpt.jsonl} and {@code transcripts.txt} in OUT_DIR, together about
 * SIZE_MB megabytes, assembled from real text fragments, with planted defects ({@link Defect}) whose
 * ground truth is written to {@code truth.jsonl} (one line per record: id, file:line, defect, and the
 * id of the record it copies) and whose counts go to {@code manifest.json}.
 *
 * <p>Run with {@code bench/make-corpus.sh SIZE_MB OUT_DIR [--seed S]}. Deterministic for one machine and seed.
 */
public final class CorpusGenerator {

    /*
     * Record mix, by count: formats openai 45%, sharegpt 35%, transcripts 20%; languages: about 88%
     * English (documentation prose; a quarter open with a real FAQ question and its answer
     * while unused pairs last, each pair used once),
     * 12% one of 25 catalog languages. Conversations have 1-6 user/assistant exchanges; 5% of JSONL
     * records start with a system turn (transcripts have none, since their speaker labels carry no
     * role). Earlier conversations are kept in a ring of 4096 for duplicates and look-alikes, so
     * memory stays flat whatever the size and copies sit at varying distances from their originals.
     */
    private static final int RING = 4096;
    private static final double[] FORMAT_SHARES = {0.45, 0.35, 0.20};

    private final TextPools pools;
    private final Random random;
    private final List<String> locales;
    private final Chat[] ring = new Chat[RING];
    private long made;
    private long stored;
    private int nextQuestion;

    CorpusGenerator(TextPools pools, long seed) {
        this.pools = pools;
        this.random = new Random(seed);
        this.locales = List.copyOf(pools.catalogs().keySet());
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 2) {
            System.err.println("usage: CorpusGenerator SIZE_MB OUT_DIR [--seed S]");
            System.exit(2);
        }
        long bytes = (long) (Double.parseDouble(args[0]) * (1 << 20));
        Path out = Path.of(args[1]);
        long seed = 20261125L;
        for (int i = 2; i < args.length; i++) {
            if (args[i].equals("--seed")) {
                seed = Long.parseLong(args[++i]);
            }
        }
        long started = System.nanoTime();
        TextPools pools = TextPools.load(seed, 200_000);
        double loadSeconds = (System.nanoTime() - started) / 1e9;
        Files.createDirectories(out);
        long genStart = System.nanoTime();
        long genCpuStart = java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
        Map<Defect, Long> counts = new EnumMap<>(Defect.class);
        long[] perFormat = new long[CorpusFormat.values().length];
        CorpusGenerator generator = new CorpusGenerator(pools, seed);
        long written;
        try (CorpusSink sink = new CorpusSink(out)) {
            while (sink.bytes() < bytes) {
                Planted p = generator.next();
                sink.write(p);
                counts.merge(p.defect(), 1L, Long::sum);
                perFormat[p.format().ordinal()]++;
            }
            written = sink.bytes();
        }
        written = 0;
        for (CorpusFormat f : CorpusFormat.values()) {
            written += Files.size(out.resolve(f.fileName()));
        }
        double genSeconds = (System.nanoTime() - genStart) / 1e9;
        double genCpuSeconds = (java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - genCpuStart) / 1e9;
        writeManifest(out, seed, written, counts, perFormat, pools);
        System.out.printf(Locale.ROOT, "%s: %,d records, %,d bytes in %.1f s, %.1f s CPU (%.0f MB/s wall, %.0f MB/s per CPU second;"
                        + " text pools loaded in %.1f s)%n", out, generator.made, written, genSeconds, genCpuSeconds,
                written / 1e6 / genSeconds, written / 1e6 / genCpuSeconds, loadSeconds);
        counts.forEach((d, n) -> System.out.printf(Locale.ROOT, "  %-18s %,10d%n", d.name().toLowerCase(Locale.ROOT), n));
    }

    private static void writeManifest(Path out, long seed, long bytes, Map<Defect, Long> counts, long[] perFormat,
                                      TextPools pools) throws IOException {
        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode m = json.createObjectNode();
        m.put("seed", seed);
        m.put("bytes", bytes);
        m.put("records", counts.values().stream().mapToLong(Long::longValue).sum());
        ObjectNode formats = m.putObject("formats");
        for (CorpusFormat f : CorpusFormat.values()) {
            formats.put(f.fileName(), perFormat[f.ordinal()]);
        }
        ObjectNode defects = m.putObject("defects");
        counts.forEach((d, n) -> defects.put(d.name().toLowerCase(Locale.ROOT), n));
        ObjectNode shares = m.putObject("plannedShares");
        for (Defect d : Defect.values()) {
            shares.put(d.name().toLowerCase(Locale.ROOT), d.share());
        }
        ObjectNode sources = m.putObject("sources");
        sources.put("proseLines", pools.prose().size());
        sources.put("faqPairs", pools.questions().size());
        sources.put("catalogLanguages", pools.catalogs().size());
        json.writeValue(out.resolve("manifest.json").toFile(), m);
    }

    /** The next record, with its defect planted. */
    Planted next() {
        made++;
        CorpusFormat format = drawFormat();
        String id = String.format(Locale.ROOT, "gen-%09d", made);
        Defect defect = Defect.draw(random);
        Chat earlier = stored == 0 ? null : ring[(int) ((stored - 1 - random.nextLong(Math.min(stored, RING))) % RING)];
        if (earlier == null && (defect == Defect.EXACT_DUPLICATE || defect == Defect.NEAR_DUPLICATE || defect == Defect.LOOK_ALIKE)) {
            defect = Defect.NONE;
        }
        Planted p = switch (defect) {
            case NONE -> new Planted(fresh(id, format), format, defect, "", null);
            case EXACT_DUPLICATE -> {
                CorpusFormat f = earlier.hasSystem() && format == CorpusFormat.TRANSCRIPT ? earlier.format() : format;
                yield new Planted(earlier.withId(id, f), f, defect, "", earlier.id());
            }
            case NEAR_DUPLICATE -> new Planted(nearCopy(earlier, id), earlier.format(), defect, "", earlier.id());
            case LOOK_ALIKE -> new Planted(lookAlike(earlier, id, format), format, defect, "", earlier.id());
            case MOJIBAKE -> mojibake(id, format);
            case MALFORMED -> new Planted(fresh(id, format), format, defect, CorpusSink.malformedKind(format, random), null);
            case STRUCTURE -> structure(id, format);
            case LANGUAGE_MISMATCH -> new Planted(mismatch(id, format), format, defect, "", null);
        };
        // A copy of a malformed record would point at a record no reader accepted, so those stay out of the ring.
        if (p.defect() != Defect.MALFORMED) {
            ring[(int) (stored++ % RING)] = p.chat();
        }
        return p;
    }

    private CorpusFormat drawFormat() {
        double x = random.nextDouble();
        for (CorpusFormat f : CorpusFormat.values()) {
            x -= FORMAT_SHARES[f.ordinal()];
            if (x < 0) {
                return f;
            }
        }
        return CorpusFormat.OPENAI;
    }

    private int exchanges() {
        int n = 1 + random.nextInt(3);
        return random.nextInt(4) == 0 ? n + random.nextInt(4) : n;
    }

    private Chat fresh(String id, CorpusFormat format) {
        if (random.nextInt(100) < 12 && !locales.isEmpty()) {
            return foreign(id, format, locales.get(random.nextInt(locales.size())));
        }
        List<Chat.Msg> turns = new ArrayList<>();
        if (format != CorpusFormat.TRANSCRIPT && random.nextInt(100) < 5) {
            turns.add(new Chat.Msg(Role.SYSTEM, prose(1)));
        }
        int n = exchanges();
        for (int i = 0; i < n; i++) {
            if (i == 0 && nextQuestion < pools.questions().size() && random.nextInt(4) == 0) {
                // Each question is used once: a pair drawn twice would be an exact duplicate nobody planted.
                int q = nextQuestion++;
                turns.add(new Chat.Msg(Role.USER, pools.questions().get(q)));
                turns.add(new Chat.Msg(Role.ASSISTANT, pools.answers().get(q)));
            } else {
                turns.add(new Chat.Msg(Role.USER, prose(1 + random.nextInt(2))));
                turns.add(new Chat.Msg(Role.ASSISTANT, prose(2 + random.nextInt(5))));
            }
        }
        return new Chat(id, format, "en", turns);
    }

    private Chat foreign(String id, CorpusFormat format, String locale) {
        List<String> sentences = pools.catalogs().get(locale);
        List<Chat.Msg> turns = new ArrayList<>();
        int n = exchanges();
        for (int i = 0; i < n; i++) {
            turns.add(new Chat.Msg(Role.USER, sentences(sentences, 1 + random.nextInt(2))));
            turns.add(new Chat.Msg(Role.ASSISTANT, sentences(sentences, 2 + random.nextInt(3))));
        }
        return new Chat(id, format, locale, turns);
    }

    /** {@code lines} consecutive prose lines from a random place, joined with spaces. */
    private String prose(int lines) {
        int start = random.nextInt(pools.prose().size());
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < lines; i++) {
            if (i > 0) {
                sb.append(' ');
            }
            sb.append(pools.prose().get((start + i) % pools.prose().size()));
        }
        return sb.toString();
    }

    private String sentences(List<String> from, int count) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < count; i++) {
            if (i > 0) {
                sb.append(' ');
            }
            sb.append(from.get(random.nextInt(from.size())));
        }
        return sb.toString();
    }

    private Chat nearCopy(Chat original, String id) {
        List<Chat.Msg> turns = new ArrayList<>(original.turns());
        int longest = 0;
        for (int i = 1; i < turns.size(); i++) {
            if (turns.get(i).text().length() > turns.get(longest).text().length()) {
                longest = i;
            }
        }
        String[] words = turns.get(longest).text().split(" ");
        int edits = 1 + random.nextInt(3);
        List<String> out = new ArrayList<>(List.of(words));
        for (int e = 0; e < edits && out.size() > 1; e++) {
            int at = random.nextInt(out.size());
            String[] donor = prose(1).split(" ");
            String word = donor[random.nextInt(donor.length)];
            // A replacement equal to the word it replaces would leave an exact copy: remove the word instead.
            if (random.nextBoolean() || word.equals(out.get(at))) {
                out.remove(at);
            } else {
                out.set(at, word);
            }
        }
        if (out.size() == words.length && String.join(" ", out).equals(turns.get(longest).text())) {
            out.add(prose(1).split(" ")[0]);
        }
        turns.set(longest, new Chat.Msg(turns.get(longest).role(), String.join(" ", out)));
        return new Chat(id, original.format(), original.language(), turns);
    }

    private Chat lookAlike(Chat original, String id, CorpusFormat format) {
        Chat other = fresh(id, format.equals(CorpusFormat.TRANSCRIPT) || !original.hasSystem() ? format : original.format());
        List<Chat.Msg> turns = new ArrayList<>(other.turns());
        Optional<Chat.Msg> firstUser = original.turns().stream().filter(t -> t.role() == Role.USER).findFirst();
        for (int i = 0; i < turns.size() && firstUser.isPresent(); i++) {
            if (turns.get(i).role() == Role.USER) {
                turns.set(i, firstUser.get());
                break;
            }
        }
        // Two extra exchanges keep the shared turn a minority of the text, so it is a look-alike, not a near copy.
        turns.add(new Chat.Msg(Role.USER, prose(1 + random.nextInt(2))));
        turns.add(new Chat.Msg(Role.ASSISTANT, prose(3 + random.nextInt(4))));
        return new Chat(id, other.format(), other.language(), turns);
    }

    private Planted mojibake(String id, CorpusFormat format) {
        Chat chat = locales.isEmpty() ? fresh(id, format) : foreign(id, format, locales.get(random.nextInt(locales.size())));
        Damage family = List.of(Damage.SINGLE, Damage.SINGLE, Damage.SINGLE, Damage.DOUBLE, Damage.LOSSY, Damage.LOSSY, Damage.C1)
                .get(random.nextInt(7));
        List<Chat.Msg> turns = new ArrayList<>(chat.turns());
        int damaged = 0;
        for (int i = 0; i < turns.size(); i++) {
            if (damaged == 0 && i == turns.size() - 1 || random.nextInt(10) < 7) {
                Optional<DamageCase> c = family.apply(chat.language(), turns.get(i).text(), "", random);
                if (c.isPresent()) {
                    turns.set(i, new Chat.Msg(turns.get(i).role(), c.get().corrupted()));
                    damaged++;
                }
            }
        }
        return new Planted(new Chat(id, format, chat.language(), turns), format, Defect.MOJIBAKE,
                family.name().toLowerCase(Locale.ROOT) + ", " + damaged + " turns", null);
    }

    private Planted structure(String id, CorpusFormat format) {
        Chat chat = fresh(id, format);
        List<Chat.Msg> turns = new ArrayList<>(chat.turns());
        turns.removeIf(t -> t.role() == Role.SYSTEM);
        List<String> kinds = format == CorpusFormat.TRANSCRIPT
                ? List.of("consecutive_same_role", "empty_turn", "ends_with_user", "single_turn")
                : List.of("consecutive_same_role", "empty_turn", "starts_with_assistant", "ends_with_user", "single_turn");
        String kind = kinds.get(random.nextInt(kinds.size()));
        switch (kind) {
            case "consecutive_same_role" -> turns.add(1, new Chat.Msg(Role.USER, prose(1)));
            case "empty_turn" -> turns.set(1, new Chat.Msg(Role.ASSISTANT, ""));
            case "starts_with_assistant" -> turns.remove(0);
            case "ends_with_user" -> turns.add(new Chat.Msg(Role.USER, prose(1)));
            default -> turns.subList(1, turns.size()).clear();
        }
        return new Planted(new Chat(id, format, chat.language(), turns), format, Defect.STRUCTURE, kind, null);
    }

    private Chat mismatch(String id, CorpusFormat format) {
        Chat chat = fresh(id, format);
        if (locales.isEmpty()) {
            return chat;
        }
        String locale = locales.get(random.nextInt(locales.size()));
        List<Chat.Msg> turns = new ArrayList<>(chat.turns());
        for (int i = 0; i < turns.size(); i++) {
            if (turns.get(i).role() == Role.USER) {
                turns.set(i, new Chat.Msg(Role.USER, sentences(pools.catalogs().get(locale), 2)));
                break;
            }
        }
        return new Chat(id, format, locale + "->en", turns);
    }

    /** A generated record, what was planted in it, and the id of the record it copies, if any. */
    record Planted(Chat chat, CorpusFormat format, Defect defect, String detail, String of) {
    }
}
