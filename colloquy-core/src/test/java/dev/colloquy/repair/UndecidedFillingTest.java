package dev.colloquy.repair;

import org.junit.jupiter.api.Test;

import java.nio.charset.Charset;

import static org.assertj.core.api.Assertions.assertThat;

/** Lost bytes the evidence cannot decide are left as they were and reported; decided ones are filled. */
class UndecidedFillingTest {

    private static final TextRepairer ENGINE = TextRepairer.defaults();

    @Test
    void leavesAndReportsAQuoteWhoseLostByteTwoQuotesExplainAlike() {
        // „ is E2 80 9E and ‚ is E2 80 9A: windows-1258 leaves both 0x9E and 0x9A undefined, so "â€" before %s
        // reads either opener, and nothing in the line tells which (the closer “ has its byte and says German)
        String original = "Die Datei „%s“ ist jünger als das davon abhängige Ziel „%s“.";
        String mangled = LossyRepairTest.mangle(original, Charset.forName("windows-1258"));

        RepairResult r = ENGINE.repair(mangled);

        // the decided damage is repaired, the undecided opener stays as the input had it
        assertThat(r.text()).isEqualTo("Die Datei â€%s“ ist jünger als das davon abhängige Ziel â€%s“.");
        assertThat(r.unresolved()).hasSize(2);
        for (UnresolvedSpan u : r.unresolved()) {
            assertThat(r.text().codePoints().skip(u.offset()).limit(u.length()).toArray())
                    .isEqualTo("â€".codePoints().toArray());
            assertThat(u.text()).isEqualTo("â€");
            assertThat(u.candidates()).containsExactlyInAnyOrder("„", "‚");
            assertThat(u.reason()).contains("windows-1258").contains("byte lost");
            assertThat(u.type()).isEqualTo("mojibake_unresolved");
        }
        assertThat(r.unresolved().get(0).offset()).isEqualTo(10);
        // repairing again decides nothing more
        assertThat(ENGINE.repair(r.text()).text()).isEqualTo(r.text());
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
