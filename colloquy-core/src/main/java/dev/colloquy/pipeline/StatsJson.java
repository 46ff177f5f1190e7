package dev.colloquy.pipeline;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.Map;

/**
 * The shape of {@code stats.json} (without timings), mapped by Jackson databind: each component is one key, named
 * in snake case, in this order. Maps are written in their own order, so {@link RunStats} hands over its sorted
 * maps and the bytes stay stable. The chunk checkpoints of {@code --resume} are this form too.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
record StatsJson(long recordsIn, long linesRead, long blankLines, long kept, long quarantined, boolean accountingOk,
                 Map<String, Map<String, Long>> rejections, Map<String, Long> turnCounts,
                 Map<String, Long> conversationChars, Map<String, Long> turnChars, Map<String, Long> roles,
                 Map<String, Long> languages, Map<String, Map<String, Long>> findings,
                 Map<String, Map<String, Long>> scores, Dedup dedup) {

    /**
     * The {@code dedup} object: the derived figures (removed, clusters, sizes, the ten largest) and the counts they
     * derive from, {@code duplicates_of} (kept record id to the records removed as its duplicates).
     */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Dedup(long removed, int clusters, Map<String, Long> clusterSizes, Map<String, Long> largestClusters,
                 Map<String, Long> duplicatesOf) {
    }
}
