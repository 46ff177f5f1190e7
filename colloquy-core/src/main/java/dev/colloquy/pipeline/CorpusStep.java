package dev.colloquy.pipeline;

import dev.colloquy.model.Conversation;
import dev.colloquy.model.Rejection;
import java.io.Serializable;
import java.util.Optional;

/**
 * A step that must see many conversations (dedup). It works in two halves so the expensive part runs in
 * parallel: {@link #prepare} is pure and runs on worker threads; {@link #decide} sees every kept conversation
 * once, sequentially, in canonical (input) order, and holds the cross-record state. Not thread-safe.
 *
 * <p>To resume, the runner saves each record's preparation and replays it through {@link #decide} on a fresh
 * instance, so {@code decide} must depend only on the conversation's id and source and the preparation.
 */
public interface CorpusStep<P extends Serializable> {

    /** The step's name in quarantine records and stats. */
    String name();

    /** Per-record, pure, thread-safe work (e.g. a MinHash signature). */
    P prepare(Conversation c);

    /** The type {@link #prepare} returns, to check a preparation read back from a checkpoint. */
    Class<P> preparationType();

    /**
     * Decides on one record given its preparation; a rejection removes it, naming why (e.g. the record it
     * duplicates). {@code ordinal} is the record's position in the whole input, counting from 0.
     */
    Optional<Decision> decide(long ordinal, Conversation c, P prepared);

    /**
     * Why a record was removed.
     *
     * @param rejection the quarantine line (its record is filled in by the runner)
     * @param ofId      the id of the kept record it duplicates, for cluster statistics
     */
    record Decision(Rejection rejection, String ofId) {
    }
}
