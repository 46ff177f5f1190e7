package dev.colloquy.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.colloquy.model.Conversation;
import dev.colloquy.model.Rejection;
import dev.colloquy.model.Role;
import dev.colloquy.model.SourcePosition;
import dev.colloquy.model.Turn;
import dev.colloquy.signals.Echo;
import dev.colloquy.signals.Hole;
import dev.colloquy.signals.HoleCue;
import dev.colloquy.signals.TurnLanguage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * stats.json through Jackson databind ({@link StatsJson}) writes the very bytes the hand-mapped writer it replaced
 * wrote. The old writer is kept here as the oracle: it built the object key by key, in this order, from the same
 * sorted maps, which it reads back out of the new form's tree.
 */
class StatsJsonTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String[] LANGUAGES = {"en", "ru", "zh", "und"};
    private static final String[] REASONS = {"too_few_turns", "turn_too_long", "blocklisted"};

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 42, 1234})
    void writesTheSameBytesAsTheHandMappedWriter(long seed) throws Exception {
        RunStats stats = randomStats(new Random(seed));
        JsonNode written = stats.toJson();

        String expected = JSON.writerWithDefaultPrettyPrinter().writeValueAsString(handMapped(stats, written));
        assertThat(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(written)).as("seed %d", seed)
                .isEqualTo(expected);
        assertThat(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(RunStats.fromJson(written).toJson()))
                .as("read back, seed %d", seed).isEqualTo(expected);
    }

    private static RunStats randomStats(Random rnd) {
        RunStats s = new RunStats();
        s.countLines(rnd.nextInt(1000), rnd.nextInt(10));
        for (int i = 0; i < 400; i++) {
            s.countIn();
            Conversation c = conversation(rnd, i);
            switch (rnd.nextInt(4)) {
                case 0, 1 -> s.countKept(c);
                case 2 -> s.countQuarantined(new Rejection(c.source(), rnd.nextBoolean() ? "turns" : "blocklist",
                        REASONS[rnd.nextInt(REASONS.length)], "m", c));
                default -> s.countDuplicate(new Rejection(c.source(), "dedup", "near_duplicate", "m", c),
                        "c" + rnd.nextInt(40));
            }
        }
        return s;
    }

    private static Conversation conversation(Random rnd, int i) {
        List<Turn> turns = new ArrayList<>();
        int n = 1 + rnd.nextInt(rnd.nextInt(10) == 0 ? 80 : 6);
        for (int t = 0; t < n; t++) {
            Turn turn = new Turn("s", t % 2 == 0 ? Role.USER : Role.ASSISTANT, "x".repeat(rnd.nextInt(3000)));
            if (rnd.nextInt(3) == 0) {
                List<dev.colloquy.model.Finding> fs = new ArrayList<>();
                fs.add(new TurnLanguage(t, LANGUAGES[rnd.nextInt(LANGUAGES.length)], rnd.nextDouble(),
                        TurnLanguage.Method.SCRIPT, List.of()));
                for (int h = rnd.nextInt(20); h > 0; h--) {
                    fs.add(new Hole(h, rnd.nextDouble(), HoleCue.DOUBLE_SPACE));
                }
                if (t > 0 && rnd.nextBoolean()) {
                    fs.add(new Echo(t, t - 1, rnd.nextDouble(), 3, rnd.nextDouble()));
                }
                turn = turn.withFindings(fs);
            }
            turns.add(turn);
        }
        return new Conversation("c" + i, new SourcePosition("f", i), turns);
    }

    /** RunStats.toJson as it was before Jackson databind, fed with the maps of the new form. */
    private static ObjectNode handMapped(RunStats stats, JsonNode form) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode root = f.objectNode();
        root.put("records_in", stats.recordsIn());
        root.put("lines_read", stats.linesRead());
        root.put("blank_lines", stats.blankLines());
        root.put("kept", stats.kept());
        root.put("quarantined", stats.quarantined());
        root.put("accounting_ok", stats.balanced());
        ObjectNode rej = root.putObject("rejections");
        nested(form.path("rejections")).forEach((step, m) -> put(rej.putObject(step), m));
        for (String key : List.of("turn_counts", "conversation_chars", "turn_chars", "roles", "languages")) {
            put(root.putObject(key), flat(form.path(key)));
        }
        ObjectNode fs = root.putObject("findings");
        nested(form.path("findings")).forEach((type, m) -> put(fs.putObject(type), m));
        ObjectNode sc = root.putObject("scores");
        nested(form.path("scores")).forEach((name, m) -> put(sc.putObject(name), m));
        Map<String, Long> duplicatesOf = flat(form.path("dedup").path("duplicates_of"));
        ObjectNode dd = root.putObject("dedup");
        dd.put("removed", duplicatesOf.values().stream().mapToLong(Long::longValue).sum());
        dd.put("clusters", duplicatesOf.size());
        Map<String, Long> sizes = new TreeMap<>((a, b) -> a.length() != b.length() ? a.length() - b.length()
                : a.compareTo(b)); // power-of-two bucket keys: a shorter number is a smaller one
        duplicatesOf.values().forEach(v -> sizes.merge(RunStats.bucket(v + 1), 1L, Long::sum));
        put(dd.putObject("cluster_sizes"), sizes);
        ObjectNode largest = dd.putObject("largest_clusters");
        duplicatesOf.entrySet().stream()
                .sorted((a, b) -> a.getValue().equals(b.getValue()) ? a.getKey().compareTo(b.getKey())
                        : Long.compare(b.getValue(), a.getValue()))
                .limit(10)
                .forEach(e -> largest.put(e.getKey(), e.getValue() + 1));
        put(dd.putObject("duplicates_of"), duplicatesOf);
        return root;
    }

    private static Map<String, Map<String, Long>> nested(JsonNode n) {
        Map<String, Map<String, Long>> out = new java.util.LinkedHashMap<>();
        n.fields().forEachRemaining(e -> out.put(e.getKey(), flat(e.getValue())));
        return out;
    }

    private static Map<String, Long> flat(JsonNode n) {
        Map<String, Long> out = new java.util.LinkedHashMap<>();
        n.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().asLong()));
        return out;
    }

    private static void put(ObjectNode o, Map<String, Long> m) {
        m.forEach(o::put);
    }
}
