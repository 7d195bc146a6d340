package dev.ipmi.core.fleet;

/** "host", "host:port" and "[v6]:port" as the fleet spells BMC names. */
final class HostNames {
    private HostNames() {}

    static String join(String host, int port) {
        return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
    }

    /** {@code {host, port}} from "host", "host:port", "[v6]" or "[v6]:port"; the port defaults to {@code defaultPort}. */
    static Object[] split(String name, int defaultPort) {
        String host = name;
        int port = defaultPort;
        if (name.startsWith("[")) {
            int end = name.indexOf(']');
            if (end < 0) {
                throw new IllegalArgumentException("BMC name has '[' without ']': " + name);
            }
            host = name.substring(1, end);
            if (end + 1 < name.length()) {
                if (name.charAt(end + 1) != ':') {
                    throw new IllegalArgumentException("BMC name: expected ':' after ']': " + name);
                }
                port = parsePort(name.substring(end + 2), name);
            }
        } else {
            int colon = name.indexOf(':');
            if (colon >= 0 && colon == name.lastIndexOf(':')) {
                host = name.substring(0, colon);
                port = parsePort(name.substring(colon + 1), name);
            }
        }
        if (host.isBlank()) {
            throw new IllegalArgumentException("BMC name has no host: '" + name + "'");
        }
        return new Object[] {host, port};
    }

    private static int parsePort(String s, String name) {
        try {
            int p = Integer.parseInt(s);
            if (p >= 1 && p <= 0xFFFF) {
                return p;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("BMC name has an invalid port '" + s + "': " + name);
    }
}
