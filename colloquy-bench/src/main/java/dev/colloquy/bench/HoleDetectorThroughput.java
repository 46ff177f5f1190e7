package dev.colloquy.bench;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.colloquy.signals.HoleDetector;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Measures the hole detector's single-thread throughput, with and without grammar, on three inputs: the seed's
 * turns (lightly fixed; ~30 holes in 19 kB, the worst case), the same turns with the holes closed, and the
 * labelled set's intact prose (both from core's test resources, read from the repository root). Not a unit test
 * (those are never timed): run {@code bench/holes-speed.sh}.
 */
public final class HoleDetectorThroughput {

    private static final Path HOLES = Path.of("colloquy-core/src/test/resources/holes");

    private HoleDetectorThroughput() {
    }

    public static void main(String[] args) throws IOException {
        String seed = resource("seed-000_56435348c4483cfc.txt").replace("â€™", "’").replace("â€”", "—")
                .replace("â€¦", "…").replace("â€œ", "“").replace("â€", "”");
        List<String> seedTurns = List.of(seed.split("(?m)^\\[[AB]\\]: "));
        List<String> closed = seedTurns.stream().map(t -> t.replace("  ", " ").replace(" .", ".").replace(" ,", ","))
                .toList();
        List<String> prose = new ArrayList<>();
        ObjectMapper json = new ObjectMapper();
        for (String line : resource("labelled-debian-docs.jsonl").split("\n")) {
            JsonNode r = json.readTree(line);
            if (r.get("kind").asText().equals("prose") && r.get("holes").isEmpty()) {
                prose.add(r.get("text").asText());
            }
        }
        for (boolean grammar : new boolean[] {false, true}) {
            HoleDetector detector = new HoleDetector(HoleDetector.DEFAULT_MIN_CONFIDENCE, grammar);
            report("seed turns (hole-dense)", seedTurns, detector, grammar);
            report("seed turns, holes closed", closed, detector, grammar);
            report("Debian docs intact prose", prose, detector, grammar);
        }
    }

    private static void report(String name, List<String> texts, HoleDetector detector, boolean grammar) {
        long bytes = 0;
        for (String t : texts) {
            bytes += t.getBytes(UTF_8).length;
        }
        for (int warm = 0; warm < 30; warm++) {
            texts.forEach(detector::find);
        }
        // CPU time of this thread as well as wall time: on a shared machine the wall figure mostly measures the
        // wait for a core
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        long cpuStart = threads.getCurrentThreadCpuTime();
        long start = System.nanoTime();
        int rounds = 0;
        while (System.nanoTime() - start < 3_000_000_000L) {
            texts.forEach(detector::find);
            rounds++;
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        double cpuSeconds = (threads.getCurrentThreadCpuTime() - cpuStart) / 1e9;
        System.out.printf(Locale.ROOT, "%-28s grammar=%-5s %8.2f MB/s wall, %8.2f MB per CPU-s  (%d texts, %d bytes)%n",
                name, grammar, bytes * rounds / seconds / 1e6, bytes * rounds / cpuSeconds / 1e6, texts.size(), bytes);
    }

    private static String resource(String name) throws IOException {
        return Files.readString(HOLES.resolve(name), UTF_8);
    }
}
