package dev.colloquy.repair;

import org.junit.jupiter.api.Test;

import java.nio.charset.Charset;

import static org.assertj.core.api.Assertions.assertThat;

/** Lost bytes the evidence cannot decide are left as they were and reported; decided ones are filled. */
class UndecidedFillingTest {

    private static final TextRepairer ENGINE = TextRepairer.defaults();

    @Test
    void leavesAndReportsALetterWhoseLostByteTwoLettersExplainAlike() {
        // מ is D7 9E and נ is D7 A0: windows-1254 leaves 0x9E undefined and a no-break space (A0) may be deleted too,
        // so the "×" of "לאומית" reads either letter, and the Hebrew bigrams rate "לאומית" and "לאונית" alike
        String original = "המדינה הרב לאומית של בוליביה";
        String mangled = LossyRepairTest.mangle(original, Charset.forName("windows-1254"));

        RepairResult r = ENGINE.repair(mangled);

        // the decided damage is repaired (the first מ of "המדינה", the נ whose A0 became a space), the undecided
        // letter stays as the input had it
        assertThat(r.text()).isEqualTo("המדינה הרב לאו×ית של בוליביה");
        assertThat(r.unresolved()).singleElement().satisfies(u -> {
            assertThat(r.text().codePoints().skip(u.offset()).limit(u.length()).toArray())
                    .isEqualTo("×".codePoints().toArray());
            assertThat(u.offset()).isEqualTo(14);
            assertThat(u.text()).isEqualTo("×");
            assertThat(u.candidates()).containsExactlyInAnyOrder("מ", "נ");
            assertThat(u.reason()).contains("windows-1254").contains("byte lost");
            assertThat(u.type()).isEqualTo("mojibake_unresolved");
        });
        // repairing again decides nothing more
        assertThat(ENGINE.repair(r.text()).text()).isEqualTo(r.text());
    }

    @Test
    void fillsAQuoteTheQuoteThatAnswersItDecides() {
        // „ is E2 80 9E and ‚ is E2 80 9A: windows-1258 leaves both 0x9E and 0x9A undefined, so "â€" before %s
        // reads either opener; the closer “ kept its byte, and it answers „ (German „…“), not ‚ (‚…‘)
        String original = "Die Datei „%s“ ist jünger als das davon abhängige Ziel „%s“.";

        RepairResult r = ENGINE.repair(LossyRepairTest.mangle(original, Charset.forName("windows-1258")));

        assertThat(r.text()).isEqualTo(original);
        assertThat(r.unresolved()).isEmpty();
    }

    @Test
    void fillsPolishQuotesWithThePolishCloser() {
        // Polish writes „…” (CLDR); windows-1254 drops „'s 9E and ”'s 9D, windows-1252 only 9D: the page that can
        // have lost the opener's byte explains the line, and the language picks the closer
        String original = "nie można skrócić obiektu z „%s”";

        RepairResult r = ENGINE.repair(LossyRepairTest.mangle(original, Charset.forName("windows-1254")));

        assertThat(r.text()).isEqualTo(original);
    }

    @Test
    void fillsALostByteTheWordDecides() {
        // я, с in "перенаправлять все запросы" lost 0x8F, 0x81 under windows-1254: only one filling makes a word
        String original = "перенаправлять все запросы HTTP на URL";

        RepairResult r = ENGINE.repair(LossyRepairTest.mangle(original, Charset.forName("windows-1254")));

        assertThat(r.text()).isEqualTo(original);
        assertThat(r.unresolved()).isEmpty();
    }

    @Test
    void keepsTheTwoArgumentResultWithoutUnresolvedSpans() {
        RepairResult r = new RepairResult("x", java.util.List.of());

        assertThat(r.unresolved()).isEmpty();
        assertThat(r.hasFindings()).isFalse();
    }
}
