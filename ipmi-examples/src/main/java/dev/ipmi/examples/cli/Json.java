package dev.ipmi.examples.cli;

import dev.ipmi.core.types.ByteString;
import dev.ipmi.core.types.Guid;
import dev.ipmi.core.types.OpenEnum;
import dev.ipmi.core.types.PrivilegeLevel;
import java.lang.reflect.RecordComponent;
import java.net.InetAddress;
import java.time.Duration;
import java.util.Collection;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * A minimal JSON writer for the facade's typed results: records become objects (component names as
 * keys, absent optionals as null), open enums {@code {"code":n,"name":"..."}}, byte arrays hex
 * strings, addresses their text. No dependency, no parsing.
 */
final class Json {
    private Json() {}

    static String write(Object value) {
        StringBuilder sb = new StringBuilder();
        write(sb, value);
        return sb.toString();
    }

    private static void write(StringBuilder sb, Object v) {
        if (v == null) {
            sb.append("null");
        } else if (v instanceof Optional<?> o) {
            write(sb, o.orElse(null));
        } else if (v instanceof OptionalInt o) {
            sb.append(o.isPresent() ? Integer.toString(o.getAsInt()) : "null");
        } else if (v instanceof OptionalLong o) {
            sb.append(o.isPresent() ? Long.toString(o.getAsLong()) : "null");
        } else if (v instanceof Boolean || v instanceof Integer || v instanceof Long || v instanceof Short) {
            sb.append(v);
        } else if (v instanceof Number n) {
            double d = n.doubleValue();
            // JSON has no NaN or infinity
            sb.append(Double.isFinite(d) ? Double.toString(d) : "null");
        } else if (v instanceof CharSequence || v instanceof Character) {
            string(sb, v.toString());
        } else if (v instanceof Enum<?> e) {
            string(sb, e.name());
        } else if (v instanceof OpenEnum e) {
            sb.append("{\"code\":").append(e.code()).append(",\"name\":");
            string(sb, e.displayName());
            sb.append('}');
        } else if (v instanceof PrivilegeLevel p) {
            sb.append("{\"code\":").append(p.code()).append(",\"name\":");
            string(sb, p.displayName());
            sb.append('}');
        } else if (v instanceof byte[] b) {
            string(sb, HexFormat.of().formatHex(b));
        } else if (v instanceof ByteString b) {
            string(sb, b.hex());
        } else if (v instanceof InetAddress a) {
            string(sb, a.getHostAddress());
        } else if (v instanceof Guid g) {
            string(sb, HexFormat.of().formatHex(g.bytes()));
        } else if (v instanceof Duration d) {
            sb.append(d.toSeconds());
        } else if (v instanceof Map<?, ?> m) {
            sb.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> e : m.entrySet()) {
                if (!first) {
                    sb.append(',');
                }
                first = false;
                string(sb, String.valueOf(e.getKey()));
                sb.append(':');
                write(sb, e.getValue());
            }
            sb.append('}');
        } else if (v instanceof Collection<?> c) {
            sb.append('[');
            boolean first = true;
            for (Object o : c) {
                if (!first) {
                    sb.append(',');
                }
                first = false;
                write(sb, o);
            }
            sb.append(']');
        } else if (v.getClass().isRecord()) {
            sb.append('{');
            boolean first = true;
            for (RecordComponent rc : v.getClass().getRecordComponents()) {
                if (!first) {
                    sb.append(',');
                }
                first = false;
                string(sb, rc.getName());
                sb.append(':');
                try {
                    rc.getAccessor().setAccessible(true);
                    write(sb, rc.getAccessor().invoke(v));
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException("cannot read " + rc.getName(), e);
                }
            }
            sb.append('}');
        } else {
            string(sb, v.toString());
        }
    }

    /**
     * One ipmitool table line ({@code a | b | c}) as an object with the given keys: blank or
     * {@code na} cells become null, plain numbers become numbers, everything else stays text.
     */
    static Map<String, Object> columns(String line, String... keys) {
        String[] cells = line.split("\\|", -1);
        Map<String, Object> m = new java.util.LinkedHashMap<>();
        for (int i = 0; i < keys.length; i++) {
            m.put(keys[i], i < cells.length ? cell(cells[i].strip()) : null);
        }
        return m;
    }

    static Object cell(String text) {
        if (text.isEmpty() || text.equals("na")) {
            return null;
        }
        if (text.matches("-?[0-9]+")) {
            try {
                return Long.parseLong(text);
            } catch (NumberFormatException e) {
                return text;
            }
        }
        if (text.matches("-?[0-9]+\\.[0-9]+")) {
            return Double.parseDouble(text);
        }
        return text;
    }

    /**
     * ipmitool's {@code Name   : value} lines as an object: the name in lower camel case
     * ("Sensor Reading" becomes {@code sensorReading}), the value as text; a repeated name keeps
     * its first value. Lines without " : " are left out.
     */
    static Map<String, Object> fields(Iterable<String> lines) {
        Map<String, Object> m = new java.util.LinkedHashMap<>();
        for (String line : lines) {
            int colon = line.indexOf(" :");
            if (colon < 0) {
                continue;
            }
            String key = camel(line.substring(0, colon));
            String value = line.substring(colon + 2).strip();
            if (!key.isEmpty()) {
                m.putIfAbsent(key, value);
            }
        }
        return m;
    }

    static String camel(String name) {
        StringBuilder sb = new StringBuilder();
        for (String word : name.strip().split("[^A-Za-z0-9]+")) {
            if (word.isEmpty()) {
                continue;
            }
            // abbreviations are words too: "Sensor ID" is sensorId, "SDR Version" sdrVersion
            String w = word.equals(word.toUpperCase(java.util.Locale.ROOT)) ? word.toLowerCase(java.util.Locale.ROOT)
                    : word;
            sb.append(sb.length() == 0 ? w.toLowerCase(java.util.Locale.ROOT)
                    : Character.toUpperCase(w.charAt(0)) + w.substring(1));
        }
        return sb.toString();
    }

    private static void string(StringBuilder sb, String s) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        sb.append('"');
    }
}
