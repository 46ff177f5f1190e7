package dev.colloquy.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.colloquy.repair.RepairResult;
import dev.colloquy.repair.TextRepairer;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;

/**
 * The repair accuracy harness: real sentences in many languages, damaged in each family of issue 3,
 * run through {@link TextRepairer#defaults()}; reports the exact restoration rate per family, per
 * language and per code page, and for clean text the unchanged rate.
 *
 * <p>Run with {@code bench/repair-accuracy.sh}, or
 * {@code java -cp colloquy-bench/target/colloquy-bench.jar dev.colloquy.bench.AccuracyHarness [--out DIR] [--per-cell N] [--seed S]}.
 * Writes {@code DIR/repair-cases.jsonl} (the cases, read by {@code bench/ftfy_accuracy.py}),
 * {@code DIR/repair-accuracy-results.jsonl} (each case with our output) and {@code DIR/repair-accuracy.json}.
 */
public final class AccuracyHarness {

    /** Catalog locales used: 25 languages in 11 scripts. */
    static final List<String> LANGUAGES = List.of(
            "de", "fr", "es", "it", "pt_BR", "pl", "cs", "sk", "hu", "ro", "tr", "sv", "fi", "lt", "vi",
            "ru", "uk", "bg", "el", "he", "ar", "zh_CN", "zh_TW", "ja", "ko");

    private AccuracyHarness() {
    }

    public static void main(String[] args) throws IOException {
        Path out = Path.of("bench-data");
        int perCell = 40;
        long seed = 20261125L;
        Path root = CatalogSentences.DEFAULT_ROOT;
        java.util.Set<Damage> families = java.util.EnumSet.allOf(Damage.class);
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--out" -> out = Path.of(args[++i]);
                case "--per-cell" -> perCell = Integer.parseInt(args[++i]);
                case "--seed" -> seed = Long.parseLong(args[++i]);
                case "--locales" -> root = Path.of(args[++i]);
                case "--families" -> families = Damage.parse(args[++i]);
                default -> {
                    System.err.println("usage: AccuracyHarness [--out DIR] [--per-cell N] [--seed S] [--locales DIR] [--families lossy,single,...]");
                    System.exit(2);
                }
            }
        }
        Files.createDirectories(out);
        List<DamageCase> cases = buildCases(root, perCell, seed);
        final java.util.Set<Damage> wanted = families;
        cases.removeIf(c -> !wanted.contains(c.family()));
        ObjectMapper json = new ObjectMapper();
        writeCases(json, cases, out.resolve("repair-cases.jsonl"));

        TextRepairer repairer = TextRepairer.defaults();
        Tally total = new Tally();
        Map<Damage, Tally> byFamily = new EnumMap<>(Damage.class);
        Map<String, Map<Damage, Tally>> byLanguage = new LinkedHashMap<>();
        Map<String, Tally> byPage = new TreeMap<>();
        Map<String, Tally> byLossyKind = new TreeMap<>();
        Map<String, Map<String, Tally>> byLossyKindLanguage = new TreeMap<>();
        Map<Damage, List<ObjectNode>> failures = new EnumMap<>(Damage.class);
        Map<Damage, Undecided> undecided = new EnumMap<>(Damage.class);
        long started = System.nanoTime();
        try (BufferedWriter w = Files.newBufferedWriter(out.resolve("repair-accuracy-results.jsonl"), StandardCharsets.UTF_8)) {
            for (DamageCase c : cases) {
                String repaired;
                RepairResult r = null;
                long t0 = System.nanoTime();
                try {
                    r = repairer.repair(c.corrupted());
                    repaired = r.text();
                } catch (RuntimeException e) {
                    repaired = "<threw " + e + ">";
                }
                long nanos = System.nanoTime() - t0;
                Outcome o = Outcome.of(c, repaired);
                total.add(o);
                byFamily.computeIfAbsent(c.family(), f -> new Tally()).add(o);
                byFamily.get(c.family()).nanos += nanos;
                byLanguage.computeIfAbsent(c.language(), l -> new EnumMap<>(Damage.class))
                        .computeIfAbsent(c.family(), f -> new Tally()).add(o);
                String kind = lossyKind(c);
                if (kind != null) {
                    byLossyKind.computeIfAbsent(kind, k -> new Tally()).add(o);
                    byLossyKindLanguage.computeIfAbsent(kind.split(" ")[0], k -> new LinkedHashMap<>())
                            .computeIfAbsent(c.language(), l -> new Tally()).add(o);
                }
                if (c.family() != Damage.CLEAN && c.family() != Damage.C1) {
                    byPage.computeIfAbsent(c.family().name().toLowerCase(Locale.ROOT) + " " + pageOf(c.chain()),
                            p -> new Tally()).add(o);
                }
                if (r != null && !r.unresolved().isEmpty()) {
                    undecided.computeIfAbsent(c.family(), f -> new Undecided()).add(c, r);
                }
                ObjectNode line = caseJson(json, c);
                line.put("repaired", repaired);
                if (r != null && !r.unresolved().isEmpty()) {
                    ArrayNode left = line.putArray("unresolved");
                    r.unresolved().forEach(u -> left.addObject().put("offset", u.offset()).put("text", u.text())
                            .put("candidates", String.join(" ", u.candidates())));
                }
                line.put("exact", o == Outcome.EXACT);
                w.write(json.writeValueAsString(line));
                w.write('\n');
                if (o != Outcome.EXACT) {
                    List<ObjectNode> list = failures.computeIfAbsent(c.family(), f -> new ArrayList<>());
                    if (list.size() < 15) {
                        list.add(line);
                    }
                }
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        undecided.forEach((f, u) -> System.out.printf(Locale.ROOT,
                "%s: %d spans left undecided in %d cases; the filling they would have had was right %d, wrong %d,"
                        + " not aligned %d; %d of those cases exact if filled%n",
                f.name().toLowerCase(Locale.ROOT), u.spans, u.cases, u.right, u.wrong, u.unaligned, u.exactIfFilled));

        ObjectNode report = json.createObjectNode();
        report.put("engine", "colloquy TextRepairer.defaults()");
        report.put("seed", seed);
        report.put("perCell", perCell);
        report.put("cases", cases.size());
        report.put("seconds", Math.round(seconds * 1000) / 1000.0);
        report.set("overall", total.toJson(json));
        ObjectNode fam = report.putObject("families");
        byFamily.forEach((f, t) -> fam.set(f.name().toLowerCase(Locale.ROOT), t.toJson(json).put("description", f.description())));
        ObjectNode langs = report.putObject("languages");
        byLanguage.forEach((l, m) -> {
            ObjectNode node = langs.putObject(l);
            m.forEach((f, t) -> node.set(f.name().toLowerCase(Locale.ROOT), t.toJson(json)));
        });
        ObjectNode pages = report.putObject("codePages");
        byPage.forEach((p, t) -> pages.set(p, t.toJson(json)));
        ObjectNode kinds = report.putObject("lossyKinds");
        byLossyKind.forEach((k, t) -> kinds.set(k, t.toJson(json)));
        ObjectNode kindLanguages = report.putObject("lossyKindsByLanguage");
        byLossyKindLanguage.forEach((k, m) -> {
            ObjectNode node = kindLanguages.putObject(k);
            m.forEach((l, t) -> node.set(l, t.toJson(json)));
        });
        ObjectNode fails = report.putObject("sampleFailures");
        failures.forEach((f, l) -> fails.putArray(f.name().toLowerCase(Locale.ROOT)).addAll(l));
        json.enable(SerializationFeature.INDENT_OUTPUT).writeValue(out.resolve("repair-accuracy.json").toFile(), report);

        printTable(byFamily, byLanguage, total, cases.size(), seconds);
        printLossyKinds(byLossyKind, byLossyKindLanguage);
    }

    /**
     * For the lossy families, what was lost: {@code undefined PAGE} (the page's undefined bytes were dropped,
     * perhaps with soft hyphens and no-break spaces), {@code soft-hyphen} (only soft hyphens, perhaps with
     * no-break spaces), {@code nbsp} (only no-break spaces flattened), {@code emoji} (the lossy_emoji family),
     * {@code heldout-emoji} (lossy_emoji_heldout);
     * null for the other families.
     */
    static String lossyKind(DamageCase c) {
        if (c.lost().isEmpty()) {
            return null;
        }
        if (c.family() == Damage.LOSSY_EMOJI) {
            return "emoji " + pageOf(c.chain());
        }
        if (c.family() == Damage.LOSSY_EMOJI_HELDOUT) {
            return "heldout-emoji " + pageOf(c.chain());
        }
        return c.lost().equals("undefined") ? "undefined " + pageOf(c.chain()) : c.lost();
    }

    private static void printLossyKinds(Map<String, Tally> byKind, Map<String, Map<String, Tally>> byKindLanguage) {
        if (byKind.isEmpty()) {
            return;
        }
        StringBuilder sb = new StringBuilder("\nlossy damage by what was lost (exact restoration)\n");
        byKind.forEach((k, t) -> sb.append(String.format(Locale.ROOT, "  %-26s %4d  %6s  untouched %3d  wrong %3d%n",
                k, t.n, t.percent(), t.untouched, t.wrong)));
        sb.append("lossy damage by what was lost and language\n");
        byKindLanguage.forEach((k, m) -> {
            sb.append(String.format(Locale.ROOT, "  %-12s", k));
            m.forEach((l, t) -> sb.append(String.format(Locale.ROOT, " %s %d/%d", l, t.exact, t.n)));
            sb.append('\n');
        });
        System.out.print(sb);
    }

    static List<DamageCase> buildCases(Path root, int perCell, long seed) {
        List<DamageCase> cases = new ArrayList<>();
        for (String language : LANGUAGES) {
            List<String> pool = CatalogSentences.load(root, language, seed);
            if (pool.isEmpty()) {
                System.err.println("no catalog sentences for " + language + " under " + root + "; skipped");
                continue;
            }
            Random random = new Random(seed * 31 + language.hashCode());
            int cursor = 0;
            for (Damage family : Damage.values()) {
                int made = 0;
                int tried = 0;
                // Each family draws fresh sentences, so no sentence serves two families of one language.
                while (made < perCell && tried < pool.size()) {
                    String text = pool.get(cursor++ % pool.size());
                    String partner = pool.get(cursor++ % pool.size());
                    tried += 2;
                    if (family != Damage.CLEAN && isAscii(text)) {
                        continue;
                    }
                    Optional<DamageCase> c = family.apply(language, text, partner, random);
                    if (c.isPresent()) {
                        cases.add(c.get());
                        made++;
                    }
                }
            }
        }
        return cases;
    }

    private static boolean isAscii(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    private static String pageOf(String chain) {
        String rest = chain.substring("utf-8 read as ".length());
        int end = rest.indexOf(' ');
        int comma = rest.indexOf(',');
        if (comma >= 0 && (end < 0 || comma < end)) {
            end = comma;
        }
        return end < 0 ? rest : rest.substring(0, end);
    }

    private static void writeCases(ObjectMapper json, List<DamageCase> cases, Path file) throws IOException {
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (DamageCase c : cases) {
                w.write(json.writeValueAsString(caseJson(json, c)));
                w.write('\n');
            }
        }
    }

    private static ObjectNode caseJson(ObjectMapper json, DamageCase c) {
        ObjectNode n = json.createObjectNode();
        n.put("language", c.language());
        n.put("family", c.family().name().toLowerCase(Locale.ROOT));
        n.put("chain", c.chain());
        n.put("original", c.original());
        n.put("corrupted", c.corrupted());
        String kind = lossyKind(c);
        if (kind != null) {
            n.put("lost", kind);
        }
        return n;
    }

    private static void printTable(Map<Damage, Tally> byFamily, Map<String, Map<Damage, Tally>> byLanguage,
                                   Tally total, int cases, double seconds) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "%-8s", "language"));
        for (Damage f : Damage.values()) {
            sb.append(String.format(Locale.ROOT, " %9s", f.name().toLowerCase(Locale.ROOT)));
        }
        sb.append('\n');
        byLanguage.forEach((l, m) -> {
            sb.append(String.format(Locale.ROOT, "%-8s", l));
            for (Damage f : Damage.values()) {
                Tally t = m.get(f);
                sb.append(String.format(Locale.ROOT, " %9s", t == null ? "-" : t.percent()));
            }
            sb.append('\n');
        });
        sb.append(String.format(Locale.ROOT, "%-8s", "ALL"));
        for (Damage f : Damage.values()) {
            Tally t = byFamily.get(f);
            sb.append(String.format(Locale.ROOT, " %9s", t == null ? "-" : t.percent()));
        }
        sb.append('\n');
        for (Damage f : Damage.values()) {
            Tally t = byFamily.get(f);
            if (t != null) {
                sb.append(String.format(Locale.ROOT, "%-8s %5d/%-5d exact %6s  untouched %5d  wrong change %5d  %7.3f ms/case  (%s)%n",
                        f.name().toLowerCase(Locale.ROOT), t.exact, t.n, t.percent(), t.untouched, t.wrong, t.nanos / 1e6 / t.n,
                        f.description()));
            }
        }
        sb.append(String.format(Locale.ROOT, "colloquy: %d cases, %d%s exact or unchanged overall, %.2f s%n",
                cases, Math.round(100.0 * total.exact / Math.max(1, total.n)), "%", seconds));
        System.out.print(sb);
    }

    /**
     * The spans the engine left undecided, judged against the original: each span is given its best filling (the
     * first candidate, what the engine would have written), and that filling counts as right when the original
     * holds that char at the same code-point offset (only when the filled text has the original's length; else
     * not aligned).
     */
    static final class Undecided {
        int cases;
        int spans;
        int right;
        int wrong;
        int unaligned;
        int exactIfFilled;

        void add(DamageCase c, RepairResult r) {
            cases++;
            int[] out = r.text().codePoints().toArray();
            int[] expected = c.original().codePoints().toArray();
            StringBuilder filled = new StringBuilder();
            int at = 0;
            List<Integer> positions = new ArrayList<>();
            List<Integer> bests = new ArrayList<>();
            for (dev.colloquy.repair.UnresolvedSpan u : r.unresolved()) {
                while (at < u.offset()) {
                    filled.appendCodePoint(out[at++]);
                }
                positions.add(filled.codePointCount(0, filled.length()));
                int best = u.candidates().get(0).codePointAt(0);
                bests.add(best);
                filled.appendCodePoint(best);
                at += u.length();
            }
            while (at < out.length) {
                filled.appendCodePoint(out[at++]);
            }
            String f = filled.toString();
            if (f.equals(c.original())) {
                exactIfFilled++;
            }
            boolean aligned = f.codePointCount(0, f.length()) == expected.length;
            for (int k = 0; k < positions.size(); k++) {
                spans++;
                if (!aligned) {
                    unaligned++;
                } else if (expected[positions.get(k)] == bests.get(k)) {
                    right++;
                } else {
                    wrong++;
                }
            }
        }
    }

    /** What the repair did to one case. */
    enum Outcome {
        EXACT, UNTOUCHED, WRONG;

        static Outcome of(DamageCase c, String repaired) {
            if (repaired.equals(c.original())) {
                return EXACT;
            }
            return repaired.equals(c.corrupted()) ? UNTOUCHED : WRONG;
        }
    }

    /** Counts for one cell of the report. */
    static final class Tally {
        int n;
        int exact;
        int untouched;
        int wrong;
        /** Wall time spent repairing these cases: a rough cost signal only; speed belongs to the JMH benchmarks. */
        long nanos;

        void add(Outcome o) {
            n++;
            switch (o) {
                case EXACT -> exact++;
                case UNTOUCHED -> untouched++;
                case WRONG -> wrong++;
            }
        }

        String percent() {
            return n == 0 ? "-" : String.format(Locale.ROOT, "%.1f%%", 100.0 * exact / n);
        }

        ObjectNode toJson(ObjectMapper json) {
            ObjectNode node = json.createObjectNode();
            node.put("n", n);
            node.put("exact", exact);
            node.put("rate", n == 0 ? 0 : Math.round(10000.0 * exact / n) / 10000.0);
            node.put("untouched", untouched);
            node.put("wrongChange", wrong);
            if (nanos > 0) {
                node.put("msPerCase", Math.round(nanos / 1e3 / n) / 1e3);
            }
            return node;
        }
    }
}
