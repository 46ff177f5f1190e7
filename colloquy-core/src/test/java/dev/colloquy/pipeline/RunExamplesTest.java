package dev.colloquy.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RunExamplesTest {

    @Test
    void keepsTheFirstFewSamplesPerKeyInInputOrder() {
        RunExamples first = new RunExamples();
        first.addQuarantined("dedup/exact_duplicate", "q1");
        first.addQuarantined("dedup/exact_duplicate", "q2");
        first.addFinding("holes", "k1");
        RunExamples later = new RunExamples();
        later.addQuarantined("dedup/exact_duplicate", "q3");
        later.addQuarantined("dedup/exact_duplicate", "q4");
        later.addFinding("holes", "k2");

        first.merge(later);

        assertThat(first.quarantined().get("dedup/exact_duplicate")).containsExactly("q1", "q2", "q3");
        assertThat(first.withFinding().get("holes")).containsExactly("k1", "k2");
        assertThat(first.wantsQuarantined("dedup/exact_duplicate")).isFalse();
        assertThat(first.wantsFinding("holes")).isTrue();
    }

    @Test
    void survivesAJsonRoundTrip() {
        RunExamples e = new RunExamples();
        e.addQuarantined("read/malformed_json", "{\"source\":\"a:1\"}");
        e.addFinding("agreement_loop", "{\"id\":\"x\"}");
        RunExamples back = RunExamples.fromJson(e.toJson());
        assertThat(back.toJson()).isEqualTo(e.toJson());
    }
}
