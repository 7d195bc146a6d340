package dev.ipmi.gateway.config;

/** A configuration file the gateway refuses to start with; the message names the key and the line. */
public final class ConfigException extends RuntimeException {
    private final String key;
    private final int line;

    public ConfigException(String key, int line, String problem) {
        super((line > 0 ? "line " + line + ": " : "") + (key.isEmpty() ? "" : key + ": ") + problem);
        this.key = key;
        this.line = line;
    }

    /** The dotted path of the offending key, e.g. {@code bmcs[2].password_env}. */
    public String key() {
        return key;
    }

    /** 1-based line in the YAML file, or 0 when the problem has no single line. */
    public int line() {
        return line;
    }
}
