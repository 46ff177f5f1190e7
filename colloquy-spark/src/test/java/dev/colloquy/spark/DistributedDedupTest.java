package dev.colloquy.spark;

import static org.assertj.core.api.Assertions.assertThat;

import dev.colloquy.dedup.BatchDeduplicator;
import dev.colloquy.dedup.DedupConfig;
import dev.colloquy.dedup.DedupDecision;
import dev.colloquy.dedup.DedupSketcher;
import dev.colloquy.dedup.DuplicateOf;
import dev.colloquy.dedup.RecordKey;
import dev.colloquy.model.Conversation;
import dev.colloquy.model.Role;
import dev.colloquy.model.SourcePosition;
import dev.colloquy.model.Turn;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import scala.Tuple2;

/**
 * Dedup at scale on Spark: 20,000 records in 16 partitions with near-duplicate clusters planted across
 * partitions; every planted copy is found, and every decision equals the reference BatchDeduplicator's (which
 * a core test checks against the local engine's streaming deduplicator).
 */
class DistributedDedupTest {

    private static final long SEED = 7L;
    private static final String[] WORDS = ("alpha bravo charlie delta echo foxtrot golf hotel india juliet kilo"
            + " lima mike november oscar papa quebec romeo sierra tango uniform victor whiskey xray yankee zulu"
            + " river garden window winter engine market silver planet doctor forest letter kitchen summer").split(" ");

    static SparkSession spark;

    @BeforeAll
    static void startSpark() {
        spark = SparkSessions.start("local[2]");
    }

    @AfterAll
    static void stopSpark() {
        spark.stop();
    }

    @Test
    void findsEveryPlantedNearDuplicateAcrossPartitionsAndDecidesAsTheReference() {
        Random rnd = new Random(SEED);
        int files = 16;
        int perFile = 1250;
        DedupConfig config = DedupConfig.defaults();
        DedupSketcher sketcher = new DedupSketcher(config);
        List<Outcome> outcomes = new ArrayList<>();
        List<BatchDeduplicator.Item> items = new ArrayList<>();
        Map<Long, Conversation> byOrdinal = new HashMap<>();
        Set<String> planted = new HashSet<>();
        for (int f = 0; f < files; f++) {
            for (int r = 0; r < perFile; r++) {
                long ordinal = Outcome.ordinal(f, r);
                SourcePosition src = new SourcePosition("f" + f + ".jsonl", r + 1);
                String id = "f" + f + "r" + r;
                Conversation c;
                if (f > 0 && r % 50 == 7) {
                    // A near copy of a record in an earlier file (another partition): one word changed.
                    Conversation of = byOrdinal.get(Outcome.ordinal(rnd.nextInt(f), rnd.nextInt(perFile)));
                    List<Turn> turns = new ArrayList<>(of.turns());
                    String[] words = turns.get(1).text().split(" ");
                    words[5] = "changed" + id;
                    turns.set(1, turns.get(1).withText(String.join(" ", words)));
                    c = new Conversation(id, src, turns);
                    planted.add(id);
                } else {
                    c = new Conversation(id, src, List.of(new Turn("A", Role.USER, sentence(rnd, 60)),
                            new Turn("B", Role.ASSISTANT, sentence(rnd, 80))));
                }
                byOrdinal.put(ordinal, c);
                var sketch = sketcher.sketch(c);
                outcomes.add(new Outcome(ordinal, c, c, null, "", sketch));
                items.add(new BatchDeduplicator.Item(new RecordKey("", ordinal, 0), id, src, sketch));
            }
        }
        JavaPairRDD<Long, Outcome> rdd = JavaSparkContext.fromSparkContext(spark.sparkContext())
                .parallelize(outcomes, files).mapToPair(o -> new Tuple2<>(o.ordinal(), o));

        Map<Long, DuplicateOf> spark = new HashMap<>(DistributedDedup.decide(rdd, config).collectAsMap());

        Map<Long, DuplicateOf> reference = new HashMap<>();
        new BatchDeduplicator(config).decide(items).forEach((k, d) -> {
            if (d instanceof DedupDecision.Duplicate dup) {
                reference.put(k.line(), dup.of());
            }
        });
        Set<String> removed = new HashSet<>();
        spark.keySet().forEach(o -> removed.add(byOrdinal.get(o).id()));
        assertThat(planted).hasSizeGreaterThan(300);
        assertThat(removed).as("seed %d", SEED).containsAll(planted);
        assertThat(spark).isEqualTo(reference);
    }

    private static String sentence(Random rnd, int words) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < words; i++) {
            sb.append(i == 0 ? "" : " ").append(WORDS[rnd.nextInt(WORDS.length)]);
        }
        return sb.toString();
    }
}
