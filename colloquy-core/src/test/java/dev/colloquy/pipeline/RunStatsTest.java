package dev.colloquy.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.colloquy.model.Conversation;
import dev.colloquy.model.Rejection;
import dev.colloquy.model.Role;
import dev.colloquy.model.SourcePosition;
import dev.colloquy.model.Turn;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class RunStatsTest {

    private static Conversation conv(Random rnd, int i) {
        List<Turn> turns = new ArrayList<>();
        int n = 1 + rnd.nextInt(6);
        for (int t = 0; t < n; t++) {
            turns.add(new Turn("s", t % 2 == 0 ? Role.USER : Role.ASSISTANT, "x".repeat(rnd.nextInt(300))));
        }
        return new Conversation("c" + i, new SourcePosition("f", i), turns);
    }

    private static void feed(RunStats s, Random rnd, int i) {
        s.countIn();
        Conversation c = conv(rnd, i);
        switch (rnd.nextInt(3)) {
            case 0 -> s.countKept(c);
            case 1 -> s.countQuarantined(new Rejection(c.source(), "turns", "too_few_turns", "m", c));
            default -> s.countDuplicate(new Rejection(c.source(), "dedup", "exact_duplicate", "m", c),
                    "c" + rnd.nextInt(5));
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 42})
    void mergingPartsGivesTheSameJsonAsCountingTheWhole(long seed) {
        RunStats whole = new RunStats();
        Random a = new Random(seed);
        for (int i = 0; i < 500; i++) {
            feed(whole, a, i);
        }
        RunStats merged = new RunStats();
        Random b = new Random(seed);
        for (int part = 0; part < 5; part++) {
            RunStats p = new RunStats();
            for (int i = part * 100; i < part * 100 + 100; i++) {
                feed(p, b, i);
            }
            merged.merge(RunStats.fromJson(p.toJson()));
        }
        assertThat(merged.toJson()).as("seed %d", seed).isEqualTo(whole.toJson());
        assertThat(whole.balanced()).isTrue();
    }

    @Test
    void keysTurnCountsAsNumbersBelowSixtyFourAndLengthsByTheirPowerOfTwo() {
        RunStats s = new RunStats();
        for (int n : new int[] {1, 63, 64, 65}) {
            countKept(s, n, t -> "x".repeat(t == 0 ? 1023 : t == 1 ? 1024 : 0));
        }

        assertThat(s.toJson().path("turn_counts").toString()).isEqualTo("{\"1\":1,\"63\":1,\"64+\":2}");
        // a turn of 1,023 chars is in the bucket from 512, one of 1,024 in the bucket from 1,024; empty ones in "0"
        assertThat(s.toJson().path("turn_chars").toString()).isEqualTo("{\"0\":186,\"512\":4,\"1024\":3}");
        assertThat(s.toJson().path("conversation_chars").toString()).isEqualTo("{\"512\":1,\"1024\":3}");
        assertThat(RunStats.bucket(Long.MAX_VALUE)).isEqualTo(Long.toString(Long.highestOneBit(Long.MAX_VALUE)));
    }

    @Test
    void ordersHistogramKeysByNumber() {
        RunStats s = new RunStats();
        for (int n : new int[] {70, 2, 16, 3}) {
            countKept(s, n, t -> "hi");
        }
        List<String> keys = new ArrayList<>();
        s.toJson().path("turn_counts").fieldNames().forEachRemaining(keys::add);
        assertThat(keys).containsExactly("2", "3", "16", "64+");
    }

    /** Counts in and keeps a conversation of {@code n} user turns, turn t's text {@code text(t)}. */
    private static void countKept(RunStats s, int n, java.util.function.IntFunction<String> text) {
        List<Turn> turns = new ArrayList<>();
        for (int t = 0; t < n; t++) {
            turns.add(new Turn("s", Role.USER, text.apply(t)));
        }
        s.countIn();
        s.countKept(new Conversation("c" + n, new SourcePosition("f", n), turns));
    }
}
