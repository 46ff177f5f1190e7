package dev.colloquy.repair;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The compact quadrigram table reads Lingua's JSON and answers within its byte quantization (1/16 nat). */
class QuadrigramTableTest {

    private static QuadrigramTable parse(String json) {
        return QuadrigramTable.parse(json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void readsEachQuadrigramWithTheProbabilityItsFractionGives() {
        QuadrigramTable table = parse("{\"language\":\"RUSSIAN\",\"ngrams\":{\"1/2\":\"ошиб шибк\",\"3/100\":\"оска\"}}");

        assertThat(table.size()).isEqualTo(3);
        assertThat(table.get('о', 'ш', 'и', 'б')).isCloseTo(0.5, within(0.5 * 0.04));
        assertThat(table.get('ш', 'и', 'б', 'к')).isCloseTo(0.5, within(0.5 * 0.04));
        assertThat(table.get('о', 'с', 'к', 'а')).isCloseTo(0.03, within(0.03 * 0.04));
    }

    @Test
    void aQuadrigramNotInTheTableIsZero() {
        QuadrigramTable table = parse("{\"ngrams\":{\"1/2\":\"ошиб\"}}");

        assertThat(table.get('о', 'с', 'и', 'б')).isZero();
        assertThat(table.get('б', 'и', 'ш', 'о')).isZero();
        assertThat(QuadrigramTable.EMPTY.get('a', 'b', 'c', 'd')).isZero();
    }

    @Test
    void readsSupplementaryCodePointsAndSkipsNgramsOfAnotherLength() {
        QuadrigramTable table = parse("{\"ngrams\":{\"1/4\":\"\uD840\uDC00abc abc abcde\"}}");

        assertThat(table.size()).isEqualTo(1);
        assertThat(table.get(0x20000, 'a', 'b', 'c')).isCloseTo(0.25, within(0.25 * 0.04));
    }

    @Test
    void loadsLinguasRussianModel() {
        QuadrigramTable russian = new LinguaNgrams().quadrigramTable("ru");

        assertThat(russian.size()).isGreaterThan(50_000);
        assertThat(russian.get('о', 'ш', 'и', 'б')).isGreaterThan(russian.get('о', 'с', 'и', 'б'));
        assertThat(new LinguaNgrams().quadrigramTable("el")).isSameAs(QuadrigramTable.EMPTY);
    }
}
