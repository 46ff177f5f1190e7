package dev.colloquy.repair;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** The real sentences of {@code multilingual/sentences.tsv} (see the README beside it). */
record MultilingualSentences(String locale, String catalog, String text) {

    static List<MultilingualSentences> load() {
        List<MultilingualSentences> sentences = new ArrayList<>();
        try (InputStream in = MultilingualSentences.class.getResourceAsStream("/multilingual/sentences.tsv");
             BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                String[] fields = line.split("\t", 3);
                if (fields.length == 3) {
                    sentences.add(new MultilingualSentences(fields[0], fields[1], fields[2]));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return sentences;
    }
}
