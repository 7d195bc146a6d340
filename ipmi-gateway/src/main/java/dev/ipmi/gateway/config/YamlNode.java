package dev.ipmi.gateway.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A YAML document as a tree that remembers the line of every value, so that configuration errors
 * can name the line (Jackson's own tree forgets locations). Duplicate keys are refused while
 * parsing, where the line of the second occurrence is still known.
 */
record YamlNode(Object value, int line, String path, String raw) {

    static YamlNode parse(String text) {
        try (JsonParser p = new YAMLFactory().createParser(text)) {
            JsonToken t = p.nextToken();
            if (t == null) {
                return new YamlNode(Map.of(), 1, "", null);
            }
            return read(p, "");
        } catch (ConfigException e) {
            throw e;
        } catch (IOException e) {
            int line = e instanceof com.fasterxml.jackson.core.JsonProcessingException j && j.getLocation() != null
                    ? j.getLocation().getLineNr() : 0;
            String msg = e instanceof com.fasterxml.jackson.core.JsonProcessingException j
                    ? j.getOriginalMessage() : e.getMessage();
            throw new ConfigException("", line, "not valid YAML: " + msg);
        }
    }

    private static YamlNode read(JsonParser p, String path) throws IOException {
        int line = p.currentTokenLocation().getLineNr();
        JsonToken t = p.currentToken();
        switch (t) {
            case START_OBJECT -> {
                Map<String, YamlNode> map = new LinkedHashMap<>();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String key = p.currentName();
                    int keyLine = p.currentTokenLocation().getLineNr();
                    String child = path.isEmpty() ? key : path + "." + key;
                    if (map.containsKey(key)) {
                        throw new ConfigException(child, keyLine, "duplicate key (first on line "
                                + map.get(key).line() + ")");
                    }
                    p.nextToken();
                    // report a value at its key's line: a nested block starts on the line after it
                    YamlNode v = read(p, child);
                    map.put(key, new YamlNode(v.value(), keyLine, child, v.raw()));
                }
                return new YamlNode(Collections.unmodifiableMap(map), line, path, null);
            }
            case START_ARRAY -> {
                List<YamlNode> list = new ArrayList<>();
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    list.add(read(p, path + "[" + list.size() + "]"));
                }
                return new YamlNode(Collections.unmodifiableList(list), line, path, null);
            }
            case VALUE_NULL -> {
                return new YamlNode(null, line, path, null);
            }
            case VALUE_TRUE, VALUE_FALSE -> {
                return new YamlNode(p.getBooleanValue(), line, path, p.getText());
            }
            case VALUE_NUMBER_INT -> {
                Object v;
                try {
                    v = p.getLongValue();
                } catch (IOException tooLong) {
                    v = p.getText();
                }
                return new YamlNode(v, line, path, p.getText());
            }
            case VALUE_NUMBER_FLOAT -> {
                return new YamlNode(p.getDoubleValue(), line, path, p.getText());
            }
            default -> {
                return new YamlNode(p.getText(), line, path, p.getText());
            }
        }
    }

    boolean isMap() {
        return value instanceof Map;
    }

    @SuppressWarnings("unchecked")
    Map<String, YamlNode> map() {
        if (!(value instanceof Map)) {
            throw error("expected a mapping (key: value)");
        }
        return (Map<String, YamlNode>) value;
    }

    @SuppressWarnings("unchecked")
    List<YamlNode> list() {
        if (!(value instanceof List)) {
            throw error("expected a list");
        }
        return (List<YamlNode>) value;
    }

    String text() {
        if (value == null || value instanceof Map || value instanceof List) {
            throw error("expected a text value");
        }
        // as written: a digits-only hash like 0123... must not become the number 123
        return raw;
    }

    long number(long min, long max) {
        long n;
        if (value instanceof Long l) {
            n = l;
        } else {
            try {
                n = Long.parseLong(text().trim());
            } catch (NumberFormatException e) {
                throw error("expected a whole number, found '" + value + "'");
            }
        }
        if (n < min || n > max) {
            throw error("must be " + min + ".." + max + ", found " + n);
        }
        return n;
    }

    boolean bool() {
        if (value instanceof Boolean b) {
            return b;
        }
        throw error("expected true or false, found '" + value + "'");
    }

    ConfigException error(String problem) {
        return new ConfigException(path, line, problem);
    }
}
