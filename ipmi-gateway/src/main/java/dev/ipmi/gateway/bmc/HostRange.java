package dev.ipmi.gateway.bmc;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Host-range selectors as pdsh and ClusterShell write them: {@code node[01-06]},
 * {@code node[01-03,07],db1}, {@code rack[1-2]-n[1-4]}. Zero padding follows the lower bound.
 */
public final class HostRange {
    /** Expansions larger than this are refused (a typo like {@code n[1-99999999]} must not eat memory). */
    public static final int MAX_NAMES = 10_000;

    private HostRange() {}

    /** The names the selector denotes, in order, without duplicates. */
    public static List<String> expand(String selector) {
        if (selector.isBlank()) {
            throw new IllegalArgumentException("empty selector");
        }
        Set<String> out = new LinkedHashSet<>();
        for (String part : splitTop(selector)) {
            if (part.isEmpty()) {
                throw new IllegalArgumentException("empty name between commas");
            }
            expandInto(part, out);
        }
        return List.copyOf(out);
    }

    private static List<String> splitTop(String s) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '[') {
                if (++depth > 1) {
                    throw new IllegalArgumentException("nested '[' at position " + i);
                }
            } else if (c == ']') {
                if (--depth < 0) {
                    throw new IllegalArgumentException("']' without '[' at position " + i);
                }
            } else if (c == ',' && depth == 0) {
                parts.add(s.substring(start, i).trim());
                start = i + 1;
            }
        }
        if (depth != 0) {
            throw new IllegalArgumentException("'[' without ']'");
        }
        parts.add(s.substring(start).trim());
        return parts;
    }

    private static void expandInto(String pattern, Set<String> out) {
        int open = pattern.indexOf('[');
        if (open < 0) {
            add(out, pattern);
            return;
        }
        int close = pattern.indexOf(']', open);
        String prefix = pattern.substring(0, open);
        String rest = pattern.substring(close + 1);
        String body = pattern.substring(open + 1, close);
        if (body.isEmpty()) {
            throw new IllegalArgumentException("empty range '[]'");
        }
        for (String item : body.split(",", -1)) {
            int dash = item.indexOf('-');
            if (dash < 0) {
                checkDigits(item);
                expandInto(prefix + item + rest, out);
                continue;
            }
            String lo = item.substring(0, dash);
            String hi = item.substring(dash + 1);
            checkDigits(lo);
            checkDigits(hi);
            if (lo.length() > 9 || hi.length() > 9) {
                throw new IllegalArgumentException("range bound too long in '" + item + "'");
            }
            int a = Integer.parseInt(lo);
            int b = Integer.parseInt(hi);
            if (b < a) {
                throw new IllegalArgumentException("range '" + item + "' runs backwards");
            }
            if ((long) b - a + 1 + out.size() > MAX_NAMES) {
                throw new IllegalArgumentException("selector expands to more than " + MAX_NAMES + " names");
            }
            String format = lo.length() > 1 && lo.startsWith("0") ? "%0" + lo.length() + "d" : "%d";
            for (int i = a; i <= b; i++) {
                expandInto(prefix + String.format(format, i) + rest, out);
            }
        }
    }

    private static void checkDigits(String s) {
        if (s.isEmpty() || !s.chars().allMatch(Character::isDigit)) {
            throw new IllegalArgumentException("expected digits in a range, found '" + s + "'");
        }
    }

    private static void add(Set<String> out, String name) {
        if (out.size() >= MAX_NAMES) {
            throw new IllegalArgumentException("selector expands to more than " + MAX_NAMES + " names");
        }
        out.add(name);
    }
}
