package dev.colloquy.repair;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.Charset;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Lines whose only damage is lost bytes have no strict evidence; they are repaired where the damaged char stands
 * where clean text does not put it (an upper-case lead inside a lower-case word, a lone one before the space its
 * no-break space became, {@code â€} of a quote cut short, a lead of a script without case glued to a lower-case
 * word, a Latin capital foreign to the line's languages at a word's start) and the character model clearly prefers
 * the filling.
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
            // a word's first letter cut short, read as a capital foreign to the line's languages, on a line damaged
            // elsewhere (sĆg): á lost its 0xA1 (undefined in windows-1257) twice, Ćbrázolása
            "Modern kori rabszolgaság ábrázolása|windows-1257",
            // ê lost its 0xAA and Ü its 0x9C (both undefined in windows-1253): the lead C3 reads as the Greek Γ,
            // glued before a Latin word, where clean text puts no Greek capital
            "Le fichier doit être lisible|windows-1253",
            "Über diese Anwendung|windows-1253",
            // î lost its 0xAE (undefined in ISO-8859-7); í its soft hyphen after the word's first capital: PΓxel
            "Valoarea nu este un întreg pozitiv|iso-8859-7",
            "Los Píxeles por pulgada|windows-1253",
            // a word of two letters whose second lost a byte: ă (C4 83), å (C3 A5 under windows-1257, A5
            // undefined), š (C5 A1)
            "Fisierul nu trebuie să fie gol|windows-1250",
            "Filen finns redan på disken|windows-1257",
            "Paleiskite programa iš naujo|windows-1257",
            // a no-break space (C2 A0) whose A0 became a space, glued to a word where typography puts one: before
            // French punctuation (Ā, Â: C2 under windows-1257, -1254) and after a Polish one-letter word (Β, -1253)
            "Erreur lors de la fermeture du fichier\u00A0: %s|windows-1257",
            "%s\u00A0: impossible de supprimer %s|windows-1254",
            "Liczba kolumn w\u00A0tabeli|windows-1253",
    })
    void restoresALineWhoseOnlyDamageIsLostBytes(String original, String page) {
        assertThat(restored(original, page).repairs()).extracting(Repair::kind).containsOnly("lossy_mojibake");
    }

    /** The repair of {@code original} mis-read under {@code page} with its undefined bytes lost, checked to restore it. */
    private static RepairResult restored(String original, String page) {
        String mangled = LossyRepairTest.mangle(original, Charset.forName(page));
        assertThat(mangled).isNotEqualTo(original);

        RepairResult r = ENGINE.repair(mangled);

        assertThat(r.text()).isEqualTo(original);
        return r;
    }

    @ParameterizedTest(name = "{1}: {0}")
    @CsvSource(delimiter = '|', value = {
            // beside other mojibake of the same page: å, á and š lost their 0xA5 and 0xA1 under windows-1257
            "online-backup avbröts, återställning kan inte fortsätta|windows-1257",
            "É necessária autenticação para alterar a senha da área home de um usuário.|windows-1257",
            // a word's second letter after its first capital: VĆlasszon, IÅplėtimo
            "Válasszon egy mappát lentebb|windows-1257",
            "Išplėtimo žymės tekstas|windows-1257",
    })
    void restoresAWordWhoseFirstLettersLostAByte(String original, String page) {
        assertThat(restored(original, page).repairs()).extracting(Repair::kind).contains("lossy_mojibake");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            // capitals inside words in camelCase identifiers: no filling makes a likelier word
            "getÄnderungen und setÖffnungszeit", "МинОбороны и ВКонтакте", "ΥπουργείοΠαιδείας",
            "the iPhoneÅ model", "Ä  Ö  Ü are umlauts", "eÉtude", "Ångström and ÅSA", "McÄrthur", "deÑo",
            // letters of scripts without case beside Latin words, and a Vietnamese tone written as a combining mark
            // (U+0309 is D2 under windows-1258, but belongs to no script of its own)
            "הקובץ config.yamlנמחק", "ملف README.mdأ", "Thu\u0309 đô",
            // capitals that start words of the line's languages (a filling of Å or Ä is no likelier a letter there),
            // also in a sentence of another language inside a line
            "Ålder där VACUUM skall skanna hela tabellen för att frysa tupler.",
            "äte Berläşkän Ğäräp Ämirlekläre Berläşkä", "Äpfel und Birnen, Ärger und Öl",
            "Voľba jazyka vstupného súboru: ☕… Ålder där VACUUM skall skanna hela tabellen för att frysa tupler. Vypísať krátky návod",
            // Greek and Cyrillic capitals before Latin letters in clean text: formulas, units, names
            "Die Änderung Δt beträgt Δx geteilt durch Δy", "la somme Σn des termes et Γn la fonction gamma",
            "Widerstand in Ωm und Ωcm", "Фotka и Шkoda", "Οi mesures ΔΕΗsa",
            // a two-letter word of a lower-case and a capital, in a format and in a product name
            "%sΒ : version", "le modèle xÅ de la marque",
            // a capital of the word's own script before a space: the Russian unit кВ (windows-1251 C2, as C2 A0 is a
            // no-break space), where French puts one and after a one-letter word
            "линия 10 кВ и 35 кВ: сети", "the aÅ model", "ein aÄ und oÖ", "la variable sÄ est",
    })
    void leavesCleanTextWithCapitalsInsideWordsAlone(String clean) {
        RepairResult r = ENGINE.repair(clean);

        assertThat(r.text()).isEqualTo(clean);
        assertThat(r.repairs()).isEmpty();
        assertThat(r.unresolved()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            // clean text puts capitals at a word's start: where that is the line's only trace of damage, the gate
            // passes the line (Über and šeima under windows-1257 stay Ćber and Åeima)
            "Arithmetischer Ćberlauf beim Konvertieren von %s Tagen in deren Sekundenanzahl.", "Nepalaikoma lizdo Åeima",
    })
    void leavesAWordStartWhoseLineShowsNoOtherDamage(String damaged) {
        assertThat(MojibakeScan.mayHoldMojibake(damaged)).isFalse();
        assertThat(ENGINE.repair(damaged).text()).isEqualTo(damaged);
    }

    @ParameterizedTest
    @ValueSource(strings = {"rango de pĆginas invĆlido %s", "To samo, co â€--format=sysvâ€",
            "VĆlasszon egy", "giأ  un segnalibro", "du fichierĀ : %s", "kolumn wΒ tabeli", "auֳerhalb des Bereichs", "doit Γtre lisible", "Γberlauf"})
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
