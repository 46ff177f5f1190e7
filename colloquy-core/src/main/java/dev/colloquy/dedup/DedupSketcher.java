package dev.colloquy.dedup;

import dev.colloquy.model.Conversation;
import dev.colloquy.model.Turn;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The per-record half of dedup, shared by the local and the Spark engine: normalizes a conversation,
 * fingerprints and shingles it, and computes its MinHash signature and band keys. It needs no index and
 * holds no mutable state, so it is serializable and thread-safe; the pair decision is {@link #verifier()}.
 */
public final class DedupSketcher implements Serializable {

    private static final long serialVersionUID = 1L;

    private final DedupConfig config;
    private final ContentNormalizer normalizer;
    private final Shingler shingler;
    private final MinHasher minHasher;
    private final LshBands bands;
    private final SimilarityVerifier verifier;

    public DedupSketcher(DedupConfig config) {
        this.config = Objects.requireNonNull(config, "config");
        this.normalizer = new ContentNormalizer(config.scope());
        this.shingler = new Shingler(config.shingleSize(), config.seed());
        this.minHasher = new MinHasher(config.numPerm(), config.seed() ^ 0x5EEDL);
        this.bands = new LshBands(config.bands(), config.rows(), config.seed() ^ 0xBA9DL);
        this.verifier = new SimilarityVerifier(config.threshold());
    }

    public DedupConfig config() {
        return config;
    }

    public LshBands bands() {
        return bands;
    }

    public SimilarityVerifier verifier() {
        return verifier;
    }

    /** The sketch of one conversation under the configured mode and scope. */
    public RecordSketch sketch(Conversation c) {
        List<Turn> turns = normalizer.select(c);
        List<String> folded = new ArrayList<>(turns.size());
        for (Turn t : turns) {
            folded.add(ContentNormalizer.fold(t.text()));
        }
        long[] shingles = shingler.shingleHashesOfFolded(turns, folded);
        if (shingles.length == 0) {
            return new RecordSketch(null, new int[0], true);
        }
        Fingerprint fp = config.mode().exact()
                ? ContentNormalizer.fingerprintOf(ContentNormalizer.exactContentOfFolded(turns, folded, normalizer.pairShape(c))) : null;
        int[] sig = config.mode().near() ? minHasher.signature(shingles) : new int[0];
        return new RecordSketch(fp, sig, false);
    }

    /** The LSH band keys of a sketch; none when it is empty or has no signature. */
    public long[] bandKeys(RecordSketch s) {
        return s.empty() || s.signature().length == 0 ? new long[0] : bands.keys(s.signature());
    }
}
