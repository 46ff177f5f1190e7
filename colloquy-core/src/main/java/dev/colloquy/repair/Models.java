package dev.colloquy.repair;

/** The character model the engine uses for lossy repair. */
final class Models {

    private Models() {
    }

    static CharModel standard() {
        return CharModel.NONE;
    }
}
