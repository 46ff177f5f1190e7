package dev.colloquy.step;

import dev.colloquy.model.Conversation;
import java.io.Serializable;

/**
 * One per-conversation stage of the pipeline: a repair, a signal or a filter.
 *
 * <p>A step is a pure function of one conversation: it holds no mutable state, validates its settings in
 * its constructor, and is serializable, so the same instance runs on local threads and on Spark executors
 * with identical results. Implementations must be thread-safe.
 */
public interface Step extends Serializable {

    /** The stable name of this step, as written in {@code PIPELINE.yaml} and in quarantine records. */
    String name();

    /** Applies this step: the conversation (possibly changed, with findings attached) or a rejection. */
    StepResult apply(Conversation conversation);

    /**
     * Applies this step reading the analyses of turn texts that the steps before it in the chain made for this
     * conversation, and adding those it makes ({@link TurnAnalyses}). The answer is that of
     * {@link #apply(Conversation)}; a step that shares no analysis need not override this.
     */
    default StepResult apply(Conversation conversation, TurnAnalyses analyses) {
        return apply(conversation);
    }
}
