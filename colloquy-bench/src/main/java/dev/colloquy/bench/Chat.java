package dev.colloquy.bench;

import dev.colloquy.model.Role;

import java.util.List;

/**
 * A generated conversation before it is written in one of the input formats.
 *
 * @param id       the record id ({@code gen-000000042})
 * @param format   the format it is written in
 * @param language the catalog locale of its text, {@code en}, or {@code xx->en} for a language mismatch
 * @param turns    its turns
 */
record Chat(String id, CorpusFormat format, String language, List<Msg> turns) {

    Chat {
        turns = List.copyOf(turns);
    }

    boolean hasSystem() {
        return turns.stream().anyMatch(t -> t.role() == Role.SYSTEM);
    }

    Chat withId(String newId, CorpusFormat newFormat) {
        return new Chat(newId, newFormat, language, turns);
    }

    /** One turn. */
    record Msg(Role role, String text) {
    }
}
