package dev.ipmi.examples.cli;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * FreeIPMI's host lists ({@code -h}, pdsh hostlist syntax) for {@code -H}: names separated by
 * commas, each with bracketed ranges that expand in place: {@code node[01-20]} (zero padding of the
 * lower bound kept), {@code 10.0.0.[1-254]}, {@code 127.0.0.1:40[000-999]}, {@code rack[1,3,5-7]}.
 * Several bracket groups in one name multiply out. Duplicates are dropped, order is kept.
 */
final class HostRange {
    /** An accident guard: {@code 10.[0-255].[0-255].[0-255]} would be 16 million hosts. */
    static final int MAX_HOSTS = 100_000;

    private HostRange() {}

    /** The hosts {@code spec} names, in order. */
    static List<String> expand(String spec) {
        if (spec == null || spec.isBlank()) {
            throw new IllegalArgumentException("empty host list");
        }
        Set<String> out = new LinkedHashSet<>();
        for (String name : splitTopLevel(spec)) {
            String n = name.trim();
            if (n.isEmpty()) {
                continue;
            }
            expandOne(n, out);
            if (out.size() > MAX_HOSTS) {
                throw new IllegalArgumentException("host list names more than " + MAX_HOSTS + " hosts: " + spec);
            }
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException("host list names no host: '" + spec + "'");
        }
        return List.copyOf(out);
    }

    /** Splits at commas outside brackets. */
    private static List<String> splitTopLevel(String spec) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < spec.length(); i++) {
            char c = spec.charAt(i);
            if (c == '[') {
                if (depth++ > 0) {
                    throw new IllegalArgumentException("nested '[' in host list at " + i + ": " + spec);
                }
            } else if (c == ']') {
                if (--depth < 0) {
                    throw new IllegalArgumentException("']' without '[' in host list at " + i + ": " + spec);
                }
            } else if (c == ',' && depth == 0) {
                parts.add(spec.substring(start, i));
                start = i + 1;
            }
        }
        if (depth != 0) {
            throw new IllegalArgumentException("'[' without ']' in host list: " + spec);
        }
        parts.add(spec.substring(start));
        return parts;
    }

    private static void expandOne(String name, Set<String> out) {
        int open = name.indexOf('[');
        if (open < 0) {
            out.add(name);
            return;
        }
        int close = name.indexOf(']', open);
        String prefix = name.substring(0, open);
        String suffix = name.substring(close + 1);
        String body = name.substring(open + 1, close);
        // an IPv6 literal "[::1]:623" is a name, not a range
        if (open == 0 && body.contains(":")) {
            out.add(name);
            return;
        }
        for (String item : body.split(",", -1)) {
            String it = item.trim();
            if (it.isEmpty()) {
                throw new IllegalArgumentException("empty range item in '" + name + "'");
            }
            int dash = it.indexOf('-');
            if (dash < 0) {
                digits(it, name);
                expandOne(prefix + it + suffix, out);
                continue;
            }
            String lo = it.substring(0, dash);
            String hi = it.substring(dash + 1);
            digits(lo, name);
            digits(hi, name);
            long a = Long.parseLong(lo);
            long b = Long.parseLong(hi);
            if (b < a) {
                throw new IllegalArgumentException("range " + it + " runs backwards in '" + name + "'");
            }
            if (b - a >= MAX_HOSTS) {
                throw new IllegalArgumentException("range " + it + " names more than " + MAX_HOSTS + " hosts");
            }
            int width = lo.length() > 1 && lo.startsWith("0") ? lo.length() : 0;
            for (long v = a; v <= b; v++) {
                String num = width > 0 ? String.format(java.util.Locale.ROOT, "%0" + width + "d", v) : Long.toString(v);
                expandOne(prefix + num + suffix, out);
                if (out.size() > MAX_HOSTS) {
                    throw new IllegalArgumentException("host list names more than " + MAX_HOSTS + " hosts");
                }
            }
        }
    }

    private static void digits(String s, String name) {
        if (s.isEmpty() || s.length() > 9 || !s.chars().allMatch(Character::isDigit)) {
            throw new IllegalArgumentException("range bound '" + s + "' is not a number in '" + name + "'");
        }
    }
}
