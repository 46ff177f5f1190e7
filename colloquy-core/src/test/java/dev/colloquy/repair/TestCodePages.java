package dev.colloquy.repair;

/** Code pages by name, for tests that damage text the way one page would. */
final class TestCodePages {

    private TestCodePages() {
    }

    static CodePage byName(String name) {
        return CodePages.ALL.stream()
                .filter(p -> p.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown code page: " + name));
    }
}
