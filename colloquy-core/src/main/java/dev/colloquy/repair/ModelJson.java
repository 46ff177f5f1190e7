package dev.colloquy.repair;

import com.fasterxml.jackson.core.JsonFactory;

/**
 * The JSON parser settings for the n-gram model files the character model reads (Lingua's, language-detector's).
 * Their field names are n-grams or fractions, nearly all distinct and each read once: Jackson's default symbol table
 * and {@link String#intern()} of every name cost about a fifth of the load time and keep nothing useful.
 */
final class ModelJson {

    static final JsonFactory FACTORY = JsonFactory.builder()
            .disable(JsonFactory.Feature.CANONICALIZE_FIELD_NAMES)
            .disable(JsonFactory.Feature.INTERN_FIELD_NAMES)
            .build();

    private ModelJson() {
    }
}
