package dev.colloquy.repair;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** The packed n-gram table answers exactly as the String-keyed map it replaced. */
class NgramTableTest {

    @Test
    void keysOfOneTwoAndThreeCodePointsNeverCollide() {
        assertThat(NgramTable.key("a")).isEqualTo(NgramTable.key('a'));
        assertThat(NgramTable.key("ab")).isEqualTo(NgramTable.key('a', 'b'));
        assertThat(NgramTable.key("abc")).isEqualTo(NgramTable.key('a', 'b', 'c'));
        assertThat(NgramTable.key("\uD835\uDC00x")).isEqualTo(NgramTable.key(0x1D400, 'x'));
        assertThat(NgramTable.key("ab")).isNotEqualTo(NgramTable.key("b")).isNotEqualTo(NgramTable.key("ba"))
                .isNotEqualTo(NgramTable.key("aab"));
        assertThat(NgramTable.key("abcd")).isEqualTo(-1);
    }

    @Test
    void missingNgramsAreZeroAndALaterEntryWins() {
        NgramTable.Builder b = new NgramTable.Builder();
        b.put(NgramTable.key('я', 'з'), 0.25f);
        b.put(NgramTable.key('я', 'з'), 0.5f);
        NgramTable table = b.build();
        assertThat(table.get(NgramTable.key('я', 'з'))).isEqualTo(0.5f);
        assertThat(table.get(NgramTable.key('з', 'я'))).isZero();
        assertThat(table.isEmpty()).isFalse();
        assertThat(NgramTable.EMPTY.isEmpty()).isTrue();
        assertThat(NgramTable.EMPTY.get(NgramTable.key('a'))).isZero();
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 20261206})
    void answersAsAMapOfTheSameEntries(long seed) {
        Random random = new Random(seed);
        Map<Long, Float> map = new HashMap<>();
        NgramTable.Builder b = new NgramTable.Builder();
        int n = 1 + random.nextInt(40_000);
        for (int i = 0; i < n; i++) {
            long key = NgramTable.key(1 + random.nextInt(0x3000), 1 + random.nextInt(0x3000), 1 + random.nextInt(64));
            float value = random.nextFloat();
            map.put(key, value);
            b.put(key, value);
        }
        NgramTable table = b.build();
        map.forEach((key, value) -> assertThat(table.get(key)).as("seed %d key %d", seed, key).isEqualTo(value));
        for (int i = 0; i < 10_000; i++) {
            long key = NgramTable.key(1 + random.nextInt(0x3000), 1 + random.nextInt(0x3000), 1 + random.nextInt(64));
            assertThat(table.get(key)).as("seed %d key %d", seed, key).isEqualTo(map.getOrDefault(key, 0f));
        }
    }
}
