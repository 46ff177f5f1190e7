package dev.colloquy.dedup;

import dev.colloquy.model.Conversation;
import dev.colloquy.model.SourcePosition;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/*
 * The keep rule is KeepRule's; this class applies it streaming. The cap on comparisons is the band index's: a
 * bucket stores only its first max_bucket_comparisons members, so a record meets exactly those
 * KeepRule.comparedWith names.
 *
 * What the index holds: exact duplicates and records with empty content are not stored (any later record
 * that would match an exact duplicate matches the earlier identical record too, at the same similarity).
 * Every other record stores its fingerprint low half (8 bytes, the high half is the exact-index key), the
 * low 8 bits of its signature values (num_perm bytes; SimilarityVerifier compares only those), its
 * band keys in the bucket tables, and its id and source (RecordLabels). See docs/dedup.md for the
 * measured bytes per record.
 */

/**
 * Deduplicates a stream of records arriving in canonical order, holding an in-memory index of everything
 * seen. Not thread-safe: compute {@link RecordSketch}es in parallel with {@link DedupSketcher}, then call
 * {@link #check(RecordKey, String, SourcePosition, RecordSketch)} from one thread in canonical order.
 */
public final class LocalDeduplicator {

    // 1,024 records per chunk keeps each array under 128 KB: below G1's humongous-object size for any heap, so
    // chunks are not rounded up to whole regions (4,096 wasted ~250 bytes per record).
    private static final int CHUNK = 1024;

    private final DedupConfig config;
    private final DedupSketcher sketcher;
    private final KeepRule rule;
    private final LongBucketIndex exactIndex = new LongBucketIndex(Integer.MAX_VALUE);
    private final LongBucketIndex bandIndex;
    private final LongBucketIndex.IntBuffer candidates = new LongBucketIndex.IntBuffer();
    private final List<byte[]> signatureChunks = new ArrayList<>();
    private final List<long[]> lowChunks = new ArrayList<>();
    private final RecordLabels labels = new RecordLabels();
    private RecordKey last;

    private long records;
    private long exactDuplicates;
    private long nearDuplicates;
    private long emptyContent;
    private long candidatePairs;
    private long rejectedCandidates;
    private long skippedBucketComparisons;

    public LocalDeduplicator(DedupConfig config) {
        this.config = Objects.requireNonNull(config, "config");
        this.sketcher = new DedupSketcher(config);
        this.rule = new KeepRule(config);
        this.bandIndex = new LongBucketIndex(rule.bucketCap());
    }

    /** The sketcher matching this deduplicator's config, for computing sketches on other threads. */
    public DedupSketcher sketcher() {
        return sketcher;
    }

    /** Sketches and checks one conversation; its id and source are {@code c.id()} and {@code c.source()}. */
    public DedupDecision check(RecordKey key, Conversation c) {
        return check(key, c.id(), c.source(), sketcher.sketch(c));
    }

    /** Sketches and checks one conversation. */
    public DedupDecision check(RecordKey key, String id, SourcePosition source, Conversation c) {
        return check(key, id, source, sketcher.sketch(c));
    }

    /**
     * Decides one record and adds it to the index.
     *
     * @throws IllegalArgumentException if {@code key} does not come after the previous record's key
     */
    public DedupDecision check(RecordKey key, String id, SourcePosition source, RecordSketch sketch) {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(source, "source");
        if (last != null && key.compareTo(last) <= 0) {
            throw new IllegalArgumentException("dedup needs records in canonical order: " + key + " came after "
                    + last);
        }
        last = key;
        records++;
        if (sketch.empty()) {
            emptyContent++;
            return DedupDecision.KEEP;
        }
        Fingerprint fp = sketch.fingerprint();
        if (config.mode().exact()) {
            Objects.requireNonNull(fp, "sketch has no fingerprint; was it made with this config?");
            int earlier = earliestExact(fp);
            if (earlier >= 0) {
                exactDuplicates++;
                return new DedupDecision.Duplicate(KeepRule.exactDuplicateOf(labels.id(earlier),
                        labels.source(earlier)));
            }
        }
        DedupDecision decision = DedupDecision.KEEP;
        long[] bandKeys = new long[0];
        if (config.mode().near()) {
            int[] sig = sketch.signature();
            if (sig.length != config.numPerm()) {
                throw new IllegalArgumentException("signature has " + sig.length + " values, config says num_perm "
                        + config.numPerm());
            }
            bandKeys = sketcher.bandKeys(sketch);
            decision = nearest(sig, bandKeys);
        }
        index(id, source, fp, sketch.signature(), bandKeys);
        return decision;
    }

    /** The counters so far. */
    public DedupStats stats() {
        return new DedupStats(records, exactDuplicates, nearDuplicates, emptyContent, candidatePairs,
                rejectedCandidates, skippedBucketComparisons, labels.size());
    }

    private int earliestExact(Fingerprint fp) {
        candidates.clear();
        exactIndex.collect(fp.high(), candidates);
        int best = -1;
        for (int i = 0; i < candidates.size(); i++) {
            int r = candidates.get(i);
            if (low(r) == fp.low() && (best < 0 || r < best)) {
                best = r;
            }
        }
        return best;
    }

    private DedupDecision nearest(int[] sig, long[] bandKeys) {
        candidates.clear();
        skippedBucketComparisons += bandIndex.collectAll(bandKeys, candidates);
        candidates.sort();
        int previous = -1;
        for (int i = 0; i < candidates.size(); i++) {
            int r = candidates.get(i);
            if (r == previous) {
                continue;
            }
            previous = r;
            candidatePairs++;
            int matches = matches(r, sig);
            if (rule.verified(matches, sig.length)) {
                nearDuplicates++;
                return new DedupDecision.Duplicate(KeepRule.nearDuplicateOf(labels.id(r), labels.source(r), matches,
                        sig.length));
            }
            rejectedCandidates++;
        }
        return DedupDecision.KEEP;
    }

    private void index(String id, SourcePosition source, Fingerprint fp, int[] sig, long[] bandKeys) {
        int r = labels.size();
        int slot = r % CHUNK;
        if (slot == 0) {
            lowChunks.add(new long[CHUNK]);
            signatureChunks.add(new byte[CHUNK * sig.length]);
        }
        labels.add(id, source);
        if (fp != null) {
            lowChunks.get(r / CHUNK)[slot] = fp.low();
            exactIndex.add(fp.high(), r);
        }
        byte[] chunk = signatureChunks.get(r / CHUNK);
        for (int i = 0; i < sig.length; i++) {
            chunk[slot * sig.length + i] = (byte) sig[i];
        }
        for (long k : bandKeys) {
            bandIndex.add(k, r);
        }
    }

    private long low(int r) {
        return lowChunks.get(r / CHUNK)[r % CHUNK];
    }

    private int matches(int r, int[] sig) {
        byte[] chunk = signatureChunks.get(r / CHUNK);
        int base = (r % CHUNK) * sig.length;
        int m = 0;
        for (int i = 0; i < sig.length; i++) {
            if (chunk[base + i] == (byte) sig[i]) {
                m++;
            }
        }
        return m;
    }
}
