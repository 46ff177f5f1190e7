package dev.colloquy.dedup;

/**
 * Counters of one dedup run, for {@code stats.json} and the report.
 *
 * @param records                  records checked
 * @param exactDuplicates          removed as exact duplicates
 * @param nearDuplicates           removed as verified near-duplicates
 * @param emptyContent             kept without comparison because the compared content had no letter or digit
 * @param candidatePairs           candidate pairs from LSH that were verified
 * @param rejectedCandidates       candidate pairs whose estimated similarity stayed below the threshold
 * @param skippedBucketComparisons comparisons not made because a bucket held more than max_bucket_comparisons
 *                                 earlier records (templated content)
 * @param indexedRecords           records held in the index
 */
public record DedupStats(long records, long exactDuplicates, long nearDuplicates, long emptyContent,
                         long candidatePairs, long rejectedCandidates, long skippedBucketComparisons,
                         long indexedRecords) {

    public long kept() {
        return records - exactDuplicates - nearDuplicates;
    }
}
