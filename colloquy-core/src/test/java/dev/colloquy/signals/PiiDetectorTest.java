package dev.colloquy.signals;

import static org.assertj.core.api.Assertions.assertThat;

import dev.colloquy.model.Conversation;
import dev.colloquy.model.Turn;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PiiDetectorTest {

    private final PiiDetector step = new PiiDetector();

    private List<Pii> found(String text) {
        return Fixtures.kept(step, Fixtures.dialogue(text)).turns().get(0).findings(Pii.class);
    }

    private static String covered(String text, Pii p) {
        return text.substring(text.offsetByCodePoints(0, p.start()), text.offsetByCodePoints(0, p.end()));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Report bugs to bug-tar@gnu.org, please.|EMAIL|bug-tar@gnu.org",
        "Schreiben Sie an jürgen.müller+debian@example.co.uk bitte.|EMAIL|jürgen.müller+debian@example.co.uk",
        "Call me at +49 30 1234567 tomorrow.|PHONE|+49 30 1234567",
        "Call +1 (555) 123-4567 now|PHONE|+1 (555) 123-4567",
        "Office: (030) 1234-5678.|PHONE|(030) 1234-5678",
        "US office 555-123-4567 today|PHONE|555-123-4567",
        "Appelez le 06 12 34 56 78 demain.|PHONE|06 12 34 56 78",
        "The server listens on 192.168.1.20 port 80.|IP_ADDRESS|192.168.1.20",
        "Use 2001:db8::ff00:42:8329 as the address.|IP_ADDRESS|2001:db8::ff00:42:8329",
        "Full fe80:0:0:0:200:f8ff:fe21:67cf here|IP_ADDRESS|fe80:0:0:0:200:f8ff:fe21:67cf",
        "Card 4111 1111 1111 1111 expired.|CREDIT_CARD|4111 1111 1111 1111",
        "Card 5500-0000-0000-0004 expired.|CREDIT_CARD|5500-0000-0000-0004",
        "Amex 3782 822463 10005 ok|CREDIT_CARD|3782 822463 10005",
        "Card 4012888888881881 ok|CREDIT_CARD|4012888888881881",
        "Clone https://alice:s3cret@git.example.org/repo.git now|URL_CREDENTIALS|https://alice:s3cret@git.example.org"
    })
    void findsPersonalData(String text, PiiKind kind, String value) {
        List<Pii> found = found(text);
        assertThat(found).hasSize(1);
        assertThat(found.get(0).kind()).isEqualTo(kind);
        assertThat(covered(text, found.get(0))).isEqualTo(value);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Released on 2024-03-05 at 12:30:45.",
        "Le 05.03.2024 et le 3/5/24.",
        "Upgrade from version 1.2.3 to 10.4.12 now.",
        "Upgrade to version 10.4.12.1 now.",
        "The year 1984 had 365 days and 8760 hours.",
        "Order number 1234567890123 shipped.",
        "Card 4111 1111 1111 1112 fails the Luhn check.",
        "Card 4444 4444 4444 4444 repeats one digit.",
        "Use std::vector and a::b in C++.",
        "Version v1.2.3.4 is out.",
        "Ratio 12:30 and 1:2:3.",
        "ISBN 978-3-16-148410-0 is a book.",
        "See https://example.org/path?q=1 for details.",
        "Mention @alice on the forum.",
        "Coordinates 52.5200, 13.4050 in Berlin."
    })
    void leavesDatesVersionsAndPlainNumbersAlone(String text) {
        assertThat(found(text)).isEmpty();
    }

    @Test
    void countsSpansInCodePoints() {
        String text = "😀😀 mail bug-tar@gnu.org";
        Pii p = found(text).get(0);
        assertThat(p.start()).isEqualTo(8);
        assertThat(covered(text, p)).isEqualTo("bug-tar@gnu.org");
    }

    @Test
    void findsNothingInTheSeed() {
        Conversation c = Fixtures.kept(step, Fixtures.seed());
        assertThat(c.turns()).allMatch(t -> t.findings(Pii.class).isEmpty());
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 42, 4711})
    void neverThrowsOnRandomInputAndKeepsSpansInsideTheText(long seed) {
        Random rnd = new Random(seed);
        for (int k = 0; k < 100; k++) {
            for (Turn t : Fixtures.kept(step, Fixtures.randomConversation(rnd)).turns()) {
                int cps = t.text().codePointCount(0, t.text().length());
                for (Pii p : t.findings(Pii.class)) {
                    assertThat(p.start()).as("seed %d", seed).isBetween(0, p.end() - 1);
                    assertThat(p.end()).as("seed %d", seed).isLessThanOrEqualTo(cps);
                }
            }
        }
    }

    @ParameterizedTest
    @CsvSource({"4111111111111111,true", "4111111111111112,false", "79927398713,true", "79927398710,false"})
    void checksLuhnDigits(String digits, boolean valid) {
        assertThat(PiiScanner.luhn(digits)).isEqualTo(valid);
    }
}
