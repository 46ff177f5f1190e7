package dev.colloquy.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The never-worse corpus bench (bench/repair-corpus.sh): a corpus of clean multilingual conversations,
 * and the count of turns that a pipeline with only the {@code repair} step changed.
 *
 * <pre>
 * RepairCorpus write OUT_DIR [CONVERSATIONS] [SEED]   clean.jsonl (OpenAI format) + repair-only.yaml
 * RepairCorpus compare CLEAN.jsonl KEPT.jsonl           changed turns, per locale, with examples
 * </pre>
 *
 * <p>Text: the translated sentences of every gettext catalog Debian installs (every locale under
 * {@code /usr/share/locale}), which no model of ours was built from. A turn joins 1-8 sentences of one
 * locale, as multi-sentence chat turns do; a quarter of the turns get emoji and chat punctuation between
 * sentences, and one conversation in ten mixes two locales. Nothing is damaged: every change is a
 * never-worse violation.
 */
public final class RepairCorpus {

    private static final String[] EMOJI = {"😀", "😂", "🙏", "👍", "❤️", "✨", "🎬", "💡", "🔥", "🤔", "👀", "🎉",
        "👨‍👩‍👧", "🇩🇪", "✅", "❌", "⚠️", "☕", "🙂", "😅", "💯", "👉", "🌍", "📌"};
    private static final String[] CHAT = {" ", " ", " — ", "… ", "!! ", "?! ", " :) ", " (", ") ", " « ", " » ",
        " “", "” ", " „", " ‘", "’ ", " -> ", " • ", " № ", " ¿", " ¡", " 100€ ", " ±2 ", " ° ", " × "};
    private static final ObjectMapper JSON = new ObjectMapper();

    private RepairCorpus() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length >= 2 && args[0].equals("write")) {
            int conversations = args.length > 2 ? Integer.parseInt(args[2]) : 20_000;
            long seed = args.length > 3 ? Long.parseLong(args[3]) : 20261206L;
            write(Path.of(args[1]), conversations, seed);
        } else if (args.length == 2 && args[0].equals("inprocess")) {
            System.exit(inProcess(Path.of(args[1])) == 0 ? 0 : 3);
        } else if (args.length == 3 && args[0].equals("compare")) {
            System.exit(compare(Path.of(args[1]), Path.of(args[2])) == 0 ? 0 : 3);
        } else {
            System.err.println("usage: RepairCorpus write OUT_DIR [CONVERSATIONS] [SEED] | compare CLEAN.jsonl KEPT.jsonl");
            System.exit(2);
        }
    }

    static List<String> locales(Path root) throws IOException {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> dirs = Files.list(root)) {
            return dirs.filter(d -> Files.isDirectory(d.resolve("LC_MESSAGES")))
                    .map(d -> d.getFileName().toString()).sorted().toList();
        }
    }

    static void write(Path dir, int conversations, long seed) throws IOException {
        Files.createDirectories(dir);
        Map<String, List<String>> byLocale = new TreeMap<>();
        for (String locale : locales(CatalogSentences.DEFAULT_ROOT)) {
            List<String> s = new ArrayList<>(CatalogSentences.load(CatalogSentences.DEFAULT_ROOT, locale, seed));
            int before = s.size();
            s.removeIf(RepairCorpus::holdsMojibake);
            if (s.size() < before) {
                System.out.printf("%s: %d catalog sentences left out: the catalog itself holds mojibake%n", locale,
                        before - s.size());
            }
            if (s.size() >= 20) {
                byLocale.put(locale, s);
            }
        }
        if (byLocale.isEmpty()) {
            throw new IOException("no gettext catalogs under " + CatalogSentences.DEFAULT_ROOT);
        }
        List<String> locales = new ArrayList<>(byLocale.keySet());
        Map<String, Integer> next = new HashMap<>();
        Random rnd = new Random(seed);
        long bytes = 0;
        try (BufferedWriter out = Files.newBufferedWriter(dir.resolve("clean.jsonl"), StandardCharsets.UTF_8)) {
            for (int c = 0; c < conversations; c++) {
                String locale = locales.get(c % locales.size());
                String other = locales.get(rnd.nextInt(locales.size()));
                ObjectNode rec = JSON.createObjectNode();
                rec.put("id", "c" + c + "-" + locale);
                ArrayNode messages = rec.putArray("messages");
                int turns = 2 * (1 + rnd.nextInt(3));
                for (int t = 0; t < turns; t++) {
                    String loc = c % 10 == 9 && t % 2 == 1 ? other : locale;
                    List<String> pool = byLocale.get(loc);
                    boolean chatty = rnd.nextInt(4) == 0;
                    StringBuilder turn = new StringBuilder();
                    int sentences = 1 + rnd.nextInt(8);
                    for (int s = 0; s < sentences; s++) {
                        int k = next.merge(loc, 1, Integer::sum) - 1;
                        if (s > 0) {
                            turn.append(chatty ? CHAT[rnd.nextInt(CHAT.length)] : rnd.nextInt(6) == 0 ? "\n" : " ");
                        }
                        turn.append(pool.get(k % pool.size()));
                        if (chatty && rnd.nextBoolean()) {
                            turn.append(' ').append(EMOJI[rnd.nextInt(EMOJI.length)]);
                            if (rnd.nextBoolean()) {
                                turn.append(EMOJI[rnd.nextInt(EMOJI.length)]);
                            }
                        }
                    }
                    ObjectNode m = messages.addObject();
                    m.put("role", t % 2 == 0 ? "user" : "assistant");
                    m.put("content", turn.toString());
                    bytes += turn.toString().getBytes(StandardCharsets.UTF_8).length;
                }
                out.write(JSON.writeValueAsString(rec));
                out.write('\n');
            }
        }
        Files.writeString(dir.resolve("repair-only.yaml"), """
                # written by RepairCorpus: the never-worse corpus run, a pipeline whose only step is repair
                input:
                  paths: [clean.jsonl]
                  format: openai
                steps:
                  - step: repair
                output:
                  dir: out
                  format: openai
                """);
        System.out.printf("corpus: %d conversations, %d locales, %.1f MB of turn text in %s%n", conversations,
                locales.size(), bytes / 1e6, dir.resolve("clean.jsonl"));
    }

    /**
     * A few catalogs were themselves saved through a mis-decoding (nn, bs: {@code Â«}, {@code nÃ¸kkelord}):
     * those sentences are damaged, not clean, and a repair of them is right. This is the one filter: a
     * run of characters that windows-1252 encodes to valid multi-byte UTF-8 (Ã¸ → ø, â€™ → ’).
     */
    static boolean holdsMojibake(String s) {
        java.nio.charset.Charset cp1252 = java.nio.charset.Charset.forName("windows-1252");
        for (int i = 0; i + 1 < s.length(); i++) {
            char a = s.charAt(i);
            if (a < 0xC2 || a > 0xEF) {
                continue;
            }
            int len = a < 0xE0 ? 2 : 3;
            if (i + len > s.length()) {
                continue;
            }
            String run = s.substring(i, i + len);
            if (!cp1252.newEncoder().canEncode(run)) {
                continue;
            }
            byte[] b = run.getBytes(cp1252);
            String back = new String(b, StandardCharsets.UTF_8);
            if (back.codePointCount(0, back.length()) == 1 && back.charAt(0) != '\uFFFD') {
                return true;
            }
        }
        return false;
    }

    /** The same corpus through {@code TextRepairer} in process: per turn, per line, and in one session. */
    static int inProcess(Path clean) throws IOException {
        dev.colloquy.repair.TextRepairer engine = dev.colloquy.repair.TextRepairer.defaults();
        dev.colloquy.repair.TextRepairer.Session session = engine.session();
        Map<String, List<String>> in = turns(clean);
        int total = 0;
        int[] changed = new int[3];
        Map<String, Integer> perLocale = new TreeMap<>();
        List<String> examples = new ArrayList<>();
        for (Map.Entry<String, List<String>> e : new TreeMap<>(in).entrySet()) {
            for (String turn : e.getValue()) {
                total++;
                String[] outs = {engine.repair(turn).text(), session.repair(turn).text(), null};
                outs[2] = String.join("\n", java.util.Arrays.stream(turn.split("\n", -1)).map(l -> engine.repair(l).text()).toList());
                boolean any = false;
                for (int k = 0; k < 3; k++) {
                    if (!outs[k].equals(turn)) {
                        changed[k]++;
                        if (!any && examples.size() < 40) {
                            examples.add(e.getKey() + " [" + new String[] {"turn", "session", "line"}[k] + "] "
                                    + firstDifference(turn, outs[k]));
                        }
                        any = true;
                    }
                }
                if (any) {
                    perLocale.merge(e.getKey().substring(e.getKey().indexOf('-') + 1), 1, Integer::sum);
                }
            }
        }
        System.out.printf("clean turns: %d; changed per turn %d, in one session %d, per line %d%n", total, changed[0],
                changed[1], changed[2]);
        if (!perLocale.isEmpty()) {
            System.out.println("changed per locale: " + perLocale);
            examples.forEach(x -> System.out.println("  " + x));
        }
        return changed[0] + changed[1] + changed[2];
    }

    /** Prints the changed turns (per locale, up to 15 examples) and returns their number. */
    static int compare(Path clean, Path kept) throws IOException {
        Map<String, List<String>> in = turns(clean);
        Map<String, List<String>> out = turns(kept);
        int total = 0;
        int changed = 0;
        int missing = 0;
        Map<String, Integer> perLocale = new TreeMap<>();
        List<String> examples = new ArrayList<>();
        for (Map.Entry<String, List<String>> e : in.entrySet()) {
            List<String> after = out.get(e.getKey());
            if (after == null) {
                missing++;
                continue;
            }
            List<String> before = e.getValue();
            for (int i = 0; i < before.size(); i++) {
                total++;
                if (i >= after.size() || !before.get(i).equals(after.get(i))) {
                    changed++;
                    String locale = e.getKey().substring(e.getKey().indexOf('-') + 1);
                    perLocale.merge(locale, 1, Integer::sum);
                    if (examples.size() < 15) {
                        examples.add(e.getKey() + " turn " + i + ": " + firstDifference(before.get(i),
                                i < after.size() ? after.get(i) : ""));
                    }
                }
            }
        }
        System.out.printf("clean turns: %d in %d conversations; conversations missing from the output: %d%n", total,
                in.size(), missing);
        System.out.printf("changed clean turns: %d%n", changed);
        if (!perLocale.isEmpty()) {
            System.out.println("changed per locale: " + perLocale);
            examples.forEach(x -> System.out.println("  " + x));
        }
        return changed + missing;
    }

    private static String firstDifference(String a, String b) {
        int i = 0;
        while (i < a.length() && i < b.length() && a.charAt(i) == b.charAt(i)) {
            i++;
        }
        int from = Math.max(0, i - 20);
        return "'" + a.substring(from, Math.min(a.length(), i + 20)).replace('\n', ' ') + "' -> '"
                + b.substring(Math.min(from, b.length()), Math.min(b.length(), i + 20)).replace('\n', ' ') + "'";
    }

    private static Map<String, List<String>> turns(Path file) throws IOException {
        Map<String, List<String>> turns = new HashMap<>();
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            while ((line = r.readLine()) != null) {
                JsonNode rec = JSON.readTree(line);
                List<String> t = new ArrayList<>();
                for (JsonNode m : rec.path("messages")) {
                    t.add(m.path("content").asText());
                }
                turns.put(rec.path("id").asText(), t);
            }
        }
        return turns;
    }
}
