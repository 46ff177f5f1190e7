package dev.colloquy.dedup;

import dev.colloquy.model.SourcePosition;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/*
 * The keep rule computed the way a distributed engine computes it, by grouping instead of streaming:
 *   1. drop empty sketches (kept, never compared);
 *   2. group by fingerprint: every member after the earliest is an exact duplicate of the earliest, and
 *      takes no further part;
 *   3. for each remaining record emit (band key, record); in each band bucket, in canonical order, let
 *      BucketVerifier find each member's earliest verified earlier member;
 *   4. per record, the earliest match over all its buckets.
 * Each step is a group-by or a reduce-by-key, which is how the Spark engine runs it; a test checks that this
 * class and LocalDeduplicator decide every record the same way, and Spark's tests check DistributedDedup against
 * it. Holds everything in memory: test code, a reference, not a tool for large corpora.
 */

/** Decides a whole batch of sketched records at once with the same keep rule as {@link LocalDeduplicator}. */
public final class BatchDeduplicator {

    private final DedupConfig config;
    private final DedupSketcher sketcher;
    private final BucketVerifier buckets;

    public BatchDeduplicator(DedupConfig config) {
        this.config = Objects.requireNonNull(config, "config");
        this.sketcher = new DedupSketcher(config);
        this.buckets = new BucketVerifier(config);
    }

    /** One sketched record. */
    public record Item(RecordKey key, String id, SourcePosition source, RecordSketch sketch) {
        public Item {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(source, "source");
            Objects.requireNonNull(sketch, "sketch");
        }
    }

    /** The decision for each record, keyed and iterated in canonical order. */
    public Map<RecordKey, DedupDecision> decide(List<Item> items) {
        List<Item> sorted = new ArrayList<>(items);
        sorted.sort(Comparator.comparing(Item::key));
        Map<RecordKey, DedupDecision> out = new TreeMap<>();
        List<Item> remaining = new ArrayList<>();
        Map<Fingerprint, Item> firstWithFingerprint = new HashMap<>();
        for (Item it : sorted) {
            if (out.containsKey(it.key())) {
                throw new IllegalArgumentException("two records share the key " + it.key());
            }
            out.put(it.key(), DedupDecision.KEEP);
            if (it.sketch().empty()) {
                continue;
            }
            if (config.mode().exact()) {
                Item first = firstWithFingerprint.putIfAbsent(it.sketch().fingerprint(), it);
                if (first != null) {
                    out.put(it.key(), new DedupDecision.Duplicate(KeepRule.exactDuplicateOf(first.id(), first.source())));
                    continue;
                }
            }
            remaining.add(it);
        }
        if (!config.mode().near()) {
            return out;
        }
        // Buckets keep their members in canonical order because `remaining` is in that order.
        Map<Long, List<Integer>> bucketMembers = new HashMap<>();
        for (int i = 0; i < remaining.size(); i++) {
            for (long k : sketcher.bandKeys(remaining.get(i).sketch())) {
                bucketMembers.computeIfAbsent(k, x -> new ArrayList<>()).add(i);
            }
        }
        int[] best = new int[remaining.size()];
        int[] bestMatches = new int[remaining.size()];
        java.util.Arrays.fill(best, Integer.MAX_VALUE);
        for (List<Integer> members : bucketMembers.values()) {
            List<int[]> sigs = members.stream().map(i -> remaining.get(i).sketch().signature()).toList();
            BucketVerifier.Match[] matches = buckets.earliestMatches(sigs);
            for (int p = 0; p < matches.length; p++) {
                if (matches[p] != null) {
                    int record = members.get(p);
                    int earlier = members.get(matches[p].earlier());
                    if (earlier < best[record]) {
                        best[record] = earlier;
                        bestMatches[record] = matches[p].matches();
                    }
                }
            }
        }
        for (int i = 0; i < remaining.size(); i++) {
            if (best[i] != Integer.MAX_VALUE) {
                Item of = remaining.get(best[i]);
                out.put(remaining.get(i).key(), new DedupDecision.Duplicate(KeepRule.nearDuplicateOf(of.id(),
                        of.source(), bestMatches[i], config.numPerm())));
            }
        }
        return out;
    }
}
