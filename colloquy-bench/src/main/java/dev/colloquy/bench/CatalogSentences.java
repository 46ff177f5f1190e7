package dev.colloquy.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Real translated sentences in one language, taken from the gettext catalogs Debian installs under
 * {@code /usr/share/locale/LANG/LC_MESSAGES/*.mo}.
 */
final class CatalogSentences {

    /*
     * Catalog strings include menu labels, format strings and untranslated English. Keeping strings
     * of 20-240 characters with at least three words (or, for CJK, no spaces needed) and no control
     * characters leaves mostly real sentences and messages; the list is de-duplicated, sorted by
     * catalog path then position, and shuffled with a seed, so the same machine gives the same cases.
     */
    static final Path DEFAULT_ROOT = Path.of("/usr/share/locale");

    private CatalogSentences() {
    }

    /** Every usable sentence for {@code locale} (a directory name such as {@code de} or {@code zh_CN}), shuffled by {@code seed}. */
    static List<String> load(Path root, String locale, long seed) {
        return load(root, locale, seed, false);
    }

    /** Like {@link #load(Path, String, long)}; with {@code skipUntranslated}, strings equal to their original are left out. */
    static List<String> load(Path root, String locale, long seed, boolean skipUntranslated) {
        Path dir = root.resolve(locale).resolve("LC_MESSAGES");
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        Set<String> unique = new LinkedHashSet<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".mo")).sorted().toList()) {
                for (String s : MoCatalog.translations(file, skipUntranslated)) {
                    String t = s.strip();
                    if (usable(t)) {
                        unique.add(t);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> list = new ArrayList<>(unique);
        Collections.shuffle(list, new Random(seed ^ locale.hashCode()));
        return list;
    }

    static boolean usable(String t) {
        if (t.length() < 20 || t.length() > 240) {
            return false;
        }
        int spaces = 0;
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (Character.isISOControl(c) || c == '\uFFFD') {
                return false;
            }
            if (c == ' ') {
                spaces++;
            }
        }
        return spaces >= 2 || !isMostlyLatin(t);
    }

    private static boolean isMostlyLatin(String t) {
        int latin = 0;
        for (int i = 0; i < t.length(); i++) {
            if (t.charAt(i) < 0x250) {
                latin++;
            }
        }
        return latin * 2 > t.length();
    }
}
