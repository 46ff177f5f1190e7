package dev.colloquy.signals;

import com.github.pemistahl.lingua.api.Language;
import com.github.pemistahl.lingua.api.LanguageDetector;
import com.github.pemistahl.lingua.api.LanguageDetectorBuilder;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/*
 * Lingua detectors, built once per (language set, accuracy) and shared by every step instance and thread:
 * building one loads n-gram models (seconds, and up to ~30 MB per language in high-accuracy mode), while a
 * built detector is thread-safe. This cache is the only static state of the package, and it is safe: its
 * values are pure functions of their keys, so a Spark executor that rebuilds them gets identical results.
 */
final class LinguaDetectors {

    private record Key(Set<Language> languages, boolean lowAccuracy) {
    }

    private static final Map<Key, LanguageDetector> CACHE = new ConcurrentHashMap<>();

    private LinguaDetectors() {
    }

    static LanguageDetector get(Set<Language> languages, boolean lowAccuracy) {
        return CACHE.computeIfAbsent(new Key(EnumSet.copyOf(languages), lowAccuracy), k -> {
            LanguageDetectorBuilder b = LanguageDetectorBuilder.fromLanguages(k.languages.toArray(new Language[0]))
                    .withPreloadedLanguageModels();
            return (k.lowAccuracy ? b.withLowAccuracyMode() : b).build();
        });
    }
}
