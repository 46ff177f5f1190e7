package dev.colloquy.repair;

/**
 * One replacement proposed or made within a single layer: code points {@code [start, end)} of the
 * layer's input become {@code replacement}. A lossy filling the evidence cannot decide carries its runner-up
 * char in {@code rival} (else -1) and the best filling's lead over it in {@code margin}: the engine leaves it.
 */
record Edit(int start, int end, int[] replacement, int bytesLost, double gain, double modelConfidence, int rival,
            double margin, double likelihood) {

    Edit(int start, int end, int[] replacement, int bytesLost, double gain, double modelConfidence) {
        this(start, end, replacement, bytesLost, gain, modelConfidence, -1, Double.POSITIVE_INFINITY, 0);
    }

    boolean undecided() {
        return rival >= 0;
    }
}
