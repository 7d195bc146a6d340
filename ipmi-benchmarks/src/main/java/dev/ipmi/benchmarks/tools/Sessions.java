package dev.ipmi.benchmarks.tools;

import dev.ipmi.core.client.IpmiClient;
import dev.ipmi.core.options.SessionOptions;
import dev.ipmi.core.types.AuthType;
import dev.ipmi.core.types.CipherSuite;
import java.util.concurrent.CompletableFuture;

/**
 * Clients of the lab ipmi_sim as admin/password on 127.0.0.1, the same as the peers are given,
 * through the public facade ({@code IpmiClient.lanplus/lan}, found by ServiceLoader); every
 * session runs on the JVM-wide shared UDP engine.
 */
public final class Sessions {
    static final String HOST = "127.0.0.1";
    public static final String USER = "admin";
    public static final String PASSWORD = "password";

    private Sessions() {}

    /** lanplus: cipher suite 3 (as ipmitool -C 3); lan: IPMI 1.5 with MD5. */
    public static SessionOptions.Builder<?, ?> builder(String transport, String host, int port) {
        return switch (transport) {
            case "lanplus" -> IpmiClient.lanplus(host).port(port).credentials(USER, PASSWORD.toCharArray())
                    .cipherSuite(CipherSuite.SUITE_3);
            case "lan" -> IpmiClient.lan(host).port(port).credentials(USER, PASSWORD.toCharArray())
                    .authType(AuthType.MD5);
            default -> throw new IllegalArgumentException("transport is lan or lanplus: " + transport);
        };
    }

    static IpmiClient connect(String transport, int port) {
        return builder(transport, HOST, port).connect();
    }

    static CompletableFuture<IpmiClient> connectLanPlusAsync(int port) {
        return builder("lanplus", HOST, port).connectAsync();
    }
}
