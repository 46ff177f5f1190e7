package dev.colloquy.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

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
    void aLaterPartKeepsOnlyTheSamplesTheEarlierPartsLeftRoomFor() {
        RunExamples run = new RunExamples();
        RunExamples first = samples("dedup/exact_duplicate=q1,q2", "holes=k1,k2,k3");
        RunExamples later = samples("dedup/exact_duplicate=q3,q4", "holes=k4", "echo=e1");

        assertThat(run.mergeTaken(first).toJson()).isEqualTo(first.toJson());
        RunExamples taken = run.mergeTaken(later);

        assertThat(taken.quarantined()).containsOnlyKeys("dedup/exact_duplicate");
        assertThat(taken.quarantined().get("dedup/exact_duplicate")).containsExactly("q3");
        assertThat(taken.withFinding()).containsOnlyKeys("echo");
        assertThat(taken.withFinding().get("echo")).containsExactly("e1");
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3})
    void mergingWhatEachPartTookGivesWhatMergingEveryPartGives(long seed) {
        // the run's checkpoints keep per chunk only what the chunks before it left room for; the end merges those
        Random random = new Random(seed);
        RunExamples all = new RunExamples();
        RunExamples running = new RunExamples();
        List<RunExamples> taken = new ArrayList<>();
        for (int part = 0; part < 40; part++) {
            RunExamples p = new RunExamples();
            for (int k = random.nextInt(8); k > 0; k--) {
                String line = part + "/" + k + "x".repeat(random.nextInt(8) == 0 ? RunExamples.MAX_SAMPLE_CHARS : 1);
                if (random.nextBoolean()) {
                    p.addQuarantined("step/reason" + random.nextInt(6), line);
                } else {
                    p.addFinding("type" + random.nextInt(6), line);
                }
            }
            all.merge(p);
            taken.add(running.mergeTaken(RunExamples.fromJson(p.toJson())));
        }
        RunExamples fromTaken = new RunExamples();
        taken.forEach(t -> fromTaken.merge(RunExamples.fromJson(t.toJson())));

        assertThat(fromTaken.toJson()).isEqualTo(all.toJson());
        assertThat(running.toJson()).isEqualTo(all.toJson());
    }

    @Test
    void survivesAJsonRoundTrip() {
        RunExamples e = new RunExamples();
        e.addQuarantined("read/malformed_json", "{\"source\":\"a:1\"}");
        e.addFinding("agreement_loop", "{\"id\":\"x\"}");
        RunExamples back = RunExamples.fromJson(e.toJson());
        assertThat(back.toJson()).isEqualTo(e.toJson());
    }

    /** Samples from {@code key=line,line...}: a key with a '/' is a quarantine reason, else a finding type. */
    private static RunExamples samples(String... keyed) {
        RunExamples e = new RunExamples();
        for (String k : keyed) {
            String key = k.substring(0, k.indexOf('='));
            for (String line : k.substring(k.indexOf('=') + 1).split(",")) {
                if (key.contains("/")) {
                    e.addQuarantined(key, line);
                } else {
                    e.addFinding(key, line);
                }
            }
        }
        return e;
    }
}
