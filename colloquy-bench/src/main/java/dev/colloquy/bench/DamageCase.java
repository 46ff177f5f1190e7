package dev.colloquy.bench;

/**
 * One accuracy case: a correct text and the damaged text a repair should turn back into it.
 *
 * @param language  the catalog locale the text came from ({@code de}, {@code zh_CN}, ...)
 * @param family    how it was damaged
 * @param chain     the damage in words, e.g. {@code utf-8 read as windows-1254, 2 bytes lost}
 * @param original  the correct text
 * @param corrupted what the repair is given
 * @param lost      for the lossy families, what was lost ({@code undefined}, {@code soft-hyphen}, {@code nbsp});
 *                  empty otherwise
 */
record DamageCase(String language, Damage family, String chain, String original, String corrupted, String lost) {

    DamageCase(String language, Damage family, String chain, String original, String corrupted) {
        this(language, family, chain, original, corrupted, "");
    }
}
