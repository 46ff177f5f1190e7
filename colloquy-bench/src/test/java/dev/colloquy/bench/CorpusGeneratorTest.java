package dev.colloquy.bench;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class CorpusGeneratorTest {

    static TextPools pools() {
        List<String> prose = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            prose.add("Line " + i + " of the documentation explains how the tool " + (i % 7 == 0 ? "“quotes” things" : "works") + " here.");
        }
        return new TextPools(prose, List.of("How do I configure the daemon to start at boot?"),
                List.of("Enable the unit with systemctl and check its status after the next reboot."),
                Map.of("de", List.of("Die Datei „%s“ konnte nicht geöffnet werden", "Größe der Übertragung ist ungültig",
                        "Bitte überprüfen Sie die Einstellungen"), "ru", List.of("Не удалось открыть файл «%s»",
                        "Неверный размер передачи данных", "Проверьте настройки сервера")));
    }

    @Test
    void generatesTheSameRecordsForTheSameSeed() {
        CorpusGenerator a = new CorpusGenerator(pools(), 11);
        CorpusGenerator b = new CorpusGenerator(pools(), 11);
        for (int i = 0; i < 2000; i++) {
            assertThat(a.next()).isEqualTo(b.next());
        }
    }

    @Test
    void plantsEveryDefectNearItsShare() {
        CorpusGenerator g = new CorpusGenerator(pools(), 5);
        Map<Defect, Integer> counts = new EnumMap<>(Defect.class);
        int n = 20_000;
        for (int i = 0; i < n; i++) {
            counts.merge(g.next().defect(), 1, Integer::sum);
        }
        for (Defect d : Defect.values()) {
            assertThat(counts.getOrDefault(d, 0) / (double) n).as(d.name()).isCloseTo(d.share(), org.assertj.core.data.Offset.offset(0.01));
        }
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3})
    void copiesTheTurnsOfTheRecordAnExactDuplicateNames(long seed) {
        CorpusGenerator g = new CorpusGenerator(pools(), seed);
        Map<String, CorpusGenerator.Planted> seen = new HashMap<>();
        int checked = 0;
        for (int i = 0; i < 8_000; i++) {
            CorpusGenerator.Planted p = g.next();
            seen.put(p.chat().id(), p);
            if (p.defect() == Defect.EXACT_DUPLICATE) {
                assertThat(p.chat().turns()).isEqualTo(seen.get(p.of()).chat().turns());
                assertThat(p.chat().id()).isNotEqualTo(p.of());
                checked++;
            } else if (p.defect() == Defect.NEAR_DUPLICATE) {
                assertThat(p.chat().turns()).isNotEqualTo(seen.get(p.of()).chat().turns());
                assertThat(p.chat().turns()).hasSameSizeAs(seen.get(p.of()).chat().turns());
            }
        }
        assertThat(checked).isPositive();
    }

    @Test
    void sharesOnlyTheFirstUserTurnWithALookAlike() {
        CorpusGenerator g = new CorpusGenerator(pools(), 9);
        Map<String, CorpusGenerator.Planted> seen = new HashMap<>();
        for (int i = 0; i < 8_000; i++) {
            CorpusGenerator.Planted p = g.next();
            seen.put(p.chat().id(), p);
            if (p.defect() == Defect.LOOK_ALIKE) {
                List<Chat.Msg> original = seen.get(p.of()).chat().turns();
                assertThat(p.chat().turns()).isNotEqualTo(original);
                assertThat(p.chat().turns().size()).isGreaterThan(2);
            }
        }
    }
}
