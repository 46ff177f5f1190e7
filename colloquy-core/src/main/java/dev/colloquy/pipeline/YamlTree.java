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

    private final String file;

    YamlTree(String file) {
        this.file = file;
    }

    ConfigNode read(Reader in) {
        try (JsonParser p = new YAMLFactory().createParser(in)) {
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
}
