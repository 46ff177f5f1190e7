package dev.colloquy.repair;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.Charset;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Lines whose only damage is lost bytes have no strict evidence; they are repaired where the damaged char stands
 * where clean text does not put it (an upper-case lead inside a lower-case word, a lone one before the space its
 * no-break space became, {@code â€} of a quote cut short) and the character model clearly prefers the filling.
 */
class LossyOnlyRepairTest {

    private static final TextRepairer ENGINE = TextRepairer.defaults();

    @ParameterizedTest(name = "{1}: {0}")
    @CsvSource(delimiter = '|', value = {
            // á lost its 0xA1 (undefined in windows-1257): pĆginas
            "rango de páginas inválido %s|windows-1257",
            // ă lost its 0x83 (undefined in windows-1250), at the end of a word: EmuleazÄ
            "Emulează clic mijlociu|windows-1250",
            // š and í under windows-1257, inside and at the end of a word
            "novit hašovací kolize|windows-1257",
            // à whose no-break space (A0) became a space: verrÃ  riavviato
            "il servizio \"%s\" verrà riavviato|windows-1252",
            // à alone: Ã and two spaces
            "champs à ignorer|windows-1252",
            // „ and ” lost 9E and 9D (both undefined in windows-1254): â€--format=sysvâ€
            "To samo, co „--format=sysv”|windows-1254",
            // German „…“ under windows-1255 and -1253, both quotes cut short
            "Die „make“-Steuerdatei „%s“ wurde nicht gefunden|windows-1255",
            "Verzeichnis „%s“ ist neu.|windows-1253",
            // a lead of a script without case glued to a lower-case word: ß lost its 0x9F under windows-1255 and
            // left the Hebrew point ֳ (C3); à its no-break space under windows-1256, leaving the Arabic أ (C3)
            "Wert von '%s' außerhalb des Bereichs: %d|windows-1255",
            "impossibile usare un pacchetto ESK simmetrico a causa della modalità S2K|windows-1256",
    })
    void restoresALineWhoseOnlyDamageIsLostBytes(String original, String page) {
        String mangled = LossyRepairTest.mangle(original, Charset.forName(page));
        assertThat(mangled).isNotEqualTo(original);

        RepairResult r = ENGINE.repair(mangled);

        assertThat(r.text()).isEqualTo(original);
        assertThat(r.repairs()).extracting(Repair::kind).containsOnly("lossy_mojibake");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            // capitals inside words in camelCase identifiers: no filling makes a likelier word
            "getÄnderungen und setÖffnungszeit", "МинОбороны и ВКонтакте", "ΥπουργείοΠαιδείας",
            "the iPhoneÅ model", "Ä  Ö  Ü are umlauts", "eÉtude", "Ångström and ÅSA", "McÄrthur", "deÑo",
            // letters of scripts without case beside Latin words, and a Vietnamese tone written as a combining mark
            // (U+0309 is D2 under windows-1258, but belongs to no script of its own)
            "הקובץ config.yamlנמחק", "ملف README.mdأ", "Thu\u0309 đô",
    })
    void leavesCleanTextWithCapitalsInsideWordsAlone(String clean) {
        RepairResult r = ENGINE.repair(clean);

        assertThat(r.text()).isEqualTo(clean);
        assertThat(r.repairs()).isEmpty();
        assertThat(r.unresolved()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"rango de pĆginas invĆlido %s", "To samo, co â€--format=sysvâ€"})
    void theGateSendsSuchLinesToTheSlowPath(String damaged) {
        assertThat(MojibakeScan.mayHoldMojibake(damaged)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            // a Greek capital after a Latin letter: under windows-1253 no filling of it is a lower-case Latin
            // letter followed by Greek (Η, Δ, Π would lead to Latin Extended or Cyrillic)
            "%sΗμερομηνία:      %s", "%s%sΆγνωστο σήμα %d", "%%sΠαρακαλώ υποβάλετε την αναφορά",
            // Greek's article before two spaces: Η and 0xA0 make Ǡ, a capital
            "Η  GtkAdjustment που περιέχει την τρέχουσα τιμή",
    })
    void theGatePassesCleanLinesWhereNoLossyOnlyFillingCouldStand(String clean) {
        assertThat(MojibakeScan.mayHoldMojibake(clean)).isFalse();
        assertThat(ENGINE.repair(clean).text()).isEqualTo(clean);
    }
}
