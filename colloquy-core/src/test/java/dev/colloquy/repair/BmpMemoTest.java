package dev.colloquy.repair;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class BmpMemoTest {

    @Test
    void givesTheFunctionsValueAndComputesEachBmpCharOnce() {
        AtomicInteger calls = new AtomicInteger();
        BmpMemo memo = new BmpMemo(cp -> {
            calls.incrementAndGet();
            return cp % 7 - 1;
        });
        for (int round = 0; round < 3; round++) {
            for (int cp = 0; cp < 0x10000; cp += 97) {
                assertThat(memo.get(cp)).isEqualTo(cp % 7 - 1);
            }
        }
        assertThat(calls.get()).isEqualTo((0x10000 + 96) / 97);
    }

    @Test
    void remembersEveryValueOfItsRangeIncludingZeroAndBothEnds() {
        int[] values = {-32767, -1, 0, 1, 32767, -2, 0x7F00};
        AtomicInteger calls = new AtomicInteger();
        BmpMemo memo = BmpMemo.withPlane1(cp -> {
            calls.incrementAndGet();
            return values[cp % values.length];
        });
        for (int round = 0; round < 2; round++) {
            for (int cp : new int[] {0, 1, 2, 3, 4, 5, 6, 0xFFFF, 0x1FFFF}) {
                assertThat(memo.get(cp)).isEqualTo(values[cp % values.length]);
            }
        }
        assertThat(calls.get()).isEqualTo(9);
    }

    @Test
    void computesCodePointsOutsideTheBmpEveryTime() {
        AtomicInteger calls = new AtomicInteger();
        BmpMemo memo = new BmpMemo(cp -> {
            calls.incrementAndGet();
            return 5;
        });
        memo.get(0x1F3AC);
        memo.get(0x1F3AC);
        memo.get(-1);
        assertThat(calls.get()).isEqualTo(3);
    }

    @Test
    void withPlane1RemembersEmojiToo() {
        AtomicInteger calls = new AtomicInteger();
        BmpMemo memo = BmpMemo.withPlane1(cp -> {
            calls.incrementAndGet();
            return cp % 5;
        });
        assertThat(memo.get(0x1F3AC)).isEqualTo(0x1F3AC % 5);
        assertThat(memo.get(0x1F3AC)).isEqualTo(0x1F3AC % 5);
        assertThat(memo.get(0x4E2D)).isEqualTo(0x4E2D % 5);
        assertThat(memo.get(0x4E2D)).isEqualTo(0x4E2D % 5);
        assertThat(calls.get()).isEqualTo(2);
        memo.get(0x20000);
        memo.get(0x20000);
        memo.get(-1);
        assertThat(calls.get()).isEqualTo(5);
    }
}
