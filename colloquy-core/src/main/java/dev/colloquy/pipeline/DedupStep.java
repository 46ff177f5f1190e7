package dev.colloquy.pipeline;

import dev.colloquy.step.StepParameters;
import dev.colloquy.dedup.DedupConfig;
import dev.colloquy.dedup.DedupDecision;
import dev.colloquy.dedup.DuplicateOf;
import dev.colloquy.dedup.LocalDeduplicator;
import dev.colloquy.dedup.RecordKey;
import dev.colloquy.dedup.RecordSketch;
import dev.colloquy.model.Conversation;
import dev.colloquy.model.Rejection;
import java.util.Optional;

/**
 * The dedup corpus step of the local engine: sketches on worker threads, decides with
 * {@link LocalDeduplicator} in input order. The canonical order is the input order (files in the order the
 * inputs expand to, then records within each file), expressed as the record's ordinal.
 */
public final class DedupStep implements CorpusStep<RecordSketch> {

    public static final String NAME = DedupConfig.NAME;

    private final LocalDeduplicator dedup;

    public DedupStep(DedupConfig config) {
        this.dedup = new LocalDeduplicator(config);
    }

    /** The step a config asks for, or empty when its dedup mode is {@code off}. */
    public static Optional<CorpusStep<RecordSketch>> of(PipelineConfig config) {
        if (!config.dedup().enabled()) {
            return Optional.empty();
        }
        return Optional.of(new DedupStep(config(config.dedup())));
    }

    /** The dedup settings a config asks for (for other engines), or empty when its dedup mode is {@code off}. */
    public static Optional<DedupConfig> configOf(PipelineConfig config) {
        return config.dedup().enabled() ? Optional.of(config(config.dedup())) : Optional.empty();
    }

    /** The dedup package's config for a pipeline's dedup section; throws IllegalArgumentException naming a key. */
    static DedupConfig config(PipelineConfig.DedupSpec spec) {
        return DedupConfig.fromParameters(new StepParameters(NAME, spec.parameters()))
                .withMode(spec.mode().dedupMode());
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public RecordSketch prepare(Conversation c) {
        return dedup.sketcher().sketch(c);
    }

    @Override
    public Class<RecordSketch> preparationType() {
        return RecordSketch.class;
    }

    @Override
    public Optional<Decision> decide(long ordinal, Conversation c, RecordSketch prepared) {
        DedupDecision d = dedup.check(new RecordKey("", ordinal, 0), c.id(), c.source(), prepared);
        if (d instanceof DedupDecision.Duplicate dup) {
            DuplicateOf of = dup.of();
            return Optional.of(new Decision(Rejection.of(c.source(), NAME, of.why(), of.message(), null),
                    of.ofId()));
        }
        return Optional.empty();
    }
}
