package dev.colloquy.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.colloquy.dedup.DedupConfig;
import dev.colloquy.dedup.DedupDecision;
import dev.colloquy.dedup.DedupStats;
import dev.colloquy.dedup.LocalDeduplicator;
import dev.colloquy.dedup.RecordKey;
import dev.colloquy.dedup.Shingler;
import dev.colloquy.dedup.SimilarityVerifier;
import dev.colloquy.format.ConversationReader;
import dev.colloquy.format.InputFormat;
import dev.colloquy.format.ReadResult;
import dev.colloquy.format.RoleMap;
import dev.colloquy.io.InputSources;
import dev.colloquy.model.Conversation;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Dedup alone against the truth of a corpus made by {@code bench/make-corpus.sh}: reads its three files in
 * canonical order (file name, line), runs {@link LocalDeduplicator} with the default config, and compares
 * with {@code truth.jsonl}. A planted duplicate counts as found when the later of the pair (in canonical
 * order, which may be the original when the copy sits in an earlier file) is removed naming a record of the
 * same family (records linked by planted duplicate edges); look-alikes and unrelated records removed are
 * false positives.
 *
 * <p>Run: {@code bench/dedup.sh --accuracy [SIZE_MB]}.
 */
public final class DedupAccuracy {

    private DedupAccuracy() {
    }

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args[0]);
        ObjectMapper json = new ObjectMapper();
        Map<String, JsonNode> truthBySource = new HashMap<>();
        Map<String, String> parent = new HashMap<>();
        Map<String, String> sourceToId = new HashMap<>();
        try (BufferedReader r = Files.newBufferedReader(dir.resolve("truth.jsonl"), StandardCharsets.UTF_8)) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                JsonNode t = json.readTree(line);
                truthBySource.put(t.get("source").asText(), t);
                sourceToId.put(t.get("source").asText(), t.get("id").asText());
                String defect = t.get("defect").asText();
                if (defect.equals("exact_duplicate") || defect.equals("near_duplicate")) {
                    parent.put(t.get("id").asText(), t.get("of").asText());
                }
            }
        }
        LocalDeduplicator dedup = new LocalDeduplicator(DedupConfig.defaults());
        Map<String, int[]> counts = new TreeMap<>();
        Map<String, String> removedNaming = new HashMap<>();
        Map<String, String> idOfSource = new HashMap<>();
        Map<String, long[]> shinglesOf = new HashMap<>();
        Shingler shingler = new Shingler(DedupConfig.DEFAULT_SHINGLE_SIZE, 1);
        for (String file : List.of("openai.jsonl", "sharegpt.jsonl", "transcripts.txt")) {
            try (Stream<ReadResult> results = ConversationReader.read(InputSources.of(dir.resolve(file)),
                    InputFormat.AUTO, RoleMap.defaults())) {
                for (ReadResult rr : (Iterable<ReadResult>) results::iterator) {
                    if (!(rr instanceof ReadResult.Ok ok)) {
                        continue;
                    }
                    Conversation c = ok.conversation();
                    String src = file + ":" + c.source().line();
                    String trueId = sourceToId.getOrDefault(src, c.id());
                    idOfSource.put(c.source().toString(), trueId);
                    shinglesOf.put(trueId, shingler.shingles(c.turns()));
                    DedupDecision d = dedup.check(new RecordKey(file, c.source().line(), 0), c.id(), c.source(), c);
                    if (d instanceof DedupDecision.Duplicate dup) {
                        removedNaming.put(trueId, dup.of().ofSource().toString());
                    }
                }
            }
        }
        int[] found = new int[2];
        int[] planted = new int[2];
        int[] nearAbove = new int[2];
        int[] histogram = new int[11];
        int[] histogramFound = new int[11];
        int falsePositives = 0;
        int lookAlikesRemoved = 0;
        for (JsonNode t : truthBySource.values()) {
            String id = t.get("id").asText();
            String defect = t.get("defect").asText();
            int kind = defect.equals("exact_duplicate") ? 0 : defect.equals("near_duplicate") ? 1 : -1;
            if (kind >= 0) {
                planted[kind]++;
                String of = t.get("of").asText();
                boolean hit = removedNaming.containsKey(id) || removedNaming.containsKey(of);
                if (hit) {
                    found[kind]++;
                }
                if (kind == 1 && shinglesOf.containsKey(id) && shinglesOf.containsKey(of)) {
                    double j = SimilarityVerifier.exactJaccard(shinglesOf.get(id), shinglesOf.get(of));
                    histogram[(int) (j * 10)]++;
                    histogramFound[(int) (j * 10)] += hit ? 1 : 0;
                    if (j >= 0.8) {
                        nearAbove[0]++;
                        nearAbove[1] += hit ? 1 : 0;
                    }
                }
            }
        }
        for (Map.Entry<String, String> e : removedNaming.entrySet()) {
            String of = idOfSource.get(e.getValue());
            if (of == null || !root(parent, e.getKey()).equals(root(parent, of))) {
                falsePositives++;
                JsonNode t = truthBySource.values().stream().filter(n -> n.get("id").asText().equals(e.getKey()))
                        .findFirst().orElse(null);
                if (t != null && t.get("defect").asText().equals("look_alike")) {
                    lookAlikesRemoved++;
                }
            }
        }
        DedupStats s = dedup.stats();
        System.out.printf("records %d, removed %d (exact %d, near %d)%n", s.records(), removedNaming.size(),
                s.exactDuplicates(), s.nearDuplicates());
        System.out.printf("planted exact duplicates found: %d of %d%n", found[0], planted[0]);
        System.out.printf("planted near-duplicates found:  %d of %d%n", found[1], planted[1]);
        System.out.printf("planted near-duplicates with true shingle Jaccard >= 0.8 found: %d of %d%n",
                nearAbove[1], nearAbove[0]);
        StringBuilder h = new StringBuilder("planted near-duplicates by true Jaccard (found/planted):");
        for (int b = 0; b <= 10; b++) {
            if (histogram[b] > 0) {
                h.append(String.format(" [%.1f,%.1f) %d/%d", b / 10.0, (b + 1) / 10.0, histogramFound[b], histogram[b]));
            }
        }
        System.out.println(h);
        System.out.printf("removed outside a planted family: %d (look-alikes among them: %d)%n", falsePositives,
                lookAlikesRemoved);
        System.out.printf("candidate pairs verified %d, rejected %d, skipped by the bucket cap %d%n",
                s.candidatePairs(), s.rejectedCandidates(), s.skippedBucketComparisons());
    }

    private static String root(Map<String, String> parent, String id) {
        String r = id;
        for (int guard = 0; parent.containsKey(r) && guard < 1000; guard++) {
            r = parent.get(r);
        }
        return r;
    }
}
