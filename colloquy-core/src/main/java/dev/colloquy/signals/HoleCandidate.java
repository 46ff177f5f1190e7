package dev.colloquy.signals;

/** A place the scanner suspects, by UTF-16 index into the text, with its score so far. */
record HoleCandidate(int index, HoleCue cue, double score) {

    HoleCandidate withScore(double newScore) {
        return new HoleCandidate(index, cue, newScore);
    }
}
