package dev.colloquy.dedup;

import static dev.colloquy.dedup.SyntheticText.conversation;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.colloquy.model.Conversation;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class LocalDeduplicatorTest {

    private final SyntheticText text = new SyntheticText(7);

    /** Runs records through a fresh deduplicator in list order (line = position + 1); returns the decisions. */
    private static List<DedupDecision> run(DedupConfig config, List<Conversation> records) {
        LocalDeduplicator d = new LocalDeduplicator(config);
        List<DedupDecision> out = new ArrayList<>();
        for (int i = 0; i < records.size(); i++) {
            Conversation c = records.get(i);
            out.add(d.check(new RecordKey("corpus.jsonl", i + 1, 0), c.id(), c.source(), c));
        }
        return out;
    }

    private static Conversation at(Conversation c, long line) {
        return new Conversation(c.id(), new dev.colloquy.model.SourcePosition("corpus.jsonl", line), c.turns());
    }

    private static DuplicateOf of(DedupDecision d) {
        assertThat(d).isInstanceOf(DedupDecision.Duplicate.class);
        return ((DedupDecision.Duplicate) d).of();
    }

    @Test
    void removesPlantedExactDuplicateNamingTheFirst() {
        List<String> turns = text.turns(4, 60);
        Conversation a = at(conversation("a", turns), 1);
        Conversation other = at(conversation("other", text.turns(4, 60)), 2);
        Conversation copy = at(conversation("copy", turns), 3);

        List<DedupDecision> decisions = run(DedupConfig.defaults(), List.of(a, other, copy));

        assertThat(decisions.get(0)).isEqualTo(DedupDecision.KEEP);
        assertThat(decisions.get(1)).isEqualTo(DedupDecision.KEEP);
        DuplicateOf dup = of(decisions.get(2));
        assertThat(dup.kind()).isEqualTo(DuplicateOf.Kind.EXACT);
        assertThat(dup.ofId()).isEqualTo("a");
        assertThat(dup.ofSource()).hasToString("corpus.jsonl:1");
        assertThat(dup.reason()).isEqualTo("exact_duplicate");
    }

    @Test
    void treatsCaseSpacingAndUnicodeFormsAsTheSameContent() {
        Conversation a = at(conversation("a", List.of("Hello   World, how are you?", "Fine.")), 1);
        Conversation b = at(conversation("b", List.of("ＨＥＬＬＯ world,\nhow are you?", "  fine. ")), 2);

        assertThat(of(run(DedupConfig.defaults(), List.of(a, b)).get(1)).kind()).isEqualTo(DuplicateOf.Kind.EXACT);
    }

    @Test
    void removesNearDuplicateWithAFewWordsChangedNamingTheEarliest() {
        List<String> turns = text.turns(6, 80);
        List<String> edited = new ArrayList<>(turns);
        edited.set(3, text.mutate(turns.get(3), 3));
        List<Conversation> records = List.of(
                at(conversation("orig", turns), 1),
                at(conversation("unrelated", text.turns(6, 80)), 2),
                at(conversation("edited", edited), 3));

        List<DedupDecision> decisions = run(DedupConfig.defaults(), records);

        DuplicateOf dup = of(decisions.get(2));
        assertThat(dup.kind()).isEqualTo(DuplicateOf.Kind.NEAR);
        assertThat(dup.ofId()).isEqualTo("orig");
        assertThat(dup.estimatedJaccard()).isBetween(0.8, 1.0);
        assertThat(dup.message()).contains("near-duplicate", "'orig'", "corpus.jsonl:1");
    }

    @Test
    void namesTheEarliestOfSeveralNearDuplicates() {
        List<String> turns = text.turns(6, 80);
        List<Conversation> records = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            List<String> edited = new ArrayList<>(turns);
            edited.set(i, text.mutate(turns.get(i), 2));
            records.add(at(conversation("v" + i, edited), i + 1));
        }

        List<DedupDecision> decisions = run(DedupConfig.defaults(), records);

        assertThat(decisions.get(0)).isEqualTo(DedupDecision.KEEP);
        for (int i = 1; i < 5; i++) {
            assertThat(of(decisions.get(i)).ofId()).isEqualTo("v0");
        }
    }

    @Test
    void keepsLookAlikesThatShareOnlyOneTurn() {
        String shared = text.words(80);
        List<Conversation> records = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            List<String> turns = new ArrayList<>(text.turns(4, 80));
            turns.set(0, shared);
            records.add(at(conversation("c" + i, turns), i + 1));
        }

        assertThat(run(DedupConfig.defaults(), records)).containsOnly(DedupDecision.KEEP);
    }

    @Test
    void judgesEachRecordOnlyByDirectPairsInAChain() {
        // A ~ B and B ~ C but not A ~ C: B goes as a duplicate of A, C as a duplicate of B (not of A).
        // Windows of 300 words sliding by 20: true Jaccard 0.87 for neighbours, 0.76 for A and C; 512
        // permutations keep the estimates two standard errors or more from the 0.8 threshold.
        String[] w = text.words(400).split(" ");
        String a = String.join(" ", java.util.Arrays.copyOfRange(w, 0, 300));
        String b = String.join(" ", java.util.Arrays.copyOfRange(w, 20, 320));
        String c = String.join(" ", java.util.Arrays.copyOfRange(w, 40, 340));
        DedupConfig precise = new DedupConfig(DedupConfig.Mode.BOTH, DedupConfig.Scope.CONVERSATION, 5, 512, 20, 6,
                0.8, 42, 100);
        List<Conversation> records = List.of(
                at(conversation("A", List.of(a)), 1),
                at(conversation("B", List.of(b)), 2),
                at(conversation("C", List.of(c)), 3));

        List<DedupDecision> decisions = run(precise, records);
        DedupSketcher s = new DedupSketcher(precise);

        assertThat(SimilarityVerifier.estimatedJaccard(s.sketch(records.get(0)).signature(),
                s.sketch(records.get(2)).signature())).isLessThan(0.8);
        assertThat(decisions.get(0)).isEqualTo(DedupDecision.KEEP);
        assertThat(of(decisions.get(1)).ofId()).isEqualTo("A");
        assertThat(of(decisions.get(2)).ofId()).isEqualTo("B");
    }

    @Test
    void doesNotCollapseTemplatedConversationsSharingALongSystemPrompt() {
        String system = text.words(150);
        List<Conversation> records = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            records.add(at(SyntheticText.withSystem("t" + i, system, text.turns(4, 60)), i + 1));
        }
        LocalDeduplicator d = new LocalDeduplicator(DedupConfig.defaults().withMaxBucketComparisons(50));

        long removed = 0;
        for (int i = 0; i < records.size(); i++) {
            removed += d.check(new RecordKey("corpus.jsonl", i + 1, 0), records.get(i)).isDuplicate() ? 1 : 0;
        }

        assertThat(removed).isZero();
        assertThat(d.stats().kept()).isEqualTo(1000);
    }

    @Test
    void capsComparisonsInHugeBucketsAndCountsWhatItSkipped() {
        String system = text.words(150);
        LocalDeduplicator capped = new LocalDeduplicator(DedupConfig.defaults().withMaxBucketComparisons(10));
        LocalDeduplicator uncapped = new LocalDeduplicator(DedupConfig.defaults().withMaxBucketComparisons(1000));
        for (int i = 0; i < 200; i++) {
            Conversation c = SyntheticText.withSystem("t" + i, system, List.of(text.words(40), text.words(40)));
            capped.check(new RecordKey("corpus.jsonl", i + 1, 0), c);
            uncapped.check(new RecordKey("corpus.jsonl", i + 1, 0), c);
        }

        assertThat(capped.stats().skippedBucketComparisons()).isPositive();
        assertThat(uncapped.stats().skippedBucketComparisons()).isZero();
        assertThat(capped.stats().candidatePairs()).isLessThan(uncapped.stats().candidatePairs());
    }

    @Test
    void findsChineseNearDuplicates() {
        String zh = "我们今天讨论一下机器学习中的数据清洗问题，尤其是如何识别重复的对话记录。重复的数据会让模型记住特定的句子，"
                + "降低泛化能力，同时浪费训练的计算资源。常见的做法是先做精确去重，再用最小哈希和局部敏感哈希找到近似重复的记录，"
                + "最后对候选对进行验证，确认它们的相似度确实超过阈值。";
        String zhEdited = zh.replace("今天", "明天").replace("常见的做法", "通常的做法");
        List<Conversation> records = List.of(
                at(conversation("zh1", List.of(zh, "好的，我明白了。")), 1),
                at(conversation("zh2", List.of(zhEdited, "好的，我明白了。")), 2));

        DuplicateOf dup = of(run(DedupConfig.defaults(), records).get(1));

        assertThat(dup.kind()).isEqualTo(DuplicateOf.Kind.NEAR);
        assertThat(dup.ofId()).isEqualTo("zh1");
    }

    @Test
    void comparesOnlyTheFirstUserTurnInThatScope() {
        String question = text.words(60);
        List<Conversation> records = List.of(
                at(conversation("q1", List.of(question, text.words(80))), 1),
                at(conversation("q2", List.of(question, text.words(80))), 2));
        DedupConfig firstTurn = DedupConfig.defaults().withScope(DedupConfig.Scope.FIRST_USER_TURN);

        assertThat(run(DedupConfig.defaults(), records)).containsOnly(DedupDecision.KEEP);
        assertThat(of(run(firstTurn, records).get(1)).ofId()).isEqualTo("q1");
    }

    @Test
    void neverRemovesRecordsWithoutComparableContent() {
        List<Conversation> records = List.of(
                at(conversation("e1", List.of("...", "!!")), 1),
                at(conversation("e2", List.of("...", "!!")), 2));

        assertThat(run(DedupConfig.defaults(), records)).containsOnly(DedupDecision.KEEP);
    }

    @Test
    void reportsExactCopiesAsNearDuplicatesInNearOnlyMode() {
        List<String> turns = text.turns(3, 50);
        List<Conversation> records = List.of(at(conversation("a", turns), 1), at(conversation("b", turns), 2));

        DuplicateOf dup = of(run(DedupConfig.defaults().withMode(DedupConfig.Mode.NEAR), records).get(1));

        assertThat(dup.kind()).isEqualTo(DuplicateOf.Kind.NEAR);
        assertThat(dup.estimatedJaccard()).isEqualTo(1.0);
    }

    @Test
    void keepsNearDuplicatesInExactOnlyMode() {
        List<String> turns = text.turns(6, 80);
        List<String> edited = new ArrayList<>(turns);
        edited.set(2, text.mutate(turns.get(2), 2));
        List<Conversation> records = List.of(at(conversation("a", turns), 1), at(conversation("b", edited), 2));

        assertThat(run(DedupConfig.defaults().withMode(DedupConfig.Mode.EXACT), records))
                .containsOnly(DedupDecision.KEEP);
    }

    @Test
    void rejectsRecordsOutOfCanonicalOrder() {
        LocalDeduplicator d = new LocalDeduplicator(DedupConfig.defaults());
        Conversation c = conversation("x", List.of("hello there"));
        d.check(new RecordKey("b.jsonl", 1, 0), c);

        assertThatThrownBy(() -> d.check(new RecordKey("a.jsonl", 9, 0), c))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("canonical order");
    }

    @Test
    void makesTheSameDecisionsWhenSketchesAreComputedInParallel() {
        List<Conversation> corpus = new SyntheticCorpus(11).build(600);
        List<DedupDecision> sequential = run(DedupConfig.defaults(), corpus);

        LocalDeduplicator d = new LocalDeduplicator(DedupConfig.defaults());
        ConcurrentHashMap<Integer, RecordSketch> sketches = new ConcurrentHashMap<>();
        ForkJoinPool pool = new ForkJoinPool(4);
        try {
            pool.submit(() -> IntStream.range(0, corpus.size()).parallel()
                    .forEach(i -> sketches.put(i, d.sketcher().sketch(corpus.get(i))))).join();
        } finally {
            pool.shutdown();
        }
        List<DedupDecision> parallel = new ArrayList<>();
        for (int i = 0; i < corpus.size(); i++) {
            Conversation c = corpus.get(i);
            parallel.add(d.check(new RecordKey("corpus.jsonl", i + 1, 0), c.id(), c.source(), sketches.get(i)));
        }

        assertThat(parallel).isEqualTo(sequential);
        assertThat(run(DedupConfig.defaults(), corpus)).isEqualTo(sequential);
        assertThat(sequential.stream().filter(DedupDecision::isDuplicate).count()).isPositive();
    }

    /**
     * Against the truth: on a seeded corpus with planted exact and near-duplicates, every record whose exact
     * shingle Jaccard with some earlier record is at least 0.9 is removed, and every record below 0.65 with
     * all earlier records is kept; each removal names an earlier record it really resembles (>= 0.7).
     */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(longs = {21, 22, 23})
    void findsPlantedDuplicatesAndKeepsDistinctRecordsOnASeededCorpus(long seed) {
        List<Conversation> corpus = new SyntheticCorpus(seed).build(400);
        Shingler shingler = new Shingler(5, 42);
        List<long[]> shingles = corpus.stream().map(c -> shingler.shingles(c.turns())).toList();
        List<DedupDecision> decisions = run(DedupConfig.defaults(), corpus);
        java.util.Map<String, Integer> position = new java.util.HashMap<>();
        for (int i = 0; i < corpus.size(); i++) {
            position.put(corpus.get(i).id(), i);
        }

        int removed = 0;
        for (int i = 0; i < corpus.size(); i++) {
            double best = 0;
            for (int j = 0; j < i; j++) {
                best = Math.max(best, SimilarityVerifier.exactJaccard(shingles.get(j), shingles.get(i)));
            }
            DedupDecision d = decisions.get(i);
            if (best >= 0.9) {
                assertThat(d.isDuplicate()).as("seed %d record %d (best Jaccard %.3f)", seed, i, best).isTrue();
            } else if (best < 0.65) {
                assertThat(d.isDuplicate()).as("seed %d record %d (best Jaccard %.3f)", seed, i, best).isFalse();
            }
            if (d instanceof DedupDecision.Duplicate dup) {
                removed++;
                int of = position.get(dup.of().ofId());
                assertThat(of).isLessThan(i);
                assertThat(SimilarityVerifier.exactJaccard(shingles.get(of), shingles.get(i))).isGreaterThan(0.7);
            }
        }
        assertThat(removed).isGreaterThan(40);
    }

    /**
     * Reports the index's retained heap per record (printed, for docs/dedup.md) for 100k records with random
     * signatures, the worst case for the band tables since every band key is distinct. Asserts only a loose
     * bound, so a regression that doubles the index fails.
     */
    @Test
    void reportsIndexMemoryPerRecord() {
        int n = 100_000;
        DedupConfig config = DedupConfig.defaults();
        java.util.Random random = new java.util.Random(1);
        long before = usedHeapAfterGc();
        LocalDeduplicator d = new LocalDeduplicator(config);
        for (int i = 0; i < n; i++) {
            RecordSketch s = new RecordSketch(new Fingerprint(random.nextLong(), random.nextLong()),
                    random.ints(config.numPerm()).toArray(), false);
            // Fresh id and source objects per record, dropped by the caller: what the index keeps is counted.
            String id = "conv-" + Integer.toHexString(random.nextInt()) + "-" + i;
            d.check(new RecordKey("corpus.jsonl", i + 1, 0), id, new dev.colloquy.model.SourcePosition(
                    "corpus.jsonl", i + 1), s);
        }
        long after = usedHeapAfterGc();
        double perRecord = (after - before) / (double) n;

        System.out.printf(java.util.Locale.ROOT,
                "dedup index: %d records, %.0f bytes/record retained (ids of ~15 characters included)%n",
                d.stats().indexedRecords(), perRecord);
        assertThat(d.stats().indexedRecords()).isEqualTo(n);
        assertThat(perRecord).isLessThan(800);
    }

    private static long usedHeapAfterGc() {
        Runtime rt = Runtime.getRuntime();
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            System.gc();
            used = Math.min(used, rt.totalMemory() - rt.freeMemory());
        }
        return used;
    }
}
