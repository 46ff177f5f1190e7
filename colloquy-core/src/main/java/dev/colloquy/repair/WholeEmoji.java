package dev.colloquy.repair;

import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.lang.UProperty;

import java.util.ArrayList;
import java.util.List;

/*
 * Emoji whose four bytes all came through a mis-decoding, each standing as one char: F0 9F xx yy read under a
 * code page. Where the page reads them as letters the Plausibility costs see nothing wrong (windows-1251 рџ‘Ќ for
 * 👍, cp866 ЁЯСН, windows-1250 đź‘Ť: a small letter, an uncommon one, a quote, a capital), so no strict layer is
 * taken, and the emoji pass looks only for emoji cut short. But no clean text spells an emoji's lead and its 9F
 * and then two chars that complete the pictograph (a letter followed by Ÿ, Ё followed by Я, р by џ: the pair itself
 * is already a trace the gate sends to the slow path), so the four chars are the damage and prove their page the
 * way an emoji cut short does (TextRepairer's emojiProven: the line's other sequences that read no worse follow).
 */
final class WholeEmoji {

    private WholeEmoji() {
    }

    /**
     * The complete emoji of {@code cps} under {@code page}: four chars the page reads as F0 9F and two
     * continuations that decode to a pictograph or a skin tone, standing where an emoji stands in chat, not inside a
     * word: after no letter (but the tail of another sequence: an emoji before it, cut short or not) and before none
     * (but the lead of what goes on with an emoji: E2 for a ZWJ or a symbol emoji, EF for its selector, F0 for the
     * next emoji). With them, the ZWJ (E2 80 8D) or selector (EF B8 8F) complete right after an emoji, decoded or
     * standing in the line (a strict layer that decoded 👨 and 👩 leaves the ZWJ between them as cp850's
     * {@code ÔÇì}: an invisible char reads no better than its chars, but here it is the rest of the emoji), and a
     * selector after an emoji cut short (windows-1251 {@code вєпёЏ}, ☺️ that lost its 98: glued to the selector's
     * letters, the emoji's filling looked like part of a word), and a symbol emoji complete before its selector.
     */
    static List<Edit> edits(CodePage page, int[] cps) {
        List<Edit> out = new ArrayList<>();
        // the emoji (or the part that goes on one) just before cps[i], as the line reads after the edits so far
        int previous = -1;
        for (int i = 0; i < cps.length; ) {
            int cp = emojiAt(page, cps, i);
            if (cp >= 0 && emojiPlace(page, cps, i, i + 4)) {
                out.add(new Edit(i, i + 4, new int[] {cp}, 0, 0, 1));
                previous = cp;
                i += 4;
                continue;
            }
            int symbol = symbolEmojiAt(page, cps, i);
            if (symbol >= 0) {
                out.add(new Edit(i, i + 3, new int[] {symbol}, 0, 0, 1));
                previous = symbol;
                i += 3;
                continue;
            }
            int part = partAt(page, cps, i);
            if (part >= 0 && (SymbolPrior.goesOnEmoji(previous, part)
                    || part == 0xFE0F && endsSequence(page, cps, i))) {
                out.add(new Edit(i, i + 3, new int[] {part}, 0, 0, 1));
                previous = part;
                i += 3;
                continue;
            }
            previous = cps[i];
            i++;
        }
        return out;
    }

    /** The pictograph or skin tone F0 9F and two continuations at {@code cps[i]} spell under the page, or -1. */
    private static int emojiAt(CodePage page, int[] cps, int i) {
        int third = LayerDecoder.byteAt(page, cps, i + 2);
        int fourth = LayerDecoder.byteAt(page, cps, i + 3);
        if (LayerDecoder.byteAt(page, cps, i) != 0xF0 || LayerDecoder.byteAt(page, cps, i + 1) != 0x9F
                || !LayerDecoder.isCont(third) || !LayerDecoder.isCont(fourth)) {
            return -1;
        }
        int low = (third & 0x3F) << 6 | fourth & 0x3F;
        return LayerDecoder.isPictograph1F000(low) ? 0x1F000 | low : -1;
    }

    /**
     * The symbol emoji (E2 lead, U+2300 and up) that three chars at {@code cps[i]} spell under the page, when the
     * emoji selector follows it, as itself or as the three chars the page reads EF B8 8F as, or -1: windows-1251
     * reads ❤️ as {@code вќ¤пёЏ}, and no word goes on with the selector's chars ({@code пёЏ}).
     */
    private static int symbolEmojiAt(CodePage page, int[] cps, int i) {
        int second = LayerDecoder.byteAt(page, cps, i + 1);
        int third = LayerDecoder.byteAt(page, cps, i + 2);
        if (LayerDecoder.byteAt(page, cps, i) != 0xE2 || !LayerDecoder.isCont(second) || !LayerDecoder.isCont(third)
                || !(i + 3 < cps.length && cps[i + 3] == 0xFE0F || partAt(page, cps, i + 3) == 0xFE0F)) {
            return -1;
        }
        int cp = 0x2000 | (second & 0x3F) << 6 | third & 0x3F;
        return cp >= 0x2300 && UCharacter.hasBinaryProperty(cp, UProperty.EMOJI) ? cp : -1;
    }

    /** The ZWJ or emoji selector that three chars at {@code cps[i]} spell under the page, or -1. */
    private static int partAt(CodePage page, int[] cps, int i) {
        int a = LayerDecoder.byteAt(page, cps, i);
        int b = LayerDecoder.byteAt(page, cps, i + 1);
        int c = LayerDecoder.byteAt(page, cps, i + 2);
        return a == 0xE2 && b == 0x80 && c == 0x8D ? 0x200D : a == 0xEF && b == 0xB8 && c == 0x8F ? 0xFE0F : -1;
    }

    private static boolean emojiPlace(CodePage page, int[] cps, int start, int end) {
        boolean freeLeft = start == 0 || !isLetterOrMark(cps[start - 1]) || endsSequence(page, cps, start);
        int next = LayerDecoder.byteAt(page, cps, end);
        boolean freeRight = end == cps.length || !Character.isLetter(cps[end])
                || next == 0xE2 || next == 0xEF || next == 0xF0;
        return freeLeft && freeRight;
    }

    /**
     * Whether the chars before {@code cps[end]} are a lead and one to three continuations under the page: the tail
     * of another sequence, decoded or cut short ({@code рџЉ} before {@code рџЋ¬}: 😊 that lost its 98 under
     * windows-1251), not a word (cp866 reads every capital as a continuation: {@code ПРИВЕТЁЯСН} is no emoji's
     * place).
     */
    private static boolean endsSequence(CodePage page, int[] cps, int end) {
        for (int k = end - 1; k >= 0 && k >= end - 4; k--) {
            int b = LayerDecoder.byteAt(page, cps, k);
            if (!LayerDecoder.isCont(b)) {
                return k < end - 1 && b >= 0xC2 && b <= 0xF4;
            }
        }
        return false;
    }

    private static boolean isLetterOrMark(int cp) {
        return Character.isLetter(cp) || Character.getType(cp) == Character.NON_SPACING_MARK;
    }
}
