package dev.colloquy.repair;

/**
 * One replacement proposed or made within a single layer: code points {@code [start, end)} of the
 * layer's input become {@code replacement}.
 */
record Edit(int start, int end, int[] replacement, int bytesLost, double gain, double modelConfidence) {
}
