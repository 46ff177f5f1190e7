package dev.colloquy.repair;

import java.util.ArrayList;
import java.util.List;

/*
 * C1 control characters (U+0080..U+009F) left in text are bytes 0x80..0x9F that were decoded as
 * latin-1 when the text was windows-1252: nobody types C1 controls. We map each to its
 * windows-1252 character (0x92 -> ’). The five bytes windows-1252 leaves undefined stay as they are.
 * This runs only after no code page explains the line better, so C1 chars that are part of UTF-8
 * mojibake are decoded as such first.
 */
final class C1Controls {

    static final String LAYER = "c1";
    private static final char[] WINDOWS_1252 = new char[32];

    static {
        CodePage page = new CodePage("windows-1252", "windows-1252", 0);
        for (int b = 0x80; b < 0xA0; b++) {
            WINDOWS_1252[b - 0x80] = page.charOf(b);
        }
    }

    private C1Controls() {
    }

    static List<Edit> edits(int[] cps) {
        List<Edit> edits = new ArrayList<>();
        for (int i = 0; i < cps.length; i++) {
            int cp = cps[i];
            if (cp >= 0x80 && cp < 0xA0) {
                char c = WINDOWS_1252[cp - 0x80];
                if (c != cp) {
                    edits.add(new Edit(i, i + 1, new int[] {c}, 0, 3, 1));
                }
            }
        }
        return edits;
    }

}
