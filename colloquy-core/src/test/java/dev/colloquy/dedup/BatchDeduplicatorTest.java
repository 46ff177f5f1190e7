package dev.colloquy.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.colloquy.model.Conversation;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class BatchDeduplicatorTest {

    static Stream<Arguments> configs() {
        DedupConfig d = DedupConfig.defaults();
        return Stream.of(
                Arguments.of(d, 31L),
                Arguments.of(d, 32L),
                Arguments.of(d.withMode(DedupConfig.Mode.NEAR), 33L),
                Arguments.of(d.withMode(DedupConfig.Mode.EXACT), 34L),
                Arguments.of(d.withScope(DedupConfig.Scope.FIRST_USER_TURN), 35L),
                Arguments.of(d.withMaxBucketComparisons(2).withThreshold(0.5), 36L));
    }

    /** A seeded corpus with planted duplicates and a templated block, spread over three files. */
    private static List<Conversation> corpus(long seed) {
        List<Conversation> base = new SyntheticCorpus(seed).build(300);
        SyntheticText text = new SyntheticText(seed);
        String system = text.words(120);
        List<Conversation> out = new ArrayList<>();
        for (int i = 0; i < base.size(); i++) {
            Conversation c = base.get(i);
            if (i % 5 == 0) {
                c = SyntheticText.withSystem(c.id(), system, List.of(text.words(30), text.words(30)));
            }
            String file = "part-" + (i % 3) + ".jsonl";
            out.add(new Conversation(c.id(), new dev.colloquy.model.SourcePosition(file, i / 3 + 1), c.turns()));
        }
        return out;
    }

    @ParameterizedTest
    @MethodSource("configs")
    void decidesEveryRecordLikeTheStreamingDeduplicator(DedupConfig config, long seed) {
        List<Conversation> records = corpus(seed);
        DedupSketcher sketcher = new DedupSketcher(config);
        List<BatchDeduplicator.Item> items = new ArrayList<>();
        for (Conversation c : records) {
            items.add(new BatchDeduplicator.Item(new RecordKey(c.source().file(), c.source().line(), 0), c.id(),
                    c.source(), sketcher.sketch(c)));
        }
        Collections.shuffle(items, new Random(seed));

        Map<RecordKey, DedupDecision> batch = new BatchDeduplicator(config).decide(items);

        LocalDeduplicator local = new LocalDeduplicator(config);
        List<BatchDeduplicator.Item> ordered = new ArrayList<>(items);
        ordered.sort(java.util.Comparator.comparing(BatchDeduplicator.Item::key));
        long duplicates = 0;
        for (BatchDeduplicator.Item it : ordered) {
            DedupDecision expected = local.check(it.key(), it.id(), it.source(), it.sketch());
            assertThat(batch.get(it.key())).as("seed %d, %s", seed, it.key()).isEqualTo(expected);
            duplicates += expected.isDuplicate() ? 1 : 0;
        }
        assertThat(duplicates).isPositive();
    }
}
