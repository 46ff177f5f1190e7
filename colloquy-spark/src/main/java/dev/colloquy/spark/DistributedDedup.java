package dev.colloquy.spark;

import dev.colloquy.dedup.DedupConfig;
import dev.colloquy.dedup.DedupSketcher;
import dev.colloquy.dedup.DuplicateOf;
import dev.colloquy.dedup.Fingerprint;
import dev.colloquy.dedup.KeepRule;
import dev.colloquy.dedup.RecordSketch;
import dev.colloquy.dedup.SimilarityVerifier;
import dev.colloquy.model.SourcePosition;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.api.java.JavaPairRDD;
import scala.Tuple2;

/*
 * dev.colloquy.dedup.KeepRule (docs/dedup.md: "a record is removed iff an earlier record in canonical order is its
 * exact or verified near duplicate; it names the earliest such record") as Spark group-bys, step for step the same
 * as core's batch reference (BatchDeduplicator, test code), which a core test checks against the streaming
 * LocalDeduplicator:
 *   1. records with an empty sketch take no part;
 *   2. exact: reduceByKey(fingerprint) finds each fingerprint's earliest record; every other member is its
 *      exact duplicate and takes no further part;
 *   3. near: every remaining record's ordinal is emitted once per LSH band key; groupByKey gives each bucket,
 *      sorted by canonical order; member p becomes a candidate pair with each of the members
 *      KeepRule.comparedWith(p) names; distinct pairs are joined with both signatures and verified by
 *      KeepRule.verified on the same integer match count as locally;
 *   4. reduceByKey(record) keeps the earliest verified partner over all the record's buckets.
 * No connected components: each removal is justified by one direct, verified pair, so there is no transitive
 * chaining and no single-node step. Shuffle per record: one fingerprint and member (step 2), `bands` band
 * entries of ~16 bytes and one signature (4 x num_perm bytes) (step 3), plus two signatures per candidate pair.
 */

/** Exact and near-duplicate decisions over a distributed collection of sketched records. */
final class DistributedDedup {

    private DistributedDedup() {
    }

    /** A kept record as dedup sees it. */
    record Member(long ordinal, String id, SourcePosition source, RecordSketch sketch) implements Serializable {
    }

    private static long[] sortedOrdinals(Iterable<Long> members) {
        List<Long> list = new ArrayList<>();
        members.forEach(list::add);
        long[] out = list.stream().mapToLong(Long::longValue).toArray();
        java.util.Arrays.sort(out);
        return out;
    }

    /** The records to remove, keyed by ordinal, each naming the earliest record it duplicates. */
    static JavaPairRDD<Long, DuplicateOf> decide(JavaPairRDD<Long, Outcome> outcomes, DedupConfig config) {
        JavaPairRDD<Long, Member> members = outcomes
                .filter(t -> t._2.kept() != null && t._2.sketch() != null && !t._2.sketch().empty())
                .mapValues(o -> new Member(o.ordinal(), o.kept().id(), o.kept().source(), o.sketch()));

        JavaPairRDD<Long, DuplicateOf> exact = null;
        JavaPairRDD<Long, Member> remaining = members;
        if (config.mode().exact()) {
            JavaPairRDD<Fingerprint, Member> byFingerprint =
                    members.mapToPair(t -> new Tuple2<>(t._2.sketch().fingerprint(), t._2));
            JavaPairRDD<Fingerprint, Member> first =
                    byFingerprint.reduceByKey((a, b) -> a.ordinal() <= b.ordinal() ? a : b);
            exact = byFingerprint.join(first)
                    .filter(t -> t._2._1.ordinal() != t._2._2.ordinal())
                    .mapToPair(t -> new Tuple2<>(t._2._1.ordinal(),
                            KeepRule.exactDuplicateOf(t._2._2.id(), t._2._2.source())));
            remaining = members.subtractByKey(exact);
        }
        if (!config.mode().near()) {
            return exact == null ? members.filter(t -> false).mapValues(m -> (DuplicateOf) null) : exact;
        }
        DedupSketcher sketcher = new DedupSketcher(config);
        KeepRule rule = new KeepRule(config);
        int numPerm = config.numPerm();
        // Buckets carry ordinals only (8 bytes per band entry); signatures travel once per record and once per
        // candidate pair, not once per band.
        JavaPairRDD<Long, Long> candidates = remaining
                .flatMapToPair(t -> {
                    List<Tuple2<Long, Long>> out = new ArrayList<>();
                    for (long k : sketcher.bandKeys(t._2.sketch())) {
                        out.add(new Tuple2<>(k, t._1));
                    }
                    return out.iterator();
                })
                .groupByKey()
                .flatMapToPair(bucket -> {
                    long[] ordinals = sortedOrdinals(bucket._2);
                    List<Tuple2<Long, Long>> out = new ArrayList<>();
                    for (int p = 1; p < ordinals.length; p++) {
                        for (int q = 0, end = rule.comparedWith(p); q < end; q++) {
                            out.add(new Tuple2<>(ordinals[p], ordinals[q]));
                        }
                    }
                    return out.iterator();
                })
                .distinct();
        JavaPairRDD<Long, int[]> signatures = remaining.mapValues(m -> m.sketch().signature());
        JavaPairRDD<Long, Tuple2<Long, Integer>> verified = candidates.join(signatures)
                .mapToPair(t -> new Tuple2<>(t._2._1, new Tuple2<>(t._1, t._2._2)))
                .join(signatures)
                .flatMapToPair(t -> {
                    int[] later = t._2._1._2;
                    int m = SimilarityVerifier.matches(t._2._2, later);
                    return rule.verified(m, later.length)
                            ? List.of(new Tuple2<>(t._2._1._1, new Tuple2<>(t._1, m))).iterator()
                            : java.util.Collections.<Tuple2<Long, Tuple2<Long, Integer>>>emptyIterator();
                });
        JavaPairRDD<Long, DuplicateOf> near = verified
                .reduceByKey((a, b) -> a._1 <= b._1 ? a : b)
                .mapToPair(t -> new Tuple2<>(t._2._1, new Tuple2<>(t._1, t._2._2)))
                .join(remaining.mapValues(m -> new Tuple2<>(m.id(), m.source())))
                .mapToPair(t -> new Tuple2<>(t._2._1._1, KeepRule.nearDuplicateOf(t._2._2._1, t._2._2._2,
                        t._2._1._2, numPerm)));
        return exact == null ? near : exact.union(near);
    }
}
