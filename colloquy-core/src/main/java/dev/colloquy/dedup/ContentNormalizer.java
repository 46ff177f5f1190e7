package dev.colloquy.dedup;

import dev.colloquy.model.Conversation;
import dev.colloquy.model.Preference;
import dev.colloquy.model.Role;
import dev.colloquy.model.Turn;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/*
 * What "the same content" means. Text is NFKC-normalized (full-width letters, ligatures and compatibility
 * forms fold to their plain forms), lower-cased with Locale.ROOT and its whitespace runs collapsed to one
 * space, so records that differ only in case, spacing or Unicode presentation compare equal. Each turn is
 * prefixed by its role, so the same words said by the other side are different content; speaker labels
 * are ignored because formats name speakers differently ("A", "human", "user").
 *
 * Exact duplicates compare this text with punctuation kept; near-duplicate shingling (Shingler) further
 * drops punctuation and symbols.
 */

/** Selects the content a {@link DedupConfig.Scope} compares and normalizes it. Immutable and thread-safe. */
public final class ContentNormalizer implements Serializable {

    private static final long serialVersionUID = 1L;

    private final DedupConfig.Scope scope;

    public ContentNormalizer(DedupConfig.Scope scope) {
        this.scope = Objects.requireNonNull(scope, "scope");
    }

    /** The turns the scope compares: all of them, or only the first user turn (none if there is no user turn). */
    public List<Turn> select(Conversation c) {
        if (scope == DedupConfig.Scope.CONVERSATION) {
            return c.turns();
        }
        for (Turn t : c.turns()) {
            if (t.role() == Role.USER) {
                return List.of(t);
            }
        }
        return List.of();
    }

    /** NFKC, lower case, whitespace runs collapsed to one space, trimmed. */
    public static String normalize(String text) {
        StringBuilder out = new StringBuilder(text.length());
        collapse(fold(text), out);
        return out.toString();
    }

    /** NFKC and lower case only: the form {@link Shingler} tokenizes, whitespace and punctuation still in place. */
    static String fold(String text) {
        // ASCII is its own NFKC form, and most turns are ASCII; Normalizer copies the text even then
        String nfkc = isAscii(text) ? text : Normalizer.normalize(text, Normalizer.Form.NFKC);
        return nfkc.toLowerCase(Locale.ROOT);
    }

    private static boolean isAscii(String text) {
        for (int i = 0, n = text.length(); i < n; i++) {
            if (text.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    /**
     * Appends {@code folded} with its whitespace runs collapsed to one space and trimmed to {@code out}, in place:
     * the exact content of a record is built from all its turns, and a String per turn only to be copied again was
     * a twentieth of the sketch's time. The text between whitespace runs is copied a run at a time (a code point at
     * a time was a fifth of the sketch's time, most of it the builder's bounds and capacity checks).
     */
    private static void collapse(String folded, StringBuilder out) {
        int start = out.length();
        boolean pendingSpace = false;
        int run = -1; // where the current run of non-space characters began, or -1 between runs
        int n = folded.length();
        for (int i = 0; i < n; ) {
            char ch = folded.charAt(i);
            int cp = ch < 0x80 ? ch : folded.codePointAt(i);
            if (isSpace(cp)) {
                if (run >= 0) {
                    out.append(folded, run, i);
                    run = -1;
                }
                pendingSpace = out.length() > start;
            } else if (run < 0) {
                if (pendingSpace) {
                    out.append(' ');
                    pendingSpace = false;
                }
                run = i;
            }
            i += Character.charCount(cp);
        }
        if (run >= 0) {
            out.append(folded, run, n);
        }
    }

    /**
     * {@code Character.isWhitespace(cp) || Character.isSpaceChar(cp)}, answered without the character tables below
     * U+1680 (the first such code point past U+00A0), where most of every script's letters are.
     */
    private static boolean isSpace(int cp) {
        if (cp < 0x80) {
            // ASCII, most of any text: Character.isWhitespace's ASCII members (isSpaceChar adds none there)
            return cp == ' ' || (cp >= '\t' && cp <= '\r') || (cp >= 0x1C && cp <= 0x1F);
        }
        if (cp < 0x1680) {
            return cp == 0xA0;
        }
        return Character.isWhitespace(cp) || Character.isSpaceChar(cp);
    }

    /** The normalized content of the scope's turns, each as {@code <role>: <text>} on its own line. */
    public String exactContent(Conversation c) {
        List<Turn> turns = select(c);
        return exactContentOfFolded(turns, turns.stream().map(t -> fold(t.text())).toList(), pairShape(c));
    }

    /**
     * The shape of the pair whose answers {@link #select} includes, or null. A pair's answers are marked
     * ({@code chosen assistant: ...}), so a pair is never the duplicate of a conversation holding the same turns,
     * nor of the pair with its answers swapped (which prefers the other answer).
     */
    Preference pairShape(Conversation c) {
        return scope == DedupConfig.Scope.CONVERSATION ? c.preference() : null;
    }

    static String exactContentOfFolded(List<Turn> turns, List<String> folded, Preference pair) {
        int capacity = 0;
        for (String f : folded) {
            capacity += f.length() + 24; // "rejected assistant: " and the line break
        }
        StringBuilder out = new StringBuilder(capacity);
        for (int i = 0; i < turns.size(); i++) {
            if (pair != null && i >= pair.chosenStart()) {
                out.append(i >= pair.rejectedStart() ? "rejected " : "chosen ");
            }
            out.append(turns.get(i).role().wireName()).append(": ");
            collapse(folded.get(i), out);
            out.append('\n');
        }
        return out.toString();
    }

    /** The 128-bit fingerprint of {@link #exactContent(Conversation)}. */
    public Fingerprint fingerprint(Conversation c) {
        return fingerprintOf(exactContent(c));
    }

    static Fingerprint fingerprintOf(String content) {
        byte[] d = sha256().digest(content.getBytes(StandardCharsets.UTF_8));
        long hi = 0;
        long lo = 0;
        for (int i = 0; i < 8; i++) {
            hi = (hi << 8) | (d[i] & 0xFF);
            lo = (lo << 8) | (d[i + 8] & 0xFF);
        }
        return new Fingerprint(hi, lo);
    }

    // Looking SHA-256 up by name walks the security providers each time; a clone of one instance does not.
    private static final MessageDigest SHA256 = lookUpSha256();

    private static MessageDigest sha256() {
        try {
            return (MessageDigest) SHA256.clone();
        } catch (CloneNotSupportedException e) {
            return lookUpSha256();
        }
    }

    private static MessageDigest lookUpSha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform provides SHA-256", e);
        }
    }
}
