package dev.colloquy.signals;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/*
 * Learns HoleGrammar's table of POS-pair likelihood ratios from the dev split of the labelled set.
 *
 * Hole side: every labelled hole that sits in a double space between words (WORDS) or right before
 * punctuation after a space (PUNCT), tagged with the gap closed. Only about a hundred on the dev split, so the
 * table is coarse; synthetic holes (random word runs removed from intact text) were tried and dropped:
 * they look like intact joins and made the table worse at telling a stray space from a hole. Intact side: every single space between
 * two words (where a stray extra space would land) and every word directly followed by punctuation, in the
 * prose blocks. Per class, ratio = ln((hole + a) / (H + a V)) - ln((intact + a) / (I + a V)), add-a smoothing
 * (a = 0.5) over the V pairs seen, clamped to [-2.5, 2.5]; pairs seen fewer than 3 times are left out (0).
 *
 * Usage (bench/holes-train.sh): HoleTagPairsBuilder LABELLED.jsonl OUT.tsv
 */
final class HoleTagPairsBuilder {

    private static final double ALPHA = 0.5;
    private static final double CLAMP = 2.5;
    private static final int MIN_COUNT = 3;

    public static void main(String[] args) throws IOException {
        ObjectMapper json = new ObjectMapper();
        HoleGrammar grammar = new HoleGrammar();
        Map<String, int[]> counts = new TreeMap<>();
        for (String line : Files.readAllLines(Path.of(args[0]), UTF_8)) {
            JsonNode r = json.readTree(line);
            if (!r.get("split").asText().equals("dev") || !r.get("kind").asText().equals("prose")) {
                continue;
            }
            String text = r.get("text").asText();
            List<Integer> holes = new ArrayList<>();
            r.get("holes").forEach(h -> holes.add(text.offsetByCodePoints(0, h.asInt())));
            for (int h : holes) {
                if (h >= 2 && h + 1 < text.length() && text.charAt(h - 1) == ' ') {
                    if (text.charAt(h) == ' ' && isWord(text.charAt(h - 2)) && isWord(text.charAt(h + 1))) {
                        count(counts, grammar, text, HoleGrammar.WORDS, h - 1, h, 0);
                    } else if (".,;:!?".indexOf(text.charAt(h)) >= 0 && isWord(text.charAt(h - 2))) {
                        count(counts, grammar, text, HoleGrammar.PUNCT, h, h, 0);
                    }
                }
            }
            for (int i = 1; i + 1 < text.length(); i++) {
                char c = text.charAt(i);
                if (holes.contains(i) || holes.contains(i + 1)) {
                    continue;
                }
                if (c == ' ' && isWord(text.charAt(i - 1)) && isWord(text.charAt(i + 1))) {
                    count(counts, grammar, text, HoleGrammar.WORDS, i, i + 1, 1);
                } else if (".,;:!?".indexOf(c) >= 0 && isWord(text.charAt(i - 1)) && text.charAt(i + 1) == ' ') {
                    count(counts, grammar, text, HoleGrammar.PUNCT, i, i, 1);
                }
            }
        }
        StringBuilder out = new StringBuilder("# class\tbefore\tafter\tln(P(pair|hole)/P(pair|intact)); built by "
                + "HoleTagPairsBuilder from " + Path.of(args[0]).getFileName() + " (dev split)\n");
        for (String kind : List.of(HoleGrammar.WORDS, HoleGrammar.PUNCT)) {
            long hole = 0;
            long intact = 0;
            int pairs = 0;
            for (Map.Entry<String, int[]> e : counts.entrySet()) {
                if (e.getKey().startsWith(kind + " ")) {
                    hole += e.getValue()[0];
                    intact += e.getValue()[1];
                    pairs++;
                }
            }
            for (Map.Entry<String, int[]> e : counts.entrySet()) {
                int[] n = e.getValue();
                if (!e.getKey().startsWith(kind + " ") || n[0] + n[1] < MIN_COUNT) {
                    continue;
                }
                double ratio = Math.log((n[0] + ALPHA) / (hole + ALPHA * pairs))
                        - Math.log((n[1] + ALPHA) / (intact + ALPHA * pairs));
                ratio = Math.max(-CLAMP, Math.min(CLAMP, ratio));
                out.append(e.getKey().replace(' ', '\t')).append('\t')
                        .append(String.format(Locale.ROOT, "%.3f", ratio)).append('\n');
            }
            System.err.printf(Locale.ROOT, "%s: %d hole pairs, %d intact pairs, %d kinds%n", kind, hole, intact, pairs);
        }
        Files.writeString(Path.of(args[1]), out.toString(), UTF_8);
    }

    private static void count(Map<String, int[]> counts, HoleGrammar grammar, String text, String kind,
                              int gapStart, int gapEnd, int side) {
        String[] pair = grammar.tagsAround(text, gapStart, gapEnd);
        if (pair != null) {
            counts.computeIfAbsent(HoleGrammar.key(kind, pair[0], pair[1]), k -> new int[2])[side]++;
        }
    }

    private static boolean isWord(char c) {
        return Character.isLetterOrDigit(c) || c == '\'' || c == '’';
    }
}
