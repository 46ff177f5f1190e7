package dev.colloquy.repair;

import org.junit.jupiter.api.Test;

import java.nio.charset.Charset;

import static org.assertj.core.api.Assertions.assertThat;

/** Lost bytes the evidence cannot decide are left as they were and reported; decided ones are filled. */
class UndecidedFillingTest {

    private static final TextRepairer ENGINE = TextRepairer.defaults();

    @Test
    void leavesAndReportsALetterWhoseLostByteTwoLettersExplainAlike() {
        // σ is CF 83 and ρ is CF 81: windows-1250 leaves both 0x83 and 0x81 undefined, so "Ď" reads either letter,
        // and Lingua has only unigrams for Greek, which rate σ and ρ alike
        String original = "Εύρεση και _αντικατάσταση";
        String mangled = LossyRepairTest.mangle(original, Charset.forName("windows-1250"));

        RepairResult r = ENGINE.repair(mangled);

        // the decided damage is repaired, the undecided letters stay as the input had them
        assertThat(r.text()).isEqualTo("ΕύĎεĎη και _αντικατάĎταĎη");
        assertThat(r.unresolved()).hasSize(4);
        for (UnresolvedSpan u : r.unresolved()) {
            assertThat(r.text().codePoints().skip(u.offset()).limit(u.length()).toArray())
                    .isEqualTo("Ď".codePoints().toArray());
            assertThat(u.text()).isEqualTo("Ď");
            assertThat(u.candidates()).containsExactlyInAnyOrder("σ", "ρ");
            assertThat(u.reason()).contains("windows-1250").contains("byte lost");
            assertThat(u.type()).isEqualTo("mojibake_unresolved");
        }
        assertThat(r.unresolved().get(0).offset()).isEqualTo(2);
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
