package dev.colloquy.repair;

/*
 * The fast path: proves a text clean without any decoding attempt.
 *
 * Mojibake of a multi-byte UTF-8 char under a single-byte code page always shows a char whose byte
 * is a UTF-8 lead followed by a char whose byte is a continuation, in that same code page; the
 * precomputed masks in CodePages answer "is there a code page where this pair is lead+continuation"
 * with one AND. C1 controls are the other trace. ASCII, CJK, Hangul, emoji and most correct text in
 * any script never hit either test, so they cost one pass over the chars.
 */
final class MojibakeScan {

    private MojibakeScan() {
    }

    static boolean mayHoldMojibake(CharSequence text) {
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                continue;
            }
            if (c < 0xA0) {
                return true;
            }
            int lead = CodePages.leadMask(c);
            if (lead != 0 && i + 1 < n && (lead & CodePages.contMask(text.charAt(i + 1))) != 0) {
                return true;
            }
        }
        return false;
    }

    /** The code pages (bit mask over {@link CodePages#ALL}) that could explain some lead+continuation pair. */
    static int candidatePages(int[] cps) {
        int mask = 0;
        for (int i = 0; i + 1 < cps.length; i++) {
            int c = cps[i];
            int d = cps[i + 1];
            if (c < 0x80 || c > 0xFFFF || d > 0xFFFF) {
                continue;
            }
            mask |= CodePages.leadMask((char) c) & CodePages.contMask((char) d);
        }
        return mask;
    }
}
