package dev.colloquy.step;

import java.util.Objects;
import java.util.Set;

/**
 * The usual {@link StepFactory}: a fixed name, description and parameter keys, and one method that reads the
 * parameters into a step. {@link #create} then rejects whatever key the step did not read, so a subclass only
 * says how to build its step:
 *
 * <pre>{@code
 * public static final class Factory extends AbstractStepFactory {
 *     public Factory() {
 *         super(NAME, "Flags turns copied from the previous turn.", "n", "threshold");
 *     }
 *
 *     protected Step build(StepParameters p) {
 *         return new EchoDetector(p.getInt("n", DEFAULT_N), p.getDouble("threshold", DEFAULT_THRESHOLD));
 *     }
 * }
 * }</pre>
 */
public abstract class AbstractStepFactory implements StepFactory {

    private final String name;
    private final String description;
    private final Set<String> parameters;

    protected AbstractStepFactory(String name, String description, String... parameters) {
        this.name = Objects.requireNonNull(name, "name");
        this.description = Objects.requireNonNull(description, "description");
        this.parameters = Set.of(parameters);
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final String description() {
        return description;
    }

    @Override
    public final Set<String> parameters() {
        return parameters;
    }

    @Override
    public final Step create(StepParameters p) {
        Step step = build(p);
        p.requireAllConsumed(parameters);
        return step;
    }

    /** Reads the parameters (with their defaults) and builds the step; a wrong value throws naming its key. */
    protected abstract Step build(StepParameters p);
}
