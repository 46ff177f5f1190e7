package dev.colloquy.pipeline;

import dev.colloquy.step.StepResult;
import dev.colloquy.step.PairSteps;
import dev.colloquy.step.Step;
import dev.colloquy.step.TurnAnalyses;
import dev.colloquy.model.Conversation;
import dev.colloquy.model.Reason;
import dev.colloquy.model.Rejection;
import java.io.Serializable;
import java.util.List;

/**
 * The per-conversation steps of a pipeline, applied in order until one rejects. Immutable, serializable and
 * thread-safe: the local runner shares one chain between its threads, the Spark engine ships it to executors.
 * A step that throws is a bug, but one record must not end a run: the record is quarantined with reason
 * {@code step_error} and the exception's message. The steps share one {@link TurnAnalyses} per conversation, so
 * an analysis of a turn's text that several steps read (its word tokens) is made once.
 */
public final class StepChain implements Serializable {

    private static final long serialVersionUID = 1L;
    /** The reason of a record a step threw on. */
    public static final Reason STEP_ERROR = Reason.of("step_error");

    private final List<Step> steps;

    public StepChain(List<Step> steps) {
        this.steps = List.copyOf(steps);
    }

    public List<Step> steps() {
        return steps;
    }

    public List<String> names() {
        return steps.stream().map(Step::name).toList();
    }

    public ChainResult apply(Conversation input) {
        return apply(input, null);
    }

    /**
     * Applies the chain; when {@code nanos} is given (one slot per step) adds each step's elapsed time to it.
     * The caller owns {@code nanos}; it must not be shared between threads.
     */
    public ChainResult apply(Conversation input, long[] nanos) {
        Conversation c = input;
        TurnAnalyses analyses = new TurnAnalyses();
        for (int i = 0; i < steps.size(); i++) {
            Step step = steps.get(i);
            long start = nanos == null ? 0 : System.nanoTime();
            StepResult r;
            try {
                r = PairSteps.apply(step, c, analyses);
            } catch (RuntimeException | StackOverflowError e) {
                String why = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
                return new ChainResult.Quarantined(Rejection.of(input.source(), step.name(), STEP_ERROR,
                        "step '" + step.name() + "' failed on this record (" + why + ")", input));
            } finally {
                if (nanos != null) {
                    nanos[i] += System.nanoTime() - start;
                }
            }
            if (r instanceof StepResult.Rejected rej) {
                return new ChainResult.Quarantined(Rejection.of(input.source(), step.name(), rej.why(),
                        rej.message(), input));
            }
            c = ((StepResult.Kept) r).conversation();
        }
        return new ChainResult.Kept(c);
    }
}
