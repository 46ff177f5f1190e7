package dev.colloquy.bench;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class CatalogSentencesTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Die Datei konnte nicht geöffnet werden|true",
            "Datei öffnen|false",
            "无法打开文件，请检查文件的权限设置是否正确，然后重试|true",
            "Zeile eins und\tzwei mit Tabulator dazwischen|false",
    })
    void keepsSentencesAndDropsLabelsAndControlCharacters(String text, boolean usable) {
        assertThat(CatalogSentences.usable(text)).isEqualTo(usable);
    }

    @Test
    void loadsTheSameShuffledSentencesForTheSameSeed(@TempDir Path root) throws IOException {
        Path dir = Files.createDirectories(root.resolve("de/LC_MESSAGES"));
        Files.write(dir.resolve("a.mo"), MoCatalogTest.catalog(StandardCharsets.UTF_8, "Content-Type: text/plain; charset=UTF-8\n",
                "a", "Die Datei konnte nicht geöffnet werden", "b", "Die Verbindung wurde unterbrochen",
                "c", "Öffnen", "d", "Der Server antwortet nicht mehr"));
        assertThat(CatalogSentences.load(root, "de", 1)).containsExactlyInAnyOrder(
                "Die Datei konnte nicht geöffnet werden", "Die Verbindung wurde unterbrochen", "Der Server antwortet nicht mehr");
        assertThat(CatalogSentences.load(root, "de", 1)).isEqualTo(CatalogSentences.load(root, "de", 1));
        assertThat(CatalogSentences.load(root, "fr", 1)).isEmpty();
    }
}
