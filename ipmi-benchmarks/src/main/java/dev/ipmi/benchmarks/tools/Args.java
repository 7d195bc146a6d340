package dev.ipmi.benchmarks.tools;

import java.util.HashMap;
import java.util.Map;

/** {@code --name value} pairs; every option has a default, so a typo fails loudly instead of silently. */
final class Args {
    private final Map<String, String> values = new HashMap<>();

    Args(String[] args, Map<String, String> defaults) {
        values.putAll(defaults);
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (!a.startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("expected --name value, got " + a);
            }
            String name = a.substring(2);
            if (!defaults.containsKey(name)) {
                throw new IllegalArgumentException("unknown option --" + name + "; known: " + defaults.keySet());
            }
            values.put(name, args[++i]);
        }
    }

    String get(String name) {
        return values.get(name);
    }

    int integer(String name, int min, int max) {
        int v = Integer.parseInt(values.get(name));
        if (v < min || v > max) {
            throw new IllegalArgumentException("--" + name + " must be " + min + ".." + max + ": " + v);
        }
        return v;
    }

    String string(String name) {
        return values.get(name);
    }
}
