package dev.ipmi.testing;

import dev.ipmi.core.wire.Hex;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Loads golden vectors from {@code src/test/resources/vectors/<area>/<name>.hex}.
 *
 * <p>Format: {@code #} starts a comment (every file names the source of its bytes in comments);
 * {@code [section]} lines start a named vector; the lines after it are hex bytes, whitespace and
 * {@code 0x} prefixes ignored. Bytes before the first section belong to section {@code ""}.
 */
public final class Vectors {
    private Vectors() {}

    public static Map<String, byte[]> load(String path) {
        String resource = "/vectors/" + path;
        try (InputStream in = Vectors.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no vector file " + resource + " on the test classpath");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One named section of a vector file. */
    public static byte[] load(String path, String section) {
        byte[] b = load(path).get(section);
        if (b == null) {
            throw new IllegalArgumentException("no section [" + section + "] in " + path);
        }
        return b;
    }

    public static Map<String, byte[]> parse(String text) {
        Map<String, StringBuilder> raw = new LinkedHashMap<>();
        String current = "";
        for (String line : text.split("\n")) {
            String t = line.strip();
            if (t.startsWith("[") && t.endsWith("]")) {
                current = t.substring(1, t.length() - 1).strip();
                raw.putIfAbsent(current, new StringBuilder());
                continue;
            }
            raw.computeIfAbsent(current, k -> new StringBuilder()).append(line).append('\n');
        }
        Map<String, byte[]> out = new LinkedHashMap<>();
        raw.forEach((k, v) -> {
            byte[] b = Hex.parse(v.toString());
            if (!(k.isEmpty() && b.length == 0)) {
                out.put(k, b);
            }
        });
        return out;
    }
}
