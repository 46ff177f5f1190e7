package dev.colloquy.pipeline.steps;

import dev.colloquy.step.StepParameters;

/** An inclusive {@code min}/{@code max} pair read from a filter's parameters; max 0 or absent means no limit. */
record Bounds(long min, long max) {

    static Bounds read(StepParameters p) {
        long min = p.getInt("min", 0);
        long max = p.getInt("max", 0);
        if (min < 0 || max < 0) {
            throw new IllegalArgumentException("Step '" + p.step() + "': parameters 'min' and 'max' must be >= 0");
        }
        if (max > 0 && min > max) {
            throw new IllegalArgumentException("Step '" + p.step() + "': parameter 'min' (" + min
                    + ") is larger than 'max' (" + max + ")");
        }
        return new Bounds(min, max == 0 ? Long.MAX_VALUE : max);
    }

    boolean tooSmall(long v) {
        return v < min;
    }

    boolean tooLarge(long v) {
        return v > max;
    }
}
