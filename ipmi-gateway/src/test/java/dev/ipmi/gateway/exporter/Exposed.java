package dev.ipmi.gateway.exporter;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A parsed text exposition (Prometheus 0.0.4 or OpenMetrics text): every series with its labels
 * and value, and the label names of each family. Written for the tests' comparisons only.
 */
record Exposed(Map<String, Map<String, String>> labels, Map<String, Double> values, Map<String, Set<String>> families) {
    private static final Pattern SERIES = Pattern.compile("([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{(.*)\\})?\\s+(\\S+)(\\s+\\S+)?");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

    static Exposed parse(String text) {
        Map<String, Map<String, String>> labels = new LinkedHashMap<>();
        Map<String, Double> values = new LinkedHashMap<>();
        Map<String, Set<String>> families = new TreeMap<>();
        for (String line : text.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            Matcher m = SERIES.matcher(line.strip());
            if (!m.matches()) {
                throw new IllegalArgumentException("not an exposition line: " + line);
            }
            Map<String, String> l = new TreeMap<>();
            if (m.group(3) != null) {
                Matcher lm = LABEL.matcher(m.group(3));
                while (lm.find()) {
                    l.put(lm.group(1), lm.group(2));
                }
            }
            String key = m.group(1) + l;
            labels.put(key, l);
            values.put(key, parseValue(m.group(4)));
            families.computeIfAbsent(m.group(1), k -> new TreeSet<>()).addAll(l.keySet());
        }
        return new Exposed(labels, values, families);
    }

    private static double parseValue(String v) {
        return switch (v) {
            case "NaN" -> Double.NaN;
            case "+Inf" -> Double.POSITIVE_INFINITY;
            case "-Inf" -> Double.NEGATIVE_INFINITY;
            default -> Double.parseDouble(v);
        };
    }

    /** The value of the series {@code name} with exactly these labels ("k=v" pairs), or null. */
    Double value(String name, String... kv) {
        Map<String, String> l = new TreeMap<>();
        for (String p : kv) {
            int eq = p.indexOf('=');
            l.put(p.substring(0, eq), p.substring(eq + 1));
        }
        return values.get(name + l);
    }
}
