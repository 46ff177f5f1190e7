package dev.colloquy.pipeline;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;

/** Finds a {@link PipelineEngine} by name: {@code local} always, others on the classpath through ServiceLoader. */
public final class PipelineEngines {

    private PipelineEngines() {
    }

    /** The engine called {@code name}, if it is built in or on the classpath. */
    public static Optional<PipelineEngine> find(String name) {
        if (LocalEngine.NAME.equals(name)) {
            return Optional.of(new LocalEngine());
        }
        return ServiceLoader.load(PipelineEngine.class).stream()
                .map(ServiceLoader.Provider::get)
                .filter(e -> e.name().equals(name))
                .findFirst();
    }

    /** The engine called {@code name}; throws {@link IllegalArgumentException} listing those available. */
    public static PipelineEngine named(String name) {
        return find(name).orElseThrow(() -> new IllegalArgumentException("no engine '" + name
                + "' on the classpath (available: " + String.join(", ", names()) + ")"));
    }

    /** The names of the engines available here: {@code local} first. */
    public static List<String> names() {
        List<String> names = new ArrayList<>(List.of(LocalEngine.NAME));
        ServiceLoader.load(PipelineEngine.class).stream()
                .map(p -> p.get().name())
                .filter(n -> !names.contains(n))
                .forEach(names::add);
        return names;
    }
}
