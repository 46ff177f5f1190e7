package dev.colloquy.format;

import dev.colloquy.model.SourcePosition;
import dev.colloquy.model.Turn;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * Derives an id for a record that has none: the first 16 hex digits of SHA-256 over the source file's base name,
 * the line, and each turn's speaker, role and text (NUL-separated). The base name rather than the path, so the
 * id is the same on every machine and from every working directory; the line, so that two identical
 * conversations in one file still get distinct ids.
 */
public final class ConversationIds {

    private ConversationIds() {
    }

    /** The derived id of a conversation with these turns starting at {@code pos}. */
    public static String derive(SourcePosition pos, List<Turn> turns) {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
        update(sha, baseName(pos.file()));
        update(sha, Long.toString(pos.line()));
        for (Turn t : turns) {
            update(sha, t.speaker());
            update(sha, t.role().wireName());
            update(sha, t.text());
        }
        return HexFormat.of().formatHex(sha.digest(), 0, 8);
    }

    private static void update(MessageDigest sha, String s) {
        sha.update(s.getBytes(StandardCharsets.UTF_8));
        sha.update((byte) 0);
    }

    private static String baseName(String file) {
        int cut = Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\'));
        return file.substring(cut + 1);
    }
}
