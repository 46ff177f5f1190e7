package dev.colloquy.spark;

import dev.colloquy.dedup.BucketVerifier;
import dev.colloquy.dedup.DedupConfig;
import dev.colloquy.dedup.DedupSketcher;
import dev.colloquy.dedup.DuplicateOf;
import dev.colloquy.dedup.Fingerprint;
import dev.colloquy.dedup.RecordSketch;
import dev.colloquy.dedup.SimilarityVerifier;
import dev.colloquy.model.SourcePosition;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.spark.api.java.JavaPairRDD;
import scala.Tuple2;

/*
 * The keep rule of docs/dedup.md ("a record is removed iff an earlier record in canonical order is its exact
 * or verified near duplicate; it names the earliest such record") as Spark group-bys, step for step the same as
 * dev.colloquy.dedup.BatchDeduplicator, which a core test checks against the streaming LocalDeduplicator:
 *   1. records with an empty sketch take no part;
 *   2. exact: reduceByKey(fingerprint) finds each fingerprint's earliest record; every other member is its
 *      exact duplicate and takes no further part;
 *   3. near: every remaining record is emitted once per LSH band key; groupByKey gives each bucket, sorted by
 *      canonical order, to BucketVerifier.earliestMatches (the same code, comparison cap included, as locally);
 *   4. reduceByKey(record) keeps the earliest verified partner over all the record's buckets.
 * No connected components: each removal is justified by one direct, verified pair, so there is no transitive
 * chaining and no single-node step. Shuffle: one fingerprint per record (step 2) and `bands` copies of each
 * signature (step 3), which dominates: bands x (4 x num_perm + ~100) bytes per record.
 */

/** Exact and near-duplicate decisions over a distributed collection of sketched records. */
final class DistributedDedup {

    private DistributedDedup() {
    }

    /** A kept record as dedup sees it. */
    record Member(long ordinal, String id, SourcePosition source, RecordSketch sketch) implements Serializable {
    }

    /** A verified earlier partner of a record. */
    record Partner(Member earlier, int matches) implements Serializable {
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
                    .mapToPair(t -> new Tuple2<>(t._2._1.ordinal(), new DuplicateOf(DuplicateOf.Kind.EXACT,
                            t._2._2.id(), t._2._2.source(), 1.0)));
            remaining = members.subtractByKey(exact);
        }
        if (!config.mode().near()) {
            return exact == null ? members.filter(t -> false).mapValues(m -> (DuplicateOf) null) : exact;
        }
        DedupSketcher sketcher = new DedupSketcher(config);
        BucketVerifier verifier = new BucketVerifier(config);
        int numPerm = config.numPerm();
        JavaPairRDD<Long, DuplicateOf> near = remaining
                .flatMapToPair(t -> {
                    List<Tuple2<Long, Member>> out = new ArrayList<>();
                    for (long k : sketcher.bandKeys(t._2.sketch())) {
                        out.add(new Tuple2<>(k, t._2));
                    }
                    return out.iterator();
                })
                .groupByKey()
                .flatMapToPair(bucket -> {
                    List<Member> sorted = new ArrayList<>();
                    bucket._2.forEach(sorted::add);
                    List<Tuple2<Long, Partner>> out = new ArrayList<>();
                    if (sorted.size() < 2) {
                        return out.iterator();
                    }
                    sorted.sort(Comparator.comparingLong(Member::ordinal));
                    BucketVerifier.Match[] matches =
                            verifier.earliestMatches(sorted.stream().map(m -> m.sketch().signature()).toList());
                    for (int p = 0; p < matches.length; p++) {
                        if (matches[p] != null) {
                            out.add(new Tuple2<>(sorted.get(p).ordinal(),
                                    new Partner(sorted.get(matches[p].earlier()), matches[p].matches())));
                        }
                    }
                    return out.iterator();
                })
                .reduceByKey((a, b) -> a.earlier().ordinal() <= b.earlier().ordinal() ? a : b)
                .mapValues(p -> new DuplicateOf(DuplicateOf.Kind.NEAR, p.earlier().id(), p.earlier().source(),
                        SimilarityVerifier.estimate(p.matches(), numPerm)));
        return exact == null ? near : exact.union(near);
    }
}
