package dev.colloquy.repair;

/** The character model the engine uses to choose among lossy fillings: Lingua n-grams and ICU data, loaded lazily. */
final class Models {

    private Models() {
    }

    static CharModel standard() {
        return CharLikelihood.standard();
    }
}
