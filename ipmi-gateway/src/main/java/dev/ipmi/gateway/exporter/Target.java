package dev.ipmi.gateway.exporter;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What {@code target=} names: a BMC from the gateway's configuration (its credentials come from
 * there), or {@code HOST[:PORT]} as ipmi_exporter takes it (credentials from the module).
 */
sealed interface Target {
    /** Compiled once: every scrape request parses its target. */
    Pattern HOST = Pattern.compile("[A-Za-z0-9._:%-]+");
    Pattern PORT = Pattern.compile("[0-9]{1,5}");

    /** The text as given, for logs and the single-flight key. */
    String text();

    record Named(String text) implements Target {}

    record Address(String text, String host, int port) implements Target {}

    /**
     * Parses {@code HOST}, {@code HOST:PORT}, {@code [V6]} or {@code [V6]:PORT}; empty when the text
     * is not an address (so a caller can say why).
     */
    static Optional<Address> address(String text) {
        String host;
        String port = null;
        if (text.startsWith("[")) {
            int close = text.indexOf(']');
            if (close < 0) {
                return Optional.empty();
            }
            host = text.substring(1, close);
            String rest = text.substring(close + 1);
            if (!rest.isEmpty()) {
                if (!rest.startsWith(":")) {
                    return Optional.empty();
                }
                port = rest.substring(1);
            }
        } else {
            int colon = text.indexOf(':');
            if (colon >= 0 && colon == text.lastIndexOf(':')) {
                host = text.substring(0, colon);
                port = text.substring(colon + 1);
            } else {
                // a bare IPv6 address (several colons) has no port
                host = text;
            }
        }
        if (host.isEmpty() || host.length() > 253 || !HOST.matcher(host).matches()) {
            return Optional.empty();
        }
        int p = 623;
        if (port != null) {
            if (!PORT.matcher(port).matches()) {
                return Optional.empty();
            }
            p = Integer.parseInt(port);
            if (p < 1 || p > 65535) {
                return Optional.empty();
            }
        }
        return Optional.of(new Address(text, host, p));
    }
}
