package dev.colloquy.bench;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.Optional;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class DamageTest {

    private static final String TEXT = "Größe der Datei „%s“ ist ungültig";
    private static final String PARTNER = "Die Übertragung wurde abgebrochen";

    @ParameterizedTest
    @EnumSource(Damage.class)
    void damagesEveryNonCleanFamilyAndKeepsTheOriginal(Damage family) {
        DamageCase c = family.apply("de", TEXT, PARTNER, new Random(7)).orElseThrow();
        assertThat(c.family()).isEqualTo(family);
        assertThat(c.original()).contains(TEXT);
        if (family == Damage.CLEAN) {
            assertThat(c.corrupted()).isEqualTo(c.original());
        } else {
            assertThat(c.corrupted()).isNotEqualTo(c.original());
        }
    }

    @Test
    void isDeterministicForOneSeed() {
        for (Damage family : Damage.values()) {
            assertThat(family.apply("de", TEXT, PARTNER, new Random(42)))
                    .isEqualTo(family.apply("de", TEXT, PARTNER, new Random(42)));
        }
    }

    @Test
    void keepsOneSentenceIntactInPartialDamage() {
        DamageCase c = Damage.PARTIAL.apply("de", TEXT, PARTNER, new Random(3)).orElseThrow();
        assertThat(c.corrupted()).satisfiesAnyOf(s -> assertThat(s).startsWith(TEXT), s -> assertThat(s).endsWith(TEXT));
    }

    @Test
    void turnsWindows1252PunctuationIntoC1Controls() {
        assertThat(Damage.C1.apply("de", TEXT, PARTNER, new Random(1)).map(DamageCase::corrupted))
                .contains("Größe der Datei \u0084%s\u0093 ist ungültig");
    }

    @Test
    void reportsNothingWhenAFamilyCannotDamageTheText() {
        assertThat(Damage.C1.apply("de", "plain words only", PARTNER, new Random(1))).isEqualTo(Optional.empty());
        assertThat(Damage.SINGLE.apply("en", "plain ascii text", PARTNER, new Random(1))).isEmpty();
    }

    @Test
    void namesTheLostBytesInTheLossyChain() {
        DamageCase c = Damage.LOSSY.apply("zh", "关于这个话题，你怎么想的？", PARTNER, new Random(5)).orElseThrow();
        assertThat(c.chain()).matches("utf-8 read as \\S+, \\d+ bytes? lost");
    }
}
