package dev.colloquy.signals;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class PiiScannerTest {

    // Pieces that make matches, near misses and their neighbours meet: separators, digits of every count,
    // letters before and after, version words, colons for IPv6 and times, JSON punctuation.
    private static final String[] PIECES = {
        "4111 1111 1111 1111", "5500-0000-0000-0004", "3782 822463 10005", "4012888888881881", "+49 30 1234567",
        "+1 (555) 123-4567", "(030) 1234-5678", "555-123-4567", "06 12 34 56 78", "192.168.1.20", "10.4.12.1",
        "2001:db8::ff00:42:8329", "fe80:0:0:0:200:f8ff:fe21:67cf", "12:30:45", "2024-03-05", "05.03.2024",
        "version ", "release ", "v", "a", "Ж", "😀", " ", "-", ".", ",", "+", "(", ")", ":", "::", "/", "\"", "@",
        "bug-tar@gnu.org", "https://alice:s3cret@git.example.org/repo.git", "{\"id\":\"gen-000000005\",", "0",
        "7", "12", "123", "1234", "98765", "\\n", "ab:cd", "x1.2.3.4", "a.b_c%d+e@mail.example.com", "@@",
        "x_", "%", "Jürgen.Groß@example.de", "𝒜𝒷", "0123 456 789", "030 12345678", "/", "\t", "(0)", "1.2.3.4.5",
        "255.255.255.255", "mail.example.com", "user@localhost", "_@a.io", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"};

    static IntStream seeds() {
        return IntStream.range(0, 1000);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void searchingOnlyTheDigitRunsFindsWhatSearchingTheWholeTextFinds(int seed) {
        Random random = new Random(20261206L * 31 + seed);
        StringBuilder text = new StringBuilder();
        int pieces = 1 + random.nextInt(40);
        for (int i = 0; i < pieces; i++) {
            text.append(PIECES[random.nextInt(PIECES.length)]);
        }
        String s = text.toString();
        assertThat(PiiScanner.scan(s)).as(s).isEqualTo(PiiScanner.scan(s, true));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"id\":\"gen-000000005\",\"messages\":[{\"role\":\"user\",\"content\":\"Call +1 (555) 123-4567 now\"}]}",
        "{\"card\":\"4111 1111 1111 1111\",\"ip\":\"192.168.1.20\",\"v6\":\"2001:db8::1\"}"})
    void aJsonLineFullOfColonsAndIdsStillHasItsValuesFound(String line) {
        List<PiiScanner.Match> found = PiiScanner.scan(line);
        assertThat(found).isNotEmpty().isEqualTo(PiiScanner.scan(line, true));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "mail b%aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa@example.com now",
        "𝒜𝒜𝒜𝒜𝒜𝒜𝒜𝒜𝒜𝒜𝒜𝒜𝒜𝒜𝒜𝒜𝒜𝒜𝒜𝒜𝒜𝒜𝒜𝒜𝒜𝒜𝒜𝒜𝒜𝒜𝒜𝒜𝒜𝒜𝒜𝒜𝒜𝒜𝒜𝒜𝒜𝒜𝒜𝒜𝒜𝒜𝒜𝒜𝒜𝒜𝒜𝒜𝒜𝒜𝒜𝒜𝒜𝒜𝒜𝒜𝒜𝒜𝒜𝒜𝒜@example.com",
        "a@b@c.example.org, x_y%z@mail.example.com;bob@@example.net and eve@example",
        "https://alice:s3cret@git.example.org/repo.git then alice@example.org"})
    void eachAtSignsWindowFindsWhatTheWholeTextSearchFinds(String text) {
        assertThat(PiiScanner.scan(text)).isEqualTo(PiiScanner.scan(text, true));
    }
}
