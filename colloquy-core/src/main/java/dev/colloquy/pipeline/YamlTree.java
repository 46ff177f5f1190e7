package dev.colloquy.pipeline;

import dev.colloquy.step.YamlBoolean;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads YAML into a {@link ConfigNode} tree that remembers lines. Jackson's tree model drops token locations,
 * so this walks the streaming parser itself; the YAML parser reports 1-based lines per token.
 */
final class YamlTree {

    /**
     * The most characters a pipeline file may hold. Real ones are a few KiB; the YAML parser's own limit (3 MiB
     * of code points) does not count comments, and a 30 MB comment took it 242 s and 1.6 GB.
     */
    static final int MAX_CHARS = 1 << 20;

    private final String file;

    YamlTree(String file) {
        this.file = file;
    }

    ConfigNode read(Reader in) {
        try (JsonParser p = new YAMLFactory().createParser(new Capped(in))) {
            JsonToken t = p.nextToken();
            if (t == null) {
                throw ConfigException.at(file, 0, "the file is empty");
            }
            return node(p);
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            throw ConfigException.at(file, line, "not valid YAML: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new ConfigException(file + ": cannot read: " + e.getMessage());
        }
    }

    private ConfigNode node(JsonParser p) throws IOException {
        int line = p.currentTokenLocation().getLineNr();
        JsonToken t = p.currentToken();
        switch (t) {
            case START_OBJECT -> {
                Map<String, ConfigNode> entries = new LinkedHashMap<>();
                Map<String, Integer> lines = new LinkedHashMap<>();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String key = p.currentName();
                    int keyLine = p.currentTokenLocation().getLineNr();
                    if (entries.containsKey(key)) {
                        throw ConfigException.at(file, keyLine, "duplicate key '" + key + "'");
                    }
                    p.nextToken();
                    entries.put(key, node(p));
                    lines.put(key, keyLine);
                }
                return new ConfigNode.Mapping(entries, lines, line);
            }
            case START_ARRAY -> {
                List<ConfigNode> items = new ArrayList<>();
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    items.add(node(p));
                }
                return new ConfigNode.Seq(items, line);
            }
            case VALUE_STRING -> {
                return new ConfigNode.Scalar(p.getText(), line);
            }
            case VALUE_NUMBER_INT -> {
                return new ConfigNode.Scalar(p.getLongValue(), line);
            }
            case VALUE_NUMBER_FLOAT -> {
                return new ConfigNode.Scalar(p.getDoubleValue(), line);
            }
            case VALUE_TRUE, VALUE_FALSE -> {
                // YAML 1.1 reads yes/no/on/off (any case) as booleans; keep the word so that a key wanting
                // text (dedup.mode: off, languages: [no]) gets what the user wrote.
                return new ConfigNode.Scalar(new YamlBoolean(t == JsonToken.VALUE_TRUE, p.getText()), line);
            }
            case VALUE_NULL -> {
                return new ConfigNode.Scalar(null, line);
            }
            default -> throw ConfigException.at(file, line, "unsupported YAML construct " + t);
        }
    }

    /** Stops reading past {@link #MAX_CHARS}, whatever the text holds (comments included). */
    private final class Capped extends java.io.FilterReader {
        private long read;

        Capped(Reader in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int c = super.read();
            count(c < 0 ? 0 : 1);
            return c;
        }

        @Override
        public int read(char[] buf, int off, int len) throws IOException {
            int n = super.read(buf, off, len);
            count(Math.max(0, n));
            return n;
        }

        private void count(int n) {
            read += n;
            if (read > MAX_CHARS) {
                throw new ConfigException(String.format(java.util.Locale.ROOT, "%s: the pipeline file is over %,d"
                        + " characters, the most a pipeline file may hold (is this the right file?)", file, MAX_CHARS));
            }
        }
    }
}
