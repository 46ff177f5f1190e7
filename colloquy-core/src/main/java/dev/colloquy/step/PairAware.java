package dev.colloquy.step;

/**
 * A {@link Step} that takes a preference pair whole: it reads the pair's parts itself ({@code prompt()},
 * {@code chosen()}, {@code rejected()}) or works turn by turn, so it does not need to see the pair as two
 * dialogues. Steps without it get each dialogue in turn, see {@link PairSteps}.
 */
public interface PairAware extends Step {
}
