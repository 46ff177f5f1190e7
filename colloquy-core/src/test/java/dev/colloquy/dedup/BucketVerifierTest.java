package dev.colloquy.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BucketVerifierTest {

    private static int[] sig(int value) {
        int[] s = new int[128];
        java.util.Arrays.fill(s, value);
        return s;
    }

    @Test
    void findsEachMembersEarliestVerifiedEarlierMember() {
        BucketVerifier v = new BucketVerifier(DedupConfig.defaults());

        BucketVerifier.Match[] m = v.earliestMatches(List.of(sig(1), sig(2), sig(1), sig(2), sig(3)));

        assertThat(m).containsExactly(null, null, new BucketVerifier.Match(0, 128), new BucketVerifier.Match(1, 128),
                null);
    }

    @Test
    void comparesOnlyWithTheFirstMembersUpToTheCap() {
        BucketVerifier v = new BucketVerifier(DedupConfig.defaults().withMaxBucketComparisons(2));

        BucketVerifier.Match[] m = v.earliestMatches(List.of(sig(1), sig(2), sig(3), sig(3), sig(2)));

        assertThat(m[3]).isNull();
        assertThat(m[4]).isEqualTo(new BucketVerifier.Match(1, 128));
    }

    @ParameterizedTest
    @CsvSource({"1, 0", "3, 0", "4, 0", "5, 1", "10, 21"})
    void countsSkippedComparisonsLikeTheStreamingIndex(int members, long expected) {
        BucketVerifier v = new BucketVerifier(DedupConfig.defaults().withMaxBucketComparisons(3));
        LongBucketIndex index = new LongBucketIndex(3);
        long skipped = 0;
        for (int r = 0; r < members; r++) {
            skipped += index.collect(9L, new LongBucketIndex.IntBuffer());
            index.add(9L, r);
        }

        assertThat(v.skippedComparisons(members)).isEqualTo(expected).isEqualTo(skipped);
    }
}
