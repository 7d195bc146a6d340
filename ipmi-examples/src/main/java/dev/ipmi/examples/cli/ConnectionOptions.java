package dev.ipmi.examples.cli;

import dev.ipmi.core.spi.IpmiTransport;
import dev.ipmi.core.types.AuthType;
import dev.ipmi.core.types.PrivilegeLevel;
import dev.ipmi.core.options.LanOptions;
import dev.ipmi.lan.LanSession;
import dev.ipmi.core.client.RetryPolicy;
import dev.ipmi.core.types.CipherSuite;
import dev.ipmi.core.options.LanPlusOptions;
import dev.ipmi.lanplus.LanPlusSession;
import java.nio.charset.StandardCharsets;
import java.io.Console;
import java.time.Duration;
import java.util.Arrays;
import picocli.CommandLine.Option;

/**
 * ipmitool's global connection options and the one place where a transport is created from them.
 * New interfaces and their options (lanplus: {@code -C}, {@code -k}, {@code -y}) go here.
 */
public final class ConnectionOptions {

    @Option(names = "-I", paramLabel = "interface", description = "Interface: lan (IPMI 1.5) or lanplus (IPMI 2.0/RMCP+). Default: lan.")
    String iface = "lan";

    @Option(names = "-H", paramLabel = "address", description = "BMC host name or address.")
    String host;

    @Option(names = "-p", paramLabel = "port", description = "Remote RMCP port. Default: 623.")
    int port = LanOptions.DEFAULT_PORT;

    @Option(names = "-U", paramLabel = "username", description = "Remote session user name.")
    String user = "";

    @Option(names = "-P", paramLabel = "password", description = "Remote session password (visible in the process list; prefer -E).")
    char[] password;

    @Option(names = "-E", description = "Read the password from the IPMI_PASSWORD environment variable.")
    boolean passwordFromEnv;

    @Option(names = "-A", paramLabel = "authtype", description = "IPMI 1.5 auth type: MD5, MD2, PASSWORD or NONE. Default: strongest offered.")
    String authType;

    @Option(names = "-L", paramLabel = "privlvl", description = "Session privilege level: USER, OPERATOR or ADMINISTRATOR. Default: ADMINISTRATOR.")
    String privilege = "ADMINISTRATOR";

    @Option(names = "-R", paramLabel = "retries", description = "Retransmissions per request. Default: 4.")
    Integer retries;

    @Option(names = "-N", paramLabel = "seconds", description = "First retransmission timeout in seconds. Default: 1.")
    Double timeoutSeconds;

    @Option(names = "-C", paramLabel = "ciphersuite", description = "lanplus cipher suite ID (0-3, 6-8, 11, 12, 15-17). Default: negotiate the strongest the BMC offers.")
    Integer cipherSuite;

    @Option(names = "-k", paramLabel = "key", description = "lanplus BMC key K_G as text.")
    String kgText;

    @Option(names = "-y", paramLabel = "hexkey", description = "lanplus BMC key K_G as hex (up to 40 hex digits).")
    String kgHex;

    @Option(names = "--allow-cipher-zero", description = "Permit -C 0 (no authentication, integrity or encryption).")
    boolean allowCipherZero;

    @Option(names = "--allow-insecure-auth", description = "Permit IPMI 1.5 auth types NONE and PASSWORD (-A NONE, -A PASSWORD).")
    boolean allowInsecureAuth;

    @Option(names = "-v", description = "Verbose: debug logging and stack traces on errors.")
    boolean verbose;

    /** Opens the session the options describe; throws with a one-line message when it cannot. */
    public IpmiTransport open() {
        configureLogging();
        if (host == null || host.isBlank()) {
            throw new CliException("no host given (use -H address)");
        }
        return switch (iface) {
            case "lan" -> openLan();
            case "lanplus" -> openLanPlus();
            default -> throw new CliException("unknown interface '" + iface + "' (expected lan or lanplus)");
        };
    }

    private IpmiTransport openLan() {
        char[] pw = password();
        try {
            LanOptions.Builder b = LanOptions.builder(host).port(port).credentials(user, pw)
                    .privilege(PrivilegeLevel.parse(privilege)).retry(retryPolicy());
            if (authType != null) {
                AuthType t = AuthType.parse(authType);
                if ((t.equals(AuthType.NONE) || t.equals(AuthType.PASSWORD)) && !allowInsecureAuth) {
                    throw new CliException("-A " + t + " sends the password in clear or not at all; "
                            + "add --allow-insecure-auth to use it anyway");
                }
                b.authType(t);
            }
            b.allowInsecureAuth(allowInsecureAuth);
            LanOptions o = b.build();
            try {
                return LanSession.open(o);
            } finally {
                o.wipe();
            }
        } finally {
            Arrays.fill(pw, '\0');
            if (password != null) {
                Arrays.fill(password, '\0');
            }
        }
    }

    private IpmiTransport openLanPlus() {
        CipherSuite suite = CipherSuite.AUTO;
        if (cipherSuite != null) {
            if (cipherSuite == 0 && !allowCipherZero) {
                throw new CliException("-C 0 disables authentication, integrity and encryption; "
                        + "add --allow-cipher-zero to use it anyway");
            }
            suite = CipherSuite.of(cipherSuite);
        }
        byte[] kg = kg();
        char[] pw = password();
        try {
            LanPlusOptions o = LanPlusOptions.builder(host).port(port).credentials(user, pw).kg(kg)
                    .privilege(PrivilegeLevel.parse(privilege)).cipherSuite(suite)
                    .allowCipherZero(allowCipherZero).retry(retryPolicy()).build();
            try {
                return LanPlusSession.open(o);
            } finally {
                o.wipe();
            }
        } catch (IllegalArgumentException e) {
            throw new CliException(e.getMessage());
        } finally {
            Arrays.fill(pw, '\0');
            if (password != null) {
                Arrays.fill(password, '\0');
            }
            if (kg != null) {
                Arrays.fill(kg, (byte) 0);
            }
        }
    }

    /** ipmitool's -k (text) or -y (hex) K_G; null when neither is given. */
    byte[] kg() {
        if (kgText != null && kgHex != null) {
            throw new CliException("give the BMC key with -k or -y, not both");
        }
        if (kgText != null) {
            byte[] b = kgText.getBytes(StandardCharsets.UTF_8);
            if (b.length > 20) {
                throw new CliException("-k key is longer than 20 bytes");
            }
            return b;
        }
        if (kgHex != null) {
            String h = kgHex.startsWith("0x") || kgHex.startsWith("0X") ? kgHex.substring(2) : kgHex;
            if (h.length() % 2 != 0 || h.length() > 40 || !h.matches("[0-9a-fA-F]*")) {
                throw new CliException("-y needs an even number of hex digits, at most 40");
            }
            byte[] b = new byte[h.length() / 2];
            for (int i = 0; i < b.length; i++) {
                b[i] = (byte) Integer.parseInt(h.substring(2 * i, 2 * i + 2), 16);
            }
            return b;
        }
        return null;
    }

    RetryPolicy retryPolicy() {
        RetryPolicy p = RetryPolicy.DEFAULT;
        if (timeoutSeconds != null) {
            if (!(timeoutSeconds > 0) || timeoutSeconds > 3600) {
                throw new CliException("-N must be a positive number of seconds");
            }
            p = p.withFirstTimeout(Duration.ofMillis(Math.round(timeoutSeconds * 1000)));
        }
        if (retries != null) {
            if (retries < 0 || retries > 100) {
                throw new CliException("-R must be 0..100");
            }
            p = p.withRetries(retries);
        }
        return p;
    }

    private char[] password() {
        if (password != null) {
            return password.clone();
        }
        if (passwordFromEnv) {
            String env = System.getenv("IPMI_PASSWORD");
            if (env == null) {
                throw new CliException("-E given but IPMI_PASSWORD is not set");
            }
            return env.toCharArray();
        }
        Console c = System.console();
        if (c != null && !user.isEmpty()) {
            char[] typed = c.readPassword("Password: ");
            return typed == null ? new char[0] : typed;
        }
        return new char[0];
    }

    /** slf4j-simple is silent unless -v; must run before the first logger is created. */
    void configureLogging() {
        String key = "org.slf4j.simpleLogger.defaultLogLevel";
        if (System.getProperty(key) == null) {
            System.setProperty(key, verbose ? "debug" : "off");
        }
        System.setProperty("org.slf4j.simpleLogger.logFile", System.getProperty("org.slf4j.simpleLogger.logFile",
                "System.err"));
    }

    /** Never shows the password. */
    @Override
    public String toString() {
        return "ConnectionOptions[-I " + iface + " -H " + host + " -p " + port + " -U " + user
                + (cipherSuite != null ? " -C " + cipherSuite : "") + "]";
    }
}
